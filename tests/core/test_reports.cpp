#include "error.h"
#include "planimport.h"
#include "records.h"
#include "reports.h"
#include "store.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {
// A small year computed by hand (docs/reports.md):
//   A1 technical 11/2017, sessions S1, S2. S1: P1 present, P2 late, P3 excused. S2: P1 present, P2 absent,
//      P3 present, P4 present (P4 is later deleted). Budget 1.500.000, spent 1.200.000.
//   A2 health 12/2017, session S3 with a headcount of 40: P1 present; P2 present, then the mark deleted.
//   A3 law 03/2018: no session. A4 culture 03/2018: cancelled.
//   P1 m Khu 1 Nông dân; P2 f Khu 2 Nông dân + Phụ nữ; P3 f Khu 1 Phụ nữ; P4 m Khu 3 Nông dân (deleted).
struct Year
{
    TempDir dir;
    std::unique_ptr<Store> s = makeStore(dir);
    QString a1, a2, a3, a4;
    Year()
    {
        importPlan(*s, fixture(QStringLiteral("plan-mini.json")), QStringLiteral("plan-mini.json"));
        const auto acts = records::activities(*s);
        a1 = acts[0].id, a2 = acts[1].id, a3 = acts[2].id, a4 = acts[3].id;
        records::setActivityField(*s, a1, QStringLiteral("budget"), QStringLiteral("1.500.000"));
        records::setActivityField(*s, a1, QStringLiteral("budget_spent"), QStringLiteral("1200000"));
        records::setActivityField(*s, a4, QStringLiteral("status"), QStringLiteral("cancelled"));
        const QString p1 = records::addPerson(*s, PersonInput{QStringLiteral("Nguyễn Văn Một"), QStringLiteral("m"), 1960, QStringLiteral("Khu 1"), {}, {}, {QStringLiteral("Nông dân")}});
        const QString p2 = records::addPerson(*s, PersonInput{QStringLiteral("Trần Thị Hai"), QStringLiteral("f"), 1970, QStringLiteral("Khu 2"), {}, {},
                                                              {QStringLiteral("Nông dân"), QStringLiteral("Phụ nữ")}});
        const QString p3 = records::addPerson(*s, PersonInput{QStringLiteral("Lê Thị Ba"), QStringLiteral("f"), 1980, QStringLiteral("Khu 1"), {}, {}, {QStringLiteral("Phụ nữ")}});
        const QString p4 = records::addPerson(*s, PersonInput{QStringLiteral("Phạm Văn Bốn"), QStringLiteral("m"), 1950, QStringLiteral("Khu 3"), {}, {}, {QStringLiteral("Nông dân")}});
        const QString s1 = records::addSession(*s, a1, QStringLiteral("2017-11-10T08:00"), QStringLiteral("Nhà văn hoá"));
        const QString s2 = records::addSession(*s, a1, QStringLiteral("2017-11-17T08:00"), QStringLiteral("Nhà văn hoá"));
        const QString s3 = records::addSession(*s, a2, QStringLiteral("2017-12-05T19:30"), QStringLiteral("Hội trường"));
        s->write(QStringLiteral("sessions"), s3, {{QStringLiteral("headcount"), 40}});
        records::markAttendance(*s, s1, p1, QStringLiteral("present"));
        records::markAttendance(*s, s1, p2, QStringLiteral("late"));
        records::markAttendance(*s, s1, p3, QStringLiteral("excused"));
        records::markAttendance(*s, s2, p1, QStringLiteral("present"));
        records::markAttendance(*s, s2, p2, QStringLiteral("absent"));
        records::markAttendance(*s, s2, p3, QStringLiteral("present"));
        records::markAttendance(*s, s2, p4, QStringLiteral("present"));
        s->remove(QStringLiteral("people"), p4);
        records::markAttendance(*s, s3, p1, QStringLiteral("present"));
        s->remove(QStringLiteral("attendance"), records::markAttendance(*s, s3, p2, QStringLiteral("present")));
    }
};
} // namespace

