#pragma once
// A small year whose figures are computed by hand (docs/reports.md), shared by the report tests.
#include "planimport.h"
#include "records.h"
#include "reportdocument.h"
#include "store.h"
#include "testsupport.h"

namespace clctest {

using namespace clc;

// The small year (its figures are checked by hand in test_reports.cpp):
//   A1 technical 11/2017 (Nông dân; Hội Nông dân; teacher KS. Tư): sessions S1 10/11 and S2 17/11.
//      S1: P1 present, P2 late, P3 excused. S2: P1 present, P2 absent, P3 present, P4 present (P4 later deleted).
//      Budget 1.500.000, spent 1.200.000. Participants 3, attendances 4.
//   A2 health 12/2017 (Nhân dân, everyone), S3 05/12 19:30 with a headcount of 40: P1 present; P2 present,
//      then the mark deleted. Participants 41, attendances 41.
//   A3 law 03/2018: no session. A4 culture 03/2018: cancelled.
//   P1 Nguyễn Văn Một m 1960 Khu 1 Nông dân; P2 Trần Thị Hai f 1970 Khu 2 Nông dân + Phụ nữ;
//   P3 Lê Thị Ba f 1980 Khu 1 Phụ nữ; P4 Phạm Văn Bốn m 1950 Khu 3 Nông dân (deleted).
struct SmallYear
{
    TempDir dir;
    ManualClock clock; // 2017-07-14 until a test moves it
    std::unique_ptr<Store> s = makeStore(dir, QStringLiteral("a.db"), clock);
    QString a1, a2, a3, a4, p1, p2, p3, p4, s1, s2, s3;
    ReportOptions options{QDate(2018, 2, 5), QStringLiteral("12")};
    SmallYear()
    {
        importPlan(*s, fixture(QStringLiteral("plan-mini.json")), QStringLiteral("plan-mini.json"));
        const auto acts = records::activities(*s);
        a1 = acts[0].id, a2 = acts[1].id, a3 = acts[2].id, a4 = acts[3].id;
        records::setActivityField(*s, a1, QStringLiteral("budget"), QStringLiteral("1.500.000"));
        records::setActivityField(*s, a1, QStringLiteral("budget_spent"), QStringLiteral("1200000"));
        records::setActivityField(*s, a1, QStringLiteral("teacher"), QString::fromUtf8("KS. Tư"));
        records::setActivityField(*s, a4, QStringLiteral("status"), QStringLiteral("cancelled"));
        p1 = records::addPerson(*s, PersonInput{QString::fromUtf8("Nguyễn Văn Một"), QStringLiteral("m"), 1960, QStringLiteral("Khu 1"), {}, {}, {QString::fromUtf8("Nông dân")}});
        p2 = records::addPerson(*s, PersonInput{QString::fromUtf8("Trần Thị Hai"), QStringLiteral("f"), 1970, QStringLiteral("Khu 2"), {}, {}, {QString::fromUtf8("Nông dân"), QString::fromUtf8("Phụ nữ")}});
        p3 = records::addPerson(*s, PersonInput{QString::fromUtf8("Lê Thị Ba"), QStringLiteral("f"), 1980, QStringLiteral("Khu 1"), {}, {}, {QString::fromUtf8("Phụ nữ")}});
        p4 = records::addPerson(*s, PersonInput{QString::fromUtf8("Phạm Văn Bốn"), QStringLiteral("m"), 1950, QStringLiteral("Khu 3"), {}, {}, {QString::fromUtf8("Nông dân")}});
        s1 = records::addSession(*s, a1, QStringLiteral("2017-11-10T08:00"), QString::fromUtf8("Nhà văn hoá"));
        s2 = records::addSession(*s, a1, QStringLiteral("2017-11-17T08:00"), QString::fromUtf8("Nhà văn hoá"));
        s3 = records::addSession(*s, a2, QStringLiteral("2017-12-05T19:30"), QString::fromUtf8("Hội trường"));
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

} // namespace clctest
