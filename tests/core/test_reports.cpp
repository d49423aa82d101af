#include "error.h"
#include "planimport.h"
#include "records.h"
#include "reports.h"
#include "store.h"
#include "smallyear.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {
using Year = SmallYear; // tests/core/smallyear.h
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