TEST_CASE("activity figures count learners once, attendances per session, late as present, headcounts added", "[reports]")
{
    Year y;
    const auto rows = reports::activityFigures(*y.s, QStringLiteral("2017-2018"));
    REQUIRE(rows.size() == 4);
    const ActivityFigures &a1 = rows[0], &a2 = rows[1], &a3 = rows[2];
    CHECK(a1.learners == 3);
    CHECK(a1.attendances == 4);
    CHECK(a1.participants == 3);
    CHECK(a1.attendancesMale == 2);
    CHECK(a1.attendancesFemale == 2);
    CHECK(a1.sessionsPlanned == 2);
    CHECK(a1.sessionsHeld == 2);
    CHECK(*a1.budget == 1500000);
    CHECK(*a1.spent == 1200000);
    CHECK(a2.learners == 1);
    CHECK(a2.headcount == 40);
    CHECK(a2.participants == 41);
    CHECK(a2.attendances == 41);
    CHECK(a2.held);
    CHECK_FALSE(a3.held);
    CHECK(a3.sessionsPlanned == 0);
    CHECK(reports::activityFigures(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2017-12")).size() == 1);
    CHECK(reports::activityFigures(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2018-04")).empty());
}

TEST_CASE("the year summary counts by kind, sex and neighbourhood and measures the targets", "[reports]")
{
    Year y;
    const YearFigures f = reports::yearFigures(*y.s, QStringLiteral("2017-2018"));
    auto kind = [&f](const char *k) {
        for (const auto &r : f.byKind)
            if (r.kind == QLatin1String(k))
                return r;
        FAIL("no kind " << k);
        return YearFigures::KindRow{};
    };
    CHECK(kind("technical").activitiesPlanned == 1);
    CHECK(kind("technical").activitiesHeld == 1);
    CHECK(kind("technical").sessionsHeld == 2);
    CHECK(kind("technical").attendances == 4);
    CHECK(kind("technical").learners == 3);
    CHECK(kind("health").attendances == 41);
    CHECK(kind("health").learners == 1);
    CHECK(kind("law").activitiesPlanned == 1);
    CHECK(kind("law").activitiesHeld == 0);
    CHECK(kind("culture").activitiesPlanned == 0); // cancelled
    CHECK(f.byKind.back().kind.isEmpty());
    CHECK(f.byKind.back().activitiesPlanned == 3);
    CHECK(f.byKind.back().activitiesHeld == 2);
    CHECK(f.byKind.back().learners == 3);
    REQUIRE(f.bySex.size() == 2);
    int male = 0, female = 0;
    for (const Tally &t : f.bySex) {
        if (t.label == QStringLiteral("Male"))
            male = t.attendances;
        else
            female = t.attendances;
    }
    CHECK(male == 3);
    CHECK(female == 2);
    REQUIRE(f.byKhu.size() == 2);
    CHECK(f.byKhu[0].label == QStringLiteral("Khu 1"));
    CHECK(f.byKhu[0].learners == 2);
    CHECK(f.byKhu[0].attendances == 4);
    REQUIRE(f.targets.size() == 3);
    CHECK(*f.targets[0].numerator == 2);   // both live farmers came to the rice training (late counts)
    CHECK(*f.targets[0].denominator == 2); // the deleted farmer is not counted
    CHECK(f.targets[0].met);
    CHECK(*f.targets[1].numerator == 1);
    CHECK(*f.targets[1].denominator == 3);
    CHECK_FALSE(f.targets[1].met);
    CHECK_FALSE(f.targets[2].numerator.has_value()); // manual, not entered yet
    CHECK(f.budgetPlanned == 1500000);
    CHECK(f.budgetSpent == 1200000);
    bool farmersInTechnical = false;
    for (const auto &[k, t] : f.byKindAndGroup)
        if (k == QStringLiteral("technical") && t.label == QStringLiteral("Nông dân"))
            farmersInTechnical = t.learners == 2 && t.attendances == 3;
    CHECK(farmersInTechnical);
}

TEST_CASE("a school year that is not one is refused", "[reports][errors]")
{
    TempDir dir;
    auto s = makeStore(dir);
    CHECK_THROWS_AS(reports::activityFigures(*s, QStringLiteral("2017")), Error);
    CHECK_THROWS_AS(reports::activityFigures(*s, QStringLiteral("2017-2019")), Error);
    CHECK_THROWS_AS(reports::activityFigures(*s, QStringLiteral("2017-2018"), QStringLiteral("2019-01")), Error);
}
