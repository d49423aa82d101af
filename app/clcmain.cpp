// clc: the command line. All logic is in cli.cpp (library clc_cli) so tests can call it in-process.
#include "cli.h"
#include "language.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clc"));
    const QStringList args = app.arguments().mid(1);
    const int lang = int(args.indexOf(QStringLiteral("--lang")));
    clc::installLanguage(clc::chooseLanguage(lang >= 0 ? args.value(lang + 1) : QString()));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return clc::runCli(args, out, err);
}
