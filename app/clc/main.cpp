// clc: the command line. The verbs are in the library clc_cli (runCli) so tests can call it in-process.
#include "cli.h"
#include "language.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <memory>
#include <cstdio>

int main(int argc, char **argv)
{
    // Drawing a PDF needs fonts, so `report` runs with a GUI application, off screen when there is no display.
    bool report = false;
    for (int i = 1; i < argc; ++i)
        report = report || QByteArray(argv[i]) == "report" || QByteArray(argv[i]) == "schedule";
    if (report && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(report ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("clc"));
    // The command's own output says what happened; the clc.* log adds warnings only, unless asked.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("clc.*.info=false"));
    const QStringList args = app->arguments().mid(1);
    const int lang = int(args.indexOf(QStringLiteral("--lang")));
    clc::installLanguage(clc::chooseLanguage(lang >= 0 ? args.value(lang + 1) : QString()));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return clc::runCli(args, out, err);
}
