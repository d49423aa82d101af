// One rule for who counts (docs/data.md#counting): after a person and a group are deleted on another
// device and the deletions arrive by sync, the schedule, the session list, the plan page's figures,
// the reports' figures and the expected people all agree.
#include "planimport.h"
#include "records.h"
#include "reportdocument.h"
#include "reports.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

struct Views
{
    int schedule = -1, sessionList = -1, planPage = -1, yearTotal = -1, expected = -1;
};

Views viewsOf(Store &s, const QString &activity)
{
    Views v;
    for (const ActivityRow &a : records::activities(s, QStringLiteral("2017-11")))
        if (a.id == activity)
            v.schedule = a.participants;
    const auto sessions = records::sessions(s, activity);
    REQUIRE(sessions.size() == 1);
    v.sessionList = sessions[0].present;
    const YearFigures year = reports::yearFigures(s, records::currentSchoolYear(s));
    for (const ActivityFigures &f : year.activities)
        if (f.id == activity)
            v.planPage = f.attendances;
    for (const auto &k : year.byKind)
        if (k.kind.isEmpty())
            v.yearTotal = k.attendances;
    v.expected = int(records::expectedPeople(s, activity).size());
    return v;
}

} // namespace

TEST_CASE("a person and a group deleted on another device leave every view counting the same", "[sync][counting]")
{
    TempDir dir;
    World world(dir);
    Replica &tablet = world.add();
    Replica &phone = world.add();
    Store &s = *tablet.store;
    importPlan(s, fixture(QStringLiteral("plan-mini.json")), QStringLiteral("plan-mini.json"));
    REQUIRE(records::currentSchoolYear(s) == QStringLiteral("2017-2018"));
    QString activity;
    for (const ActivityRow &a : records::activities(s, QStringLiteral("2017-11")))
        if (a.kind == QLatin1String("technical"))
            activity = a.id;
    REQUIRE_FALSE(activity.isEmpty()); // for the farmers' group (nong-dan)
    const QString session = records::addSession(s, activity, QStringLiteral("2017-11-10T08:00"), QStringLiteral("Nhà văn hoá khu 3"));
    const QString an = records::addPerson(s, PersonInput{QStringLiteral("Nguyễn Văn An"), QStringLiteral("m"), {}, {}, {}, {}, {QStringLiteral("nong-dan")}});
    const QString binh = records::addPerson(s, PersonInput{QStringLiteral("Trần Thị Bình"), QStringLiteral("f"), {}, {}, {}, {}, {QStringLiteral("nong-dan")}});
    const QString cuong = records::addPerson(s, PersonInput{QStringLiteral("Lê Văn Cường"), QStringLiteral("m"), {}, {}, {}, {}, {}});
    records::markAttendance(s, session, an, QStringLiteral("present"));
    records::markAttendance(s, session, binh, QStringLiteral("late"));
    records::markAttendance(s, session, cuong, QStringLiteral("present"));
    world.syncAll();

    const Views before = viewsOf(s, activity);
    CHECK(before.schedule == 3);
    CHECK(before.sessionList == 3);
    CHECK(before.planPage == 3);
    CHECK(before.yearTotal == 3);
    CHECK(before.expected == 2); // the two farmers

    // On the phone: An leaves the register and the farmers' group is removed.
    phone.store->remove(QStringLiteral("people"), an);
    phone.store->remove(QStringLiteral("learner_groups"), records::groupId(*phone.store, QStringLiteral("nong-dan"), false, QStringLiteral("group")));
    world.syncAll();

    for (Replica *r : {&tablet, &phone}) {
        const Views after = viewsOf(*r->store, activity);
        CHECK(after.schedule == 2); // Bình and Cường: marks of live people only
        CHECK(after.sessionList == 2);
        CHECK(after.planPage == 2);
        CHECK(after.yearTotal == 2);
        CHECK(after.expected == 0); // the group is gone: nobody is expected through it
    }
}
