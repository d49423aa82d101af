// clc-app: the app people hold. Thin: makes the store, the translator and the QML engine.
#include "applog.h"
#include "dbthread.h"
#include "language.h"
#include "store.h"
#include "storemanager.h"
#include "syncstatus.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QLocale>
#include <QQuickStyle>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(ClcPlugin)

namespace {
// Without a display Qt would abort with a message about xcb; say what to do instead.
bool hasDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}
// Resident and peak memory of this process in kB, from /proc/self/status ("VmRSS", "VmHWM").
qint64 memoryKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

/// --screenshot: saves the window to file once it has rendered (1.5 s), then quits with exitCode, or
/// 1 when the file cannot be saved.
void screenshotAndQuit(QQuickWindow *window, const QString &file, int exitCode)
{
    QTimer::singleShot(1500, window, [window, file, exitCode] {
        const bool ok = window->grabWindow().save(file);
        std::fprintf(ok ? stdout : stderr, ok ? "%s\n" : "cannot save %s\n", qPrintable(file));
        QCoreApplication::exit(ok ? exitCode : 1);
    });
}

/// The data could not be opened: a window says why in words and what to do (qml/OpenFailed.qml),
/// instead of a message on a console nobody sees. True when the person presses Try again.
/// With a screenshot file (--screenshot), the window is saved there and the app quits.
bool showOpenFailure(const std::exception &e, const QString &dbPath, const QString &size, const QString &shot)
{
    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("kind"), clc::openFailureKind(e)},
                                 {QStringLiteral("detail"), QString::fromUtf8(e.what())},
                                 {QStringLiteral("path"), QFileInfo(dbPath).absoluteFilePath()},
                                 {QStringLiteral("logFolder"), QFileInfo(dbPath).absolutePath()}});
    engine.load(QUrl(QStringLiteral("qrc:/Clc/OpenFailed.qml")));
    if (engine.rootObjects().isEmpty())
        return false;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    const QStringList wh = size.split(QLatin1Char('x'));
    if (wh.size() == 2)
        window->resize(wh.value(0).toInt(), wh.value(1).toInt());
    if (!shot.isEmpty())
        screenshotAndQuit(window, shot, 1); // the data did not open: 1 either way
    return QCoreApplication::exec() == 3; // OpenFailed.qml's Try again
}
} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--version") == 0) { // answered without a display (an install check)
            std::printf("clc-app %s\n", CLC_VERSION);
            return 0;
        }
    if (!hasDisplay()) {
        std::fprintf(stderr,
                     "clc-app: there is no display (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                     "Run it under a virtual display:  xvfb-run -a -s '-screen 0 1280x800x24' scripts/run\n"
                     "or render off screen:            QT_QPA_PLATFORM=offscreen scripts/run --screenshot out.png\n");
        return 2;
    }
    QApplication app(argc, argv); // widgets only for the system's print dialog (ReportController::print)
    QGuiApplication::setApplicationName(QStringLiteral("clc"));
    QGuiApplication::setOrganizationName(QStringLiteral("clc"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The database file."), QStringLiteral("FILE"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("vi or en."), QStringLiteral("LANG"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size, e.g. 390x844."), QStringLiteral("WxH"));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"), QStringLiteral("Save the window to a PNG and quit."), QStringLiteral("FILE"));
    const QCommandLineOption monthOption(QStringLiteral("month"), QStringLiteral("Open the schedule at this month."), QStringLiteral("YYYY-MM"));
    const QCommandLineOption activityOption(QStringLiteral("open-activity"), QStringLiteral("Open this activity."), QStringLiteral("ID"));
    const QCommandLineOption sessionOption(QStringLiteral("open-session"), QStringLiteral("Open the attendance of this session."), QStringLiteral("ID"));
    const QCommandLineOption tabOption(QStringLiteral("tab"), QStringLiteral("Open a tab: schedule, learners, plan, reports, sync, settings; or the plan's survey or text editor: survey, plan-text."), QStringLiteral("NAME"));
    const QCommandLineOption editOption(QStringLiteral("edit"), QStringLiteral("With --open-activity: open its edit form."));
    const QCommandLineOption measureOption(QStringLiteral("measure-startup"),
                                           QStringLiteral("Print the time to the first frame and to the home screen's data, and memory; then quit."));
    parser.addOptions({dbOption, langOption, sizeOption, shotOption, monthOption, activityOption, sessionOption, tabOption, measureOption, editOption});
    parser.addPositionalArgument(QStringLiteral("link"), QStringLiteral("A ward office's enrolment link, clc://enroll?server=…&code=… (the system's URL handler passes it)."),
                                 QStringLiteral("[link]"));
    parser.process(app);
    // Started from a menu or a double click there are no arguments: the database in the standard
    // data folder (~/.local/share/clc/clc.db, as scripts/run uses), created if needed.
    QString dbPath = parser.value(dbOption);
    if (dbPath.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/clc");
        QDir().mkpath(folder);
        dbPath = folder + QStringLiteral("/clc.db");
    }
    // The log lives beside the database, in the app's data folder; from before the file is opened,
    // so what opening finds (a copied file) is kept too.
    clc::AppLog::install(QFileInfo(dbPath).absolutePath());
    // The language: the command line, else the one chosen in Settings (stored on this device), else the locale's.
    QString language = parser.value(langOption);
    if (language.isEmpty()) {
        try {
            language = clc::Store(dbPath).meta(clc::MetaKey::Language);
        } catch (const std::exception &) {
        }
    }
    clc::installLanguage(clc::chooseLanguage(language));
    // Numbers are written the Vietnamese way in either language ("1.371", as vn::formatNumber and the
    // reports write them): QML's %Ln, toLocaleString and the SpinBoxes follow the default locale.
    QLocale::setDefault(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    if (QQuickStyle::name().isEmpty())
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    // The data: opened (and migrated), or a window that says why not, until it opens or the person gives up.
    std::unique_ptr<clc::StoreManager> manager;
    while (!manager) {
        try {
            manager = std::make_unique<clc::StoreManager>(std::make_unique<clc::Store>(dbPath));
        } catch (const std::exception &e) {
            qCWarning(lcApp).noquote() << "cannot open" << dbPath << ":" << QString::fromUtf8(e.what()); // the app's log and stderr
            if (parser.isSet(measureOption) || !showOpenFailure(e, dbPath, parser.value(sizeOption), parser.value(shotOption)))
                return 1;
        }
    }
    clc::StoreManager::setInstance(manager.get());
    clc::SyncStatus syncStatus(dbPath);
    clc::SyncStatus::setInstance(&syncStatus);
    // Opened with the office's link (a QR code scanned by the phone's camera app, a link in a message):
    // the sync page opens with the form filled; the person checks it and presses Enrol.
    const QVariantMap offered = syncStatus.parseLink(parser.positionalArguments().value(0));
    syncStatus.offerLink(offered);
    syncStatus.syncNow(); // in the background; the window opens at once

    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/Clc/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (parser.isSet(sizeOption)) {
        const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
        window->resize(wh.value(0).toInt(), wh.value(1).toInt());
        // On X11 the size arrives with the window manager's answer; deep links below depend on it
        // (phone: an activity opens as a page; tablet: in the pane beside the list).
        QElapsedTimer waited;
        waited.start();
        const bool wide = wh.value(0).toInt() >= 800; // Main.qml's threshold between phone and tablet layouts
        while ((window->width() != wh.value(0).toInt() || window->property("wide").toBool() != wide) && waited.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    if (!offered.isEmpty())
        QMetaObject::invokeMethod(window, "openEnrolment");
    if (parser.isSet(monthOption))
        QMetaObject::invokeMethod(window, "showMonth", Q_ARG(QVariant, parser.value(monthOption)));
    if (parser.isSet(activityOption))
        QMetaObject::invokeMethod(window, parser.isSet(editOption) ? "editActivityById" : "openActivityById",
                                  Q_ARG(QVariant, parser.value(activityOption)));
    if (parser.isSet(sessionOption))
        QMetaObject::invokeMethod(window, "openSessionById", Q_ARG(QVariant, parser.value(sessionOption)));
    if (parser.isSet(tabOption)) {
        const int tab = int(QStringList{QStringLiteral("schedule"), QStringLiteral("learners"), QStringLiteral("plan"), QStringLiteral("reports"),
                                        QStringLiteral("sync"), QStringLiteral("settings")}
                                .indexOf(parser.value(tabOption)));
        const QString name = parser.value(tabOption);
        if (name == QLatin1String("survey") || name == QLatin1String("plan-text"))
            QMetaObject::invokeMethod(window, "openPlanDialog", Q_ARG(QVariant, name));
        else
            QMetaObject::invokeMethod(window, "openTab", Q_ARG(QVariant, std::max(0, tab)));
    }
    if (parser.isSet(measureOption)) {
        // tests/bench/startup.sh: the first frame, then the first read answered (the schedule's month).
        auto firstFrame = std::make_shared<qint64>(-1);
        auto frameRss = std::make_shared<qint64>(-1);
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [=, &sinceStart] {
            if (*firstFrame < 0) {
                *firstFrame = sinceStart.elapsed();
                *frameRss = memoryKb("VmRSS:");
            }
        });
        QObject::connect(&clc::StoreManager::reader(), &clc::DbThread::jobDone, window, [=, &sinceStart] {
            const qint64 loaded = sinceStart.elapsed();
            QTimer::singleShot(500, window, [=] { // let the frame with the data render
                std::printf("first_frame_ms %lld\nhome_data_ms %lld\nrss_first_frame_kb %lld\nrss_after_kb %lld\npeak_rss_kb %lld\n",
                            (long long)*firstFrame, (long long)loaded, (long long)*frameRss, (long long)memoryKb("VmRSS:"),
                            (long long)memoryKb("VmHWM:"));
                std::fflush(stdout);
                QCoreApplication::exit(*firstFrame >= 0 ? 0 : 1);
            });
        }, Qt::SingleShotConnection);
    }
    if (parser.isSet(shotOption))
        screenshotAndQuit(window, parser.value(shotOption), 0);
    return app.exec();
}
