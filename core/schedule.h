#pragma once
// The schedule as people ask for it: "when and where" — a month's sessions in time order, each with
// its activity, place and target group. The phone's agenda, the text passed on to a Zalo group or
// read over the loudspeaker, and the calendar file (.ics) are all made from these entries.
#include <QDate>
#include <QString>

class QTranslator;
#include <vector>

namespace clc {
class Store;

namespace schedule {

struct Entry
{
    QString sessionId, activityId;
    QString title, kind, groupText, partnerText, place, facilitator;
    QString startsAt, endsAt; ///< YYYY-MM-DDTHH:MM; endsAt may be empty
    bool cancelled = false;   ///< the activity was cancelled
    QDate day() const { return QDate::fromString(startsAt.left(10), Qt::ISODate); }
    QString startTime() const { return startsAt.mid(11, 5); }
    QString endTime() const { return endsAt.mid(11, 5); }
};

/// The live sessions of live activities that start in the months from..to (YYYY-MM, inclusive), in
/// time order (then the plan's order).
std::vector<Entry> entries(Store &store, const QString &fromMonth, const QString &toMonth);
/// The month's live activities that have no live session yet (on the plan, no date given).
QStringList undatedTitles(Store &store, const QString &month);

/// "08:00–10:30", or "08:00" without an end.
QString timeText(const Entry &e);
/// "Thứ Bảy, 25/11/2017" in the current language.
QString dayText(const QDate &day);

/// The month laid out for passing on, every word in the current language: what the text and the
/// picture both show (one layout, two renderings).
struct MonthSheet
{
    struct Line
    {
        QString time;    ///< "19:30–21:30"
        QString title;   ///< with " (cancelled)" when it is
        QString details; ///< "at Nhà văn hoá khu 3 · for Học sinh", or empty
    };
    struct Day
    {
        QString label; ///< "Thứ Bảy, 25/11/2017"
        std::vector<Line> lines;
    };
    QString heading, centre;
    std::vector<Day> days;
    QString emptyNote;      ///< said when there are no days
    QString undatedHeading; ///< said before undated, when there are any
    QStringList undated;
};
MonthSheet monthSheet(Store &store, const QString &month);

/// The month's schedule as plain text, for a Zalo group or the loudspeaker: a heading with the
/// centre, then each day with its sessions (time, activity, place, for whom), then what has no date yet.
QString text(Store &store, const QString &month);

/// Who a calendar is for: a device's own (the facilitator's name included) or anyone (a published
/// feed: activity, time, place, target group and partner only).
enum class Publish { Device, Public };

/// An iCalendar file (RFC 5545, written with libical) of the sessions in the months from..to: one
/// event per session, its UID the session's id (stable: importing again updates, never doubles),
/// times in UTC from Vietnam's local time (UTC+7 all year). Schedule fields only, never the register.
/// The words of the events' descriptions come from translator when given (a server's feed for
/// Vietnamese residents, whatever the server's own language), else from the installed language.
QByteArray ics(Store &store, const QString &fromMonth, const QString &toMonth, Publish publish = Publish::Device,
               const QTranslator *translator = nullptr);

} // namespace schedule
} // namespace clc
