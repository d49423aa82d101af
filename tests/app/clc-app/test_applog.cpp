#include "applog.h"
#include "error.h"
#include "registermodel.h"
#include "apptestsupport.h"
#include "settingscontroller.h"
#include "testsupport.h"

#include <QFile>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("a refused write is kept in the app's log, which the settings page reads and which stays small", "[app][log]")
{
    Demo d;
    TempDir dir;
    AppLog::install(dir.path(QStringLiteral("data")), 2000);
    SettingsController settings;
    RegisterModel m;
    CHECK_FALSE(m.addPerson(QStringLiteral("Lê Văn Tám"), QStringLiteral("m"), QStringLiteral("19x5"), QString(), QString(), QString()));
    const QString shown = settings.recentLog();
    INFO(shown.toStdString());
    CHECK(shown.contains(QStringLiteral("clc.app: clc::RegisterModel refused a write:")));
    CHECK(shown.contains(QStringLiteral("19x5")));
    qInfo() << "routine chatter";          // info of any category stays out of the file
    qCInfo(lcApp) << "routine app line";
    CHECK_FALSE(AppLog::tail(5).contains(QStringLiteral("routine")));
    for (int i = 0; i < 200; ++i)
        qCWarning(lcApp) << "line" << i;
    CHECK(QFile(AppLog::path()).size() <= 2200);
    CHECK(QFile(AppLog::path() + QStringLiteral(".1")).exists());
    CHECK(AppLog::tail(3).endsWith(QStringLiteral("line 199")));
    AppLog::uninstall();
}

TEST_CASE("the window for data that cannot be opened tells a full storage and a newer app's file from anything else", "[app][log]")
{
    CHECK(openFailureKind(Error(Error::Code::StorageFull, QStringLiteral("full"))) == QStringLiteral("full"));
    CHECK(openFailureKind(Error(Error::Code::TooNew, QStringLiteral("newer"))) == QStringLiteral("newer"));
    CHECK(openFailureKind(Error(Error::Code::Database, QStringLiteral("file is not a database"))) == QStringLiteral("damaged"));
    CHECK(openFailureKind(std::runtime_error("anything")) == QStringLiteral("damaged"));
}
