#include "demodata.h"
#include "schedulemodel.h"
#include "storemanager.h"
#include "testsupport.h"
#include "apptestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("the schedule shows a month's activities, moves by month and says when a month is empty", "[app][schedule]")
{
    Demo d; // the demo behind the app's StoreManager

    ScheduleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setToday(QDate(2026, 11, 29));
    model.goToToday(); // nothing in 11/2026: the first month of the latest plan
    REQUIRE(loaded(model));
    CHECK(model.month() == QStringLiteral("2017-09"));
    // Said, not left to guess; gone once the person picks a month.
    CHECK(model.notice() == QStringLiteral("Nothing is planned for 11/2026: the plan runs 09/2017–08/2018. Showing its first month."));
    CHECK(model.rowCount() == 4);
    CHECK(model.data(model.index(0), ScheduleModel::TitleRole).toString()
          == QStringLiteral("Học tập về luật giao thông hưởng ứng tháng an toàn giao thông"));

    QSignalSpy spy(&model, &ScheduleModel::monthChanged);
    model.setMonth(QStringLiteral("2018-03"));
    CHECK(model.notice().isEmpty());
    model.nextMonth();
    CHECK(model.month() == QStringLiteral("2018-04")); // the label moves at once
    REQUIRE(loaded(model));
    CHECK(model.count() == 0);
    CHECK(spy.count() == 2);
    model.previousMonth();
    model.previousMonth();
    CHECK(model.month() == QStringLiteral("2018-02"));
    REQUIRE(loaded(model));
    CHECK(model.count() == 3);

    model.setToday(QDate(2017, 11, 15));
    model.goToToday();
    REQUIRE(loaded(model));
    CHECK(model.month() == QStringLiteral("2017-11"));
    CHECK(model.notice().isEmpty()); // today is in the plan: nothing to explain

    // A quiet month inside the plan's year (04/2018 has nothing planned) is still today's.
    model.setToday(QDate(2018, 4, 10));
    model.goToToday();
    REQUIRE(loaded(model));
    CHECK(model.month() == QStringLiteral("2018-04"));
    CHECK(model.count() == 0);
    CHECK(model.notice().isEmpty());
}

TEST_CASE("a re-read before the first month is known shows that month, not every activity", "[app][schedule]")
{
    Demo d; // the demo behind the app's StoreManager
    ScheduleModel model; // asks which month is "today"
    model.reload();      // e.g. a sync finished before that answer came
    REQUIRE(loaded(model));
    CHECK_FALSE(model.month().isEmpty());
    CHECK(model.count() < 10); // one month's activities, not the year's 34
}

TEST_CASE("a read that fails says why instead of showing an empty month", "[app][schedule]")
{
    Demo d; // the demo behind the app's StoreManager
    ScheduleModel model;
    REQUIRE(loaded(model));
    CHECK(model.loadError().isEmpty());
    // The file loses a table under the app (a damaged or foreign database).
    d.store().db().exec(QStringLiteral("PRAGMA foreign_keys=OFF; ALTER TABLE activities RENAME TO activities_gone"));
    model.setMonth(QStringLiteral("2017-11"));
    REQUIRE(loaded(model));
    CHECK(model.count() == 0);
    CHECK(model.loadError().contains(QStringLiteral("activities")));
    d.store().db().exec(QStringLiteral("ALTER TABLE activities_gone RENAME TO activities; PRAGMA foreign_keys=ON"));
    model.reload();
    REQUIRE(loaded(model));
    CHECK(model.loadError().isEmpty());
    CHECK(model.count() == 3);
}
