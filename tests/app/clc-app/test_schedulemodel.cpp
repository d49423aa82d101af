#include "demodata.h"
#include "schedulemodel.h"
#include "agendamodel.h"
#include "dayclock.h"
#include "planmodel.h"
#include "reports.h"
#include "language.h"
#include "schedule.h"
#include "storemanager.h"
#include "testsupport.h"
#include "apptestsupport.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
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

TEST_CASE("the agenda lists the month's sessions day by day, marks today and the next one, and shares the month", "[app][schedule][agenda]")
{
    Demo d;
    installLanguage(QStringLiteral("en"));
    AgendaModel agenda;
    QAbstractItemModelTester tester(&agenda, QAbstractItemModelTester::FailureReportingMode::Fatal);
    agenda.setNow(QDateTime(QDate(2017, 11, 4), QTime(8, 0)));
    agenda.setMonth(QStringLiteral("2017-11"));
    REQUIRE(loaded(agenda));
    const auto expected = schedule::entries(d.store(), QStringLiteral("2017-11"), QStringLiteral("2017-11"));
    REQUIRE(agenda.count() == int(expected.size()));
    REQUIRE(agenda.count() >= 4);
    auto at = [&](int row, AgendaModel::Role role) { return agenda.data(agenda.index(row), role); };
    // Days in order, each session with its time, place and group.
    for (int i = 1; i < agenda.count(); ++i)
        CHECK(at(i - 1, AgendaModel::DayRole).toString() <= at(i, AgendaModel::DayRole).toString());
    CHECK(at(0, AgendaModel::DayRole).toString() == QStringLiteral("2017-11-03"));
    CHECK(at(0, AgendaModel::TimeRole).toString() == QStringLiteral("14:00–16:00"));
    CHECK(at(0, AgendaModel::DayLabelRole).toString() == QStringLiteral("Friday, 03/11/2017"));
    CHECK_FALSE(at(0, AgendaModel::PlaceRole).toString().isEmpty());
    CHECK(at(0, AgendaModel::PastRole).toBool());
    // Today (04/11) is marked on its day; the next session is today's evening one.
    CHECK(at(1, AgendaModel::DayLabelRole).toString() == QStringLiteral("Saturday, 04/11/2017 · Today"));
    CHECK(at(1, AgendaModel::TodayRole).toBool());
    CHECK(agenda.nextIndex() == 1);
    CHECK(at(1, AgendaModel::NextRole).toBool());
    CHECK_FALSE(at(2, AgendaModel::NextRole).toBool());
    // Once that session is over, the next is the following one.
    agenda.setNow(QDateTime(QDate(2017, 11, 4), QTime(22, 0)));
    agenda.reload();
    REQUIRE(loaded(agenda));
    CHECK(agenda.nextIndex() == 2);
    // After the month, nothing in it is next; the next session is said, with its month to go to.
    agenda.setNow(QDateTime(QDate(2017, 11, 30), QTime(8, 0)));
    agenda.reload();
    REQUIRE(loaded(agenda));
    CHECK(agenda.nextIndex() == -1);
    const auto december = schedule::entries(d.store(), QStringLiteral("2017-12"), QStringLiteral("2017-12"));
    REQUIRE_FALSE(december.empty());
    CHECK(agenda.nextMonth() == QStringLiteral("2017-12"));
    CHECK(agenda.nextElsewhere().startsWith(QStringLiteral("Next session: ")));
    CHECK(agenda.nextElsewhere().contains(december.front().title));
    // A later month shown while sessions of this month are still ahead: nothing there is "next".
    agenda.setNow(QDateTime(QDate(2017, 11, 4), QTime(8, 0)));
    agenda.setMonth(QStringLiteral("2017-12"));
    REQUIRE(loaded(agenda));
    CHECK(agenda.nextIndex() == -1);
    CHECK(agenda.nextMonth() == QStringLiteral("2017-11"));
    agenda.setMonth(QStringLiteral("2017-11"));
    REQUIRE(loaded(agenda));
    CHECK(agenda.nextElsewhere().isEmpty()); // marked in the list instead

    // Shared: the text on the clipboard, a picture and a calendar file in the folder.
    TempDir out;
    agenda.setShareFolder(out.path(QStringLiteral("chia-se")));
    CHECK(agenda.copyText().contains(QStringLiteral("copied")));
    CHECK(QGuiApplication::clipboard()->text() == schedule::text(d.store(), QStringLiteral("2017-11")));
    CHECK(agenda.savePicture().contains(QStringLiteral("lich-2017-11.png")));
    CHECK_FALSE(QImage(out.path(QStringLiteral("chia-se/lich-2017-11.png"))).isNull());
    CHECK(agenda.saveCalendar().contains(QStringLiteral("lich-2017-11.ics")));
    QFile ics(out.path(QStringLiteral("chia-se/lich-2017-11.ics")));
    REQUIRE(ics.open(QIODevice::ReadOnly));
    CHECK(ics.readAll().count("BEGIN:VEVENT") == agenda.count());

    // Another month: its sessions only, never the old month's under the new title.
    agenda.setMonth(QStringLiteral("2017-12"));
    CHECK(agenda.count() == 0);
    REQUIRE(loaded(agenda));
    for (int i = 0; i < agenda.count(); ++i)
        CHECK(at(i, AgendaModel::DayRole).toString().startsWith(QStringLiteral("2017-12")));
}

