// Every page loads at phone and tablet size without QML errors (the app's self-test).
#include "demodata.h"
#include "language.h"
#include "settingscontroller.h"
#include "storemanager.h"
#include "syncclient.h"
#include "syncstatus.h"
#include "testsupport.h"
#include "apptestsupport.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <catch2/catch.hpp>
#include <tuple>

Q_IMPORT_QML_PLUGIN(ClcPlugin)

using namespace clc;
using namespace clctest;

TEST_CASE("the main window and its pages load at phone and tablet size without QML errors", "[app][qml]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.db"));
    auto store = std::make_unique<Store>(path, StoreOptions{QStringLiteral("dev"), {}});
    loadDemo(*store);
    const QString session = store->db().scalar(QStringLiteral("SELECT id FROM sessions ORDER BY starts_at LIMIT 1")).toText();
    StoreManager manager(std::move(store));
    StoreManager::setInstance(&manager);
    SyncStatus status(path, StoreOptions{QStringLiteral("dev"), {}});
    SyncStatus::setInstance(&status);

    QStringList warnings;
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, [&warnings](const QList<QQmlError> &w) {
        for (const QQmlError &e : w)
            warnings << e.toString();
    });
    engine.load(QUrl(QStringLiteral("qrc:/Clc/Main.qml")));
    REQUIRE(engine.rootObjects().size() == 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    for (const QSize size : {QSize(390, 844), QSize(1280, 800)}) {
        window->resize(size);
        QMetaObject::invokeMethod(window, "showMonth", Q_ARG(QVariant, QStringLiteral("2018-04"))); // an empty month
        QMetaObject::invokeMethod(window, "showMonth", Q_ARG(QVariant, QStringLiteral("2017-11")));
        QMetaObject::invokeMethod(window, "openSessionById", Q_ARG(QVariant, session));
        QCoreApplication::processEvents();
        for (int tab : {1, 2, 3, 4, 5, 0}) {
            QMetaObject::invokeMethod(window, "openTab", Q_ARG(QVariant, tab));
            QCoreApplication::processEvents();
        }
        QMetaObject::invokeMethod(window, "openReports", Q_ARG(QVariant, 2), Q_ARG(QVariant, QVariant()));
        REQUIRE(eventually([&] { QCoreApplication::processEvents(); return window->property("currentPage").value<QObject *>()
                                       && window->property("currentPage").value<QObject *>()->property("title").toString() == QStringLiteral("Reports"); }));
    }
    INFO(warnings.join(QLatin1Char('\n')).toStdString());
    CHECK(warnings.isEmpty());
    StoreManager::setInstance(nullptr);
}

TEST_CASE("switching the language retranslates what is on screen at once", "[app][i18n]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.db"));
    auto store = std::make_unique<Store>(path, StoreOptions{QStringLiteral("dev"), {}});
    loadDemo(*store);
    StoreManager manager(std::move(store));
    StoreManager::setInstance(&manager);
    SyncStatus status(path, StoreOptions{QStringLiteral("dev"), {}});
    SyncStatus::setInstance(&status);
    installLanguage(QStringLiteral("vi"));
    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/Clc/Main.qml")));
    REQUIRE(engine.rootObjects().size() == 1);
    QObject *root = engine.rootObjects().first();
    auto tabText = [root](int i) {
        const auto buttons = root->findChildren<QObject *>();
        QStringList texts;
        for (QObject *o : buttons)
            if (o->inherits("QQuickTabButton"))
                texts << o->property("text").toString();
        return texts.value(i);
    };
    CHECK(tabText(0) == QStringLiteral("Lịch"));
    SettingsController settings;
    QQmlEngine::setContextForObject(&settings, engine.rootContext());
    settings.setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    CHECK(tabText(0) == QStringLiteral("Schedule"));
    CHECK(manager.store().meta(QStringLiteral("language")) == QStringLiteral("en")); // remembered on this device
    settings.setLanguage(QStringLiteral("vi"));
    QCoreApplication::processEvents();
    CHECK(tabText(0) == QStringLiteral("Lịch"));
    installLanguage(QStringLiteral("en")); // the other tests read the source (English) strings
    StoreManager::setInstance(nullptr);
}

