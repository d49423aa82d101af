#pragma once
// The numbers of the centre's reports, computed once here and used by every format (docs/reports.md).
//   participants of an activity = distinct named people marked present or late at any of its sessions
//                                 + the unnamed headcounts of its sessions;
//   attendances                 = named present/late marks (one per person per session) + headcounts;
//   a session is held when it has a present/late mark or a headcount; an activity is held when its
//   status is done or one of its sessions was held. Excused, absent and deleted marks count nowhere.
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace clc {
class Store;

struct ActivityFigures
{
    QString id, month, title, kind, groupText, partnerText, teacher, status;
    QString notHeldReason;   ///< why it did not take place, as the director wrote it
    int sessionsPlanned = 0, sessionsHeld = 0;
    int learners = 0;        ///< distinct named people present or late
    int headcount = 0;       ///< unnamed
    int participants = 0;    ///< learners + headcount
    int attendances = 0;     ///< present/late marks + headcount
    int attendancesMale = 0, attendancesFemale = 0;
    std::optional<qint64> budget, spent, plannedParticipants;
    bool held = false;
};

struct TargetFigures
{
    QString id;
    QString section, text, metric; ///< metric "manual": numerator and denominator are entered by hand
    QString resultNote;            ///< the director's evidence for the result
    int threshold = 0;
    std::optional<qint64> numerator, denominator; ///< empty when nothing to measure yet
    double percent = 0;
    bool met = false;
};

struct Tally
{
    QString label;
    int attendances = 0;
    int learners = 0;
};

struct YearFigures
{
    QString schoolYear;                      ///< "2017-2018"
    std::vector<ActivityFigures> activities; ///< in plan order
    struct KindRow
    {
        QString kind;
        int activitiesPlanned = 0, activitiesHeld = 0, sessionsPlanned = 0, sessionsHeld = 0, attendances = 0, learners = 0;
    };
    std::vector<KindRow> byKind;             ///< every kind, in report order, plus a total row (kind "")
    std::vector<std::pair<QString, Tally>> byKindAndGroup; ///< kind → tally per target group (label)
    std::vector<Tally> bySex;                ///< Nam, Nữ, (not recorded)
    std::vector<Tally> byKhu;                ///< per neighbourhood, Vietnamese order
    std::vector<TargetFigures> targets;
    qint64 budgetPlanned = 0, budgetSpent = 0;
};

namespace reports {

/// "2017-2018" → the months 2017-09 … 2018-08.
QStringList monthsOfSchoolYear(const QString &schoolYear);
/// The school year a month belongs to ("2018-03" → "2017-2018").
QString schoolYearOf(const QString &month);

/// Figures of the activities whose month is between from and to (inclusive, YYYY-MM), in plan order.
/// Everything that shows participants (lists, screens, reports) takes them from here.
std::vector<ActivityFigures> activityFiguresBetween(Store &store, const QString &fromMonth, const QString &toMonth);
/// The part-V table: activities of one month, or of the whole school year when month is empty.
std::vector<ActivityFigures> activityFigures(Store &store, const QString &schoolYear, const QString &month = {});
/// The year-end summary.
YearFigures yearFigures(Store &store, const QString &schoolYear);

} // namespace reports
} // namespace clc
