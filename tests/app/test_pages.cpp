// Every page loads at phone and tablet size without QML errors (the app's self-test).
#include "demodata.h"
#include "storemanager.h"
#include "syncstatus.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <catch2/catch.hpp>

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
    SyncStatus status(path);
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
    }
    INFO(warnings.join(QLatin1Char('\n')).toStdString());
    CHECK(warnings.isEmpty());
    StoreManager::setInstance(nullptr);
}