TEST_CASE("a device clock more than 5 minutes off the ward office's is said first on the sync line, in the person's language", "[app][clock]")
{
    CHECK(sync::clockWarning(0).isEmpty());
    CHECK(sync::clockWarning(5 * 60 * 1000).isEmpty());
    CHECK(sync::clockWarning(-5 * 60 * 1000).isEmpty());
    installLanguage(QStringLiteral("en"));
    CHECK(sync::clockWarning(7 * 60 * 1000) == QStringLiteral("Clock 7 minutes behind the ward office: set the date and time"));
    CHECK(sync::clockWarning(-3 * 3600 * 1000LL).contains(QStringLiteral("3 hours ahead")));
    CHECK(sync::clockWarning(365 * 86400 * 1000LL).contains(QStringLiteral("365 days behind")));
    CHECK(sync::clockWarning(365 * 86400 * 1000LL - 1500).contains(QStringLiteral("365 days behind"))); // an exchange's delay
    CHECK(sync::clockWarning(-(2 * 3600 * 1000LL + 29 * 60 * 1000)).contains(QStringLiteral("2 hours ahead")));
    CHECK(sync::clockWarning(90 * 60 * 1000).contains(QStringLiteral("90 minutes")));
    REQUIRE(installLanguage(QStringLiteral("vi")));
    CHECK(sync::clockWarning(365 * 86400 * 1000LL) == QStringLiteral("Đồng hồ máy chậm hơn phường 365 ngày: hãy chỉnh lại ngày giờ"));
    CHECK(sync::clockWarning(-2 * 86400 * 1000LL) == QStringLiteral("Đồng hồ máy nhanh hơn phường 2 ngày: hãy chỉnh lại ngày giờ"));
    installLanguage(QStringLiteral("en"));
}

TEST_CASE("the window for data that cannot be opened says what happened and what to do, in Vietnamese", "[app][qml][i18n]")
{
    installLanguage(QStringLiteral("vi"));
    const std::tuple<const char *, const char *, const char *> expected[] = {
        {"full", "Bộ nhớ của thiết bị đã đầy", "bấm Thử lại"},
        {"newer", "phiên bản mới hơn", "Đừng xoá tệp dữ liệu"},
        {"damaged", "Không mở được dữ liệu", "Hãy bấm Thử lại trước"}};
    for (const auto &[kind, title, advice] : expected) {
        INFO(kind);
        QStringList warnings;
        QQmlApplicationEngine engine;
        QObject::connect(&engine, &QQmlApplicationEngine::warnings, [&warnings](const QList<QQmlError> &w) {
            for (const QQmlError &e : w)
                warnings << e.toString();
        });
        engine.setInitialProperties({{QStringLiteral("kind"), QString::fromLatin1(kind)},
                                     {QStringLiteral("detail"), QStringLiteral("disk I/O error")},
                                     {QStringLiteral("path"), QStringLiteral("/data/clc.db")}});
        engine.load(QUrl(QStringLiteral("qrc:/Clc/OpenFailed.qml")));
        REQUIRE(engine.rootObjects().size() == 1);
        QObject *window = engine.rootObjects().first();
        const QString shown = window->findChild<QObject *>(QStringLiteral("openFailedTitle"))->property("text").toString();
        CHECK(shown.contains(QString::fromUtf8(title)));
        CHECK(window->findChild<QObject *>(QStringLiteral("openFailedAdvice"))->property("text").toString().contains(QString::fromUtf8(advice)));
        const QString detail = window->findChild<QObject *>(QStringLiteral("openFailedDetail"))->property("text").toString();
        CHECK(detail.contains(QStringLiteral("disk I/O error")));
        CHECK(detail.contains(QStringLiteral("/data/clc.db")));
        INFO(warnings.join(QLatin1Char('\n')).toStdString());
        CHECK(warnings.isEmpty());
    }
    installLanguage(QStringLiteral("en")); // the other tests read the source (English) strings
}
