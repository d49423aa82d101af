// The schedule as people ask for it (core/schedule.h): entries in time order, the text for a Zalo
// group, and the calendar file read back by libical's parser.
#include "error.h"
#include "language.h"
#include "schedule.h"
#include "smallyear.h"

#include <catch2/catch.hpp>
#include <libical/ical.h>
#include <memory>

using namespace clctest;
using namespace clc;

namespace {
struct LanguageGuard
{
    explicit LanguageGuard(const QString &lang) { REQUIRE(installLanguage(lang)); }
    ~LanguageGuard() { installLanguage(QStringLiteral("en")); }
};

struct Events
{
    QStringList uids, summaries, locations;
    QList<qint64> starts; // UTC seconds
    QStringList statuses;
};

Events parseIcs(const QByteArray &ics)
{
    Events out;
    icalcomponent *cal = icalparser_parse_string(ics.constData());
    REQUIRE(cal != nullptr);
    REQUIRE(icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT);
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        out.uids << QString::fromUtf8(icalcomponent_get_uid(ev));
        out.summaries << QString::fromUtf8(icalcomponent_get_summary(ev));
        const char *loc = icalcomponent_get_location(ev);
        out.locations << (loc ? QString::fromUtf8(loc) : QString());
        out.starts << qint64(icaltime_as_timet_with_zone(icalcomponent_get_dtstart(ev), icaltimezone_get_utc_timezone()));
        out.statuses << QString::fromUtf8(icalproperty_status_to_string(icalcomponent_get_status(ev)));
    }
    icalcomponent_free(cal);
    return out;
}
} // namespace

TEST_CASE("the schedule lists a month's live sessions in time order with their activity, place and group", "[schedule]")
{
    SmallYear y;
    // An earlier session added later, one deleted, one of the cancelled activity.
    const QString early = records::addSession(*y.s, y.a1, QStringLiteral("2017-11-03T14:00"), QString::fromUtf8("Trường THCS"), QStringLiteral("2017-11-03T16:00"));
    const QString gone = records::addSession(*y.s, y.a1, QStringLiteral("2017-11-20T08:00"), QString::fromUtf8("Nhà văn hoá"));
    y.s->remove(QStringLiteral("sessions"), gone);
    const QString off = records::addSession(*y.s, y.a4, QStringLiteral("2018-03-10T08:00"), QString::fromUtf8("Sân vận động"));

    const auto nov = schedule::entries(*y.s, QStringLiteral("2017-11"), QStringLiteral("2017-11"));
    REQUIRE(nov.size() == 3);
    CHECK(nov[0].sessionId == early);
    CHECK(nov[1].sessionId == y.s1);
    CHECK(nov[2].sessionId == y.s2);
    CHECK(nov[0].title == QString::fromUtf8("Tập huấn kỹ thuật chăm sóc cây lúa"));
    CHECK(nov[0].groupText == QString::fromUtf8("Nông dân"));
    CHECK(nov[0].place == QString::fromUtf8("Trường THCS"));
    CHECK(schedule::timeText(nov[0]) == QString::fromUtf8("14:00–16:00"));
    CHECK(schedule::timeText(nov[1]) == QStringLiteral("08:00"));
    CHECK(nov[1].day() == QDate(2017, 11, 10));

    const auto year = schedule::entries(*y.s, QStringLiteral("2017-09"), QStringLiteral("2018-08"));
    REQUIRE(year.size() == 5);
    CHECK(year[3].sessionId == y.s3);
    CHECK(year[4].sessionId == off);
    CHECK(year[4].cancelled);
    CHECK_FALSE(year[0].cancelled);

    // On the plan for March without a date: the law talk (the cancelled one is not announced).
    CHECK(schedule::undatedTitles(*y.s, QStringLiteral("2018-03")) == QStringList{QString::fromUtf8("Phổ biến pháp luật")});
    CHECK(schedule::undatedTitles(*y.s, QStringLiteral("2017-11")).isEmpty());

    CHECK_THROWS_WITH(schedule::entries(*y.s, QStringLiteral("2017-13"), QStringLiteral("2017-13")), Catch::Contains("2017-13"));
    try {
        schedule::text(*y.s, QStringLiteral("11/2017"));
        FAIL("a month written the wrong way was taken");
    } catch (const Error &e) {
        CHECK(e.field() == QStringLiteral("--month"));
    }
}

