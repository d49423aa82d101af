#include "schedule.h"
#include "error.h"
#include "language.h"
#include "records.h"
#include "store.h"
#include "translate.h"
#include "vietnamese.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>
#include <QTranslator>
#include <libical/ical.h>
#include <memory>

namespace clc::schedule {

namespace {
/// The first day of the month after isoMonth, as "YYYY-MM" (the exclusive bound of a range).
QString monthAfter(const QString &isoMonth)
{
    const QDate first = QDate::fromString(isoMonth + QStringLiteral("-01"), Qt::ISODate);
    if (!first.isValid())
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a month like 2017-11").arg(isoMonth), QStringLiteral("--month"));
    return first.addMonths(1).toString(QStringLiteral("yyyy-MM"));
}

void requireMonth(const QString &isoMonth) { (void)monthAfter(isoMonth); }
} // namespace

std::vector<Entry> entries(Store &store, const QString &fromMonth, const QString &toMonth)
{
    requireMonth(fromMonth);
    const QString until = monthAfter(toMonth);
    std::vector<Entry> out;
    if (!store.isInitialised())
        return out;
    auto st = store.db().prepare(QStringLiteral(
        "SELECT s.id, s.activity_id, a.title, a.kind, a.group_text, a.partner_text, s.place, s.facilitator, s.starts_at, s.ends_at, a.status "
        "FROM sessions s JOIN activities a ON a.id = s.activity_id "
        "WHERE s.centre_id = ?1 AND s.deleted = 0 AND a.deleted = 0 AND s.starts_at >= ?2 AND s.starts_at < ?3 "
        "ORDER BY s.starts_at, a.month, a.ord, a.title, s.id"));
    st.bind(1, store.centreId()).bind(2, fromMonth).bind(3, until);
    while (st.step()) {
        Entry e;
        e.sessionId = st.text(0);
        e.activityId = st.text(1);
        e.title = st.text(2).simplified();
        e.kind = st.text(3);
        e.groupText = st.text(4).simplified();
        e.partnerText = st.text(5).simplified();
        e.place = st.text(6).simplified();
        e.facilitator = st.text(7).simplified();
        e.startsAt = st.text(8);
        e.endsAt = st.text(9);
        e.cancelled = st.text(10) == QLatin1String("cancelled");
        out.push_back(std::move(e));
    }
    return out;
}

QStringList undatedTitles(Store &store, const QString &month)
{
    requireMonth(month);
    QStringList out;
    if (!store.isInitialised())
        return out;
    auto st = store.db().prepare(QStringLiteral(
        "SELECT a.title FROM activities a WHERE a.centre_id = ?1 AND a.deleted = 0 AND a.month = ?2 AND a.status <> 'cancelled' "
        "AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.activity_id = a.id AND s.deleted = 0) ORDER BY a.ord, a.title"));
    st.bind(1, store.centreId()).bind(2, month);
    while (st.step())
        out << st.text(0).simplified();
    return out;
}

QString timeText(const Entry &e)
{
    return e.endsAt.isEmpty() ? e.startTime() : e.startTime() + QStringLiteral("–") + e.endTime();
}

QString dayText(const QDate &day)
{
    const QLocale locale = currentLanguage() == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                                                    : QLocale(QLocale::Vietnamese, QLocale::Vietnam);
    QString name = locale.dayName(day.dayOfWeek());
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // "Thứ Bảy", "Chủ Nhật"
    return Tr::tr("%1, %2").arg(name, vn::formatDate(day));
}

MonthSheet monthSheet(Store &store, const QString &month)
{
    MonthSheet sheet;
    sheet.heading = Tr::tr("SCHEDULE FOR %1").arg(vn::formatMonth(month));
    sheet.centre = store.isInitialised() ? store.value(QStringLiteral("centres"), store.centreId(), QStringLiteral("name")).toText() : QString();
    for (const Entry &e : entries(store, month, month)) {
        const QString label = dayText(e.day());
        if (sheet.days.empty() || sheet.days.back().label != label)
            sheet.days.push_back({label, {}});
        QStringList details;
        if (!e.place.isEmpty())
            details << Tr::tr("at %1").arg(e.place);
        if (!e.groupText.isEmpty())
            details << Tr::tr("for %1").arg(e.groupText);
        sheet.days.back().lines.push_back({timeText(e), e.title + (e.cancelled ? Tr::tr(" (cancelled)") : QString()), details.join(QStringLiteral(" · "))});
    }
    if (sheet.days.empty())
        sheet.emptyNote = Tr::tr("No sessions are scheduled this month.");
    sheet.undated = undatedTitles(store, month);
    if (!sheet.undated.isEmpty())
        sheet.undatedHeading = Tr::tr("Also planned this month, date to be announced:");
    return sheet;
}

QString text(Store &store, const QString &month)
{
    const MonthSheet sheet = monthSheet(store, month);
    QStringList lines{sheet.heading};
    if (!sheet.centre.isEmpty())
        lines << sheet.centre;
    for (const MonthSheet::Day &day : sheet.days) {
        lines << QString() << day.label;
        for (const MonthSheet::Line &l : day.lines) {
            lines << QStringLiteral("• %1 · %2").arg(l.time, l.title);
            if (!l.details.isEmpty())
                lines << QStringLiteral("  ") + l.details;
        }
    }
    if (!sheet.emptyNote.isEmpty())
        lines << QString() << sheet.emptyNote;
    if (!sheet.undated.isEmpty()) {
        lines << QString() << sheet.undatedHeading;
        for (const QString &t : sheet.undated)
            lines << QStringLiteral("• ") + t;
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

namespace {
struct ComponentFree
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};

/// A session's local time (Vietnam: UTC+7 all year, no daylight saving) as UTC for the calendar.
icaltimetype utcTime(const QString &isoLocal)
{
    const QDateTime local = QDateTime::fromString(isoLocal, QStringLiteral("yyyy-MM-ddTHH:mm"));
    const QDateTime utc = QDateTime(local.date(), local.time(), QTimeZone(7 * 3600)).toUTC();
    return icaltime_from_timet_with_zone(utc.toSecsSinceEpoch(), 0, icaltimezone_get_utc_timezone());
}
} // namespace

QByteArray ics(Store &store, const QString &fromMonth, const QString &toMonth, Publish publish, const QTranslator *translator)
{
    // The description's words, in the translator's language when one is given.
    const auto words = [translator](const char *source, const QString &installed) {
        const QString t = translator ? translator->translate("clc", source) : QString();
        return t.isEmpty() ? installed : t;
    };
    const QString forText = words("For: %1", Tr::tr("For: %1")), withText = words("With: %1", Tr::tr("With: %1")),
                  facilitatorText = words("Facilitator: %1", Tr::tr("Facilitator: %1"));
    const std::vector<Entry> all = entries(store, fromMonth, toMonth);
    const QString centre = store.isInitialised() ? store.value(QStringLiteral("centres"), store.centreId(), QStringLiteral("name")).toText() : QString();
    std::unique_ptr<icalcomponent, ComponentFree> cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//clc//Community Learning Centre schedule//VI"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    if (!centre.isEmpty()) {
        icalproperty *name = icalproperty_new_x(centre.toUtf8().constData());
        icalproperty_set_x_name(name, "X-WR-CALNAME");
        icalcomponent_add_property(cal.get(), name);
    }
    const icaltimetype stamp = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
    for (const Entry &e : all) {
        icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        // The session's id: the same event every time the file is made, so importing again updates it.
        icalcomponent_add_property(ev, icalproperty_new_uid((e.sessionId + QStringLiteral("@clc")).toUtf8().constData()));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
        icalcomponent_add_property(ev, icalproperty_new_dtstart(utcTime(e.startsAt)));
        if (!e.endsAt.isEmpty())
            icalcomponent_add_property(ev, icalproperty_new_dtend(utcTime(e.endsAt)));
        icalcomponent_add_property(ev, icalproperty_new_summary(e.title.toUtf8().constData()));
        if (!e.place.isEmpty())
            icalcomponent_add_property(ev, icalproperty_new_location(e.place.toUtf8().constData()));
        QStringList description;
        if (!e.groupText.isEmpty())
            description << QString(forText).arg(e.groupText);
        if (!e.partnerText.isEmpty())
            description << QString(withText).arg(e.partnerText);
        if (!e.facilitator.isEmpty() && publish == Publish::Device) // a person's name: not in a public feed
            description << QString(facilitatorText).arg(e.facilitator);
        if (!description.isEmpty())
            icalcomponent_add_property(ev, icalproperty_new_description(description.join(QLatin1Char('\n')).toUtf8().constData()));
        icalcomponent_add_property(ev, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
        icalcomponent_add_component(cal.get(), ev);
    }
    char *text = icalcomponent_as_ical_string_r(cal.get());
    const QByteArray out(text);
    icalmemory_free_buffer(text);
    return out;
}

} // namespace clc::schedule