TEST_CASE("the plan's charts show the year report's own figures: attendances by month and activities planned and held by field", "[app][plan][chart]")
{
    Demo d;
    PlanModel plan;
    plan.reload();
    REQUIRE(loaded(plan));
    const YearFigures year = reports::yearFigures(d.store(), plan.schoolYear());
    const QVariantList monthly = plan.monthlyAttendances();
    REQUIRE(monthly.size() == 12);
    CHECK(monthly.first().toMap().value(QStringLiteral("label")).toString() == QStringLiteral("09"));
    CHECK(monthly.last().toMap().value(QStringLiteral("label")).toString() == QStringLiteral("08"));
    qint64 sum = 0;
    for (const QVariant &m : monthly)
        sum += m.toMap().value(QStringLiteral("value")).toLongLong();
    CHECK(sum == year.byKind.back().attendances); // the months add up to the year's total
    // November by hand: the attendances of November's activities.
    qint64 november = 0;
    for (const ActivityFigures &a : year.activities)
        if (a.month.endsWith(QStringLiteral("-11")))
            november += a.attendances;
    CHECK(monthly.at(2).toMap().value(QStringLiteral("value")).toLongLong() == november);
    const QVariantList kinds = plan.activitiesByKind();
    REQUIRE_FALSE(kinds.isEmpty());
    int planned = 0, held = 0;
    for (const QVariant &k : kinds) {
        planned += k.toMap().value(QStringLiteral("planned")).toInt();
        held += k.toMap().value(QStringLiteral("held")).toInt();
        CHECK(k.toMap().value(QStringLiteral("held")).toInt() <= k.toMap().value(QStringLiteral("planned")).toInt());
    }
    CHECK(planned == year.byKind.back().activitiesPlanned);
    CHECK(held == year.byKind.back().activitiesHeld);
}

namespace {

/// The app's clock (DayClock) at a time the test sets, back on the system's clock at the end.
struct TestClock
{
    explicit TestClock(const QDateTime &start) : now(start)
    {
        DayClock::instance().setSourceForTesting([this] { return now; });
    }
    ~TestClock() { DayClock::instance().setSourceForTesting(nullptr); }
    Q_DISABLE_COPY(TestClock)
    /// Moves the time and lets the clock look at it, as its minute's poll would.
    void set(const QDateTime &t)
    {
        now = t;
        DayClock::instance().check();
    }
    QDateTime now;
};

} // namespace

TEST_CASE("left on overnight, the agenda marks the new day and the schedule moves to the new month with it", "[app][schedule][agenda]")
{
    Demo d;
    installLanguage(QStringLiteral("en"));
    TestClock clock(QDateTime(QDate(2017, 11, 4), QTime(8, 0)));

    AgendaModel agenda; // on the clock: no setNow
    agenda.setMonth(QStringLiteral("2017-11"));
    REQUIRE(loaded(agenda));
    auto todayRows = [&] {
        QStringList days;
        for (int i = 0; i < agenda.count(); ++i)
            if (agenda.data(agenda.index(i), AgendaModel::TodayRole).toBool())
                days << agenda.data(agenda.index(i), AgendaModel::DayRole).toString();
        return days;
    };
    REQUIRE_FALSE(todayRows().isEmpty());
    CHECK(todayRows().first() == QStringLiteral("2017-11-04"));
    const int nextBefore = agenda.nextIndex();
    REQUIRE(nextBefore >= 0);

    ScheduleModel following; // shows today's month
    REQUIRE(loaded(following));
    CHECK(following.month() == QStringLiteral("2017-11"));
    ScheduleModel elsewhere; // the person went to another month
    REQUIRE(loaded(elsewhere));
    elsewhere.setMonth(QStringLiteral("2018-03"));
    REQUIRE(loaded(elsewhere));

    // The next morning: nothing marks the 4th as today any more, and the next session is after it.
    clock.set(QDateTime(QDate(2017, 11, 5), QTime(7, 0)));
    REQUIRE(loaded(agenda));
    for (const QString &day : todayRows())
        CHECK(day == QStringLiteral("2017-11-05"));
    REQUIRE(agenda.nextIndex() >= 0);
    CHECK(agenda.data(agenda.index(agenda.nextIndex()), AgendaModel::DayRole).toString() >= QStringLiteral("2017-11-05"));
    CHECK(following.month() == QStringLiteral("2017-11")); // the same month: nothing to move

    // A month later: the schedule that followed today moves to December; the other stays.
    clock.set(QDateTime(QDate(2017, 12, 1), QTime(7, 0)));
    REQUIRE(eventually([&] { return following.month() == QStringLiteral("2017-12"); }));
    REQUIRE(loaded(following));
    CHECK(following.count() > 0);
    CHECK(elsewhere.month() == QStringLiteral("2018-03"));
    // The same day looked at again changes nothing.
    QSignalSpy spy(&DayClock::instance(), &DayClock::dayChanged);
    DayClock::instance().check();
    CHECK(spy.isEmpty());
}

TEST_CASE("a schedule opened while the clock said 2000 comes to today's month once the clock is set right", "[app][schedule]")
{
    // A cheap tablet's clock reset to 2000: "Today" shows the plan's first month with a note. When
    // the clock is corrected, the schedule chooses again: today's month, no note.
    Demo d;
    installLanguage(QStringLiteral("en"));
    TestClock clock(QDateTime(QDate(2000, 1, 1), QTime(0, 5)));
    ScheduleModel model;
    REQUIRE(loaded(model));
    CHECK(model.month() == QStringLiteral("2017-09"));
    CHECK_FALSE(model.notice().isEmpty());
    clock.set(QDateTime(QDate(2017, 11, 4), QTime(9, 0)));
    REQUIRE(eventually([&] { return model.month() == QStringLiteral("2017-11"); }));
    REQUIRE(loaded(model));
    CHECK(model.notice().isEmpty());
    CHECK(model.count() > 0);
}