TEST_CASE("the month's schedule as text says each day in Vietnamese with its sessions, and what has no date yet", "[schedule]")
{
    SmallYear y;
    records::addSession(*y.s, y.a1, QStringLiteral("2017-11-03T14:00"), QString::fromUtf8("Trường THCS"), QStringLiteral("2017-11-03T16:00"));
    LanguageGuard vi(QStringLiteral("vi"));
    const QString nov = schedule::text(*y.s, QStringLiteral("2017-11"));
    const QStringList lines = nov.split(QLatin1Char('\n'));
    CHECK(lines.value(0) == QString::fromUtf8("LỊCH HOẠT ĐỘNG THÁNG 11/2017"));
    const int friday3 = int(lines.indexOf(QString::fromUtf8("Thứ Sáu, 03/11/2017")));
    const int friday10 = int(lines.indexOf(QString::fromUtf8("Thứ Sáu, 10/11/2017")));
    const int friday17 = int(lines.indexOf(QString::fromUtf8("Thứ Sáu, 17/11/2017")));
    REQUIRE(friday3 > 0);
    CHECK(friday3 < friday10);
    CHECK(friday10 < friday17);
    CHECK(lines.value(friday3 + 1) == QString::fromUtf8("• 14:00–16:00 · Tập huấn kỹ thuật chăm sóc cây lúa"));
    CHECK(lines.value(friday3 + 2) == QString::fromUtf8("  tại Trường THCS · đối tượng: Nông dân"));
    // No learner's name is in it: it is the schedule, not the register.
    CHECK_FALSE(nov.contains(QString::fromUtf8("Nguyễn Văn Một")));

    const QString march = schedule::text(*y.s, QStringLiteral("2018-03"));
    CHECK(march.contains(QString::fromUtf8("Chưa có buổi nào được xếp lịch trong tháng này.")));
    CHECK(march.contains(QString::fromUtf8("• Phổ biến pháp luật")));
    CHECK_FALSE(march.contains(QString::fromUtf8("Hoạt động bị huỷ")));
}

TEST_CASE("the calendar file holds one event per session with a stable id, read back by libical", "[schedule]")
{
    SmallYear y;
    const QString off = records::addSession(*y.s, y.a4, QStringLiteral("2018-03-10T08:00"), QString::fromUtf8("Sân vận động, khu 2"));
    const QByteArray ics = schedule::ics(*y.s, QStringLiteral("2017-09"), QStringLiteral("2018-08"));
    const Events e = parseIcs(ics);
    REQUIRE(e.uids.size() == 4);
    CHECK(e.uids == QStringList{y.s1 + QStringLiteral("@clc"), y.s2 + QStringLiteral("@clc"), y.s3 + QStringLiteral("@clc"), off + QStringLiteral("@clc")});
    CHECK(e.summaries.value(0) == QString::fromUtf8("Tập huấn kỹ thuật chăm sóc cây lúa"));
    CHECK(e.locations.value(3) == QString::fromUtf8("Sân vận động, khu 2")); // a comma, escaped and read back
    // 10/11/2017 08:00 in Vietnam (UTC+7) is 01:00 UTC.
    CHECK(e.starts.value(0) == QDateTime(QDate(2017, 11, 10), QTime(1, 0), Qt::UTC).toSecsSinceEpoch());
    CHECK(e.statuses.value(3) == QStringLiteral("CANCELLED"));
    CHECK(e.statuses.value(0) == QStringLiteral("CONFIRMED"));
    // Made again after an edit: the same events (importing again updates, never doubles).
    records::setActivityField(*y.s, y.a1, QStringLiteral("title"), QString::fromUtf8("Tập huấn lúa vụ đông"));
    const Events again = parseIcs(schedule::ics(*y.s, QStringLiteral("2017-09"), QStringLiteral("2018-08")));
    CHECK(again.uids == e.uids);
    CHECK(again.summaries.value(0) == QString::fromUtf8("Tập huấn lúa vụ đông"));
    // Schedule fields only.
    CHECK_FALSE(ics.contains("Nguy"));
    for (const QString &name : {QString::fromUtf8("Nguyễn Văn Một"), QString::fromUtf8("Trần Thị Hai")})
        CHECK_FALSE(QString::fromUtf8(ics).contains(name));
}
