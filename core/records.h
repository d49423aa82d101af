#pragma once
// The domain operations the CLI and the app share: validated writes and the queries the screens need.
// Every function throws clc::Error with the offending field and writes nothing on failure.
#include "store.h"

#include <QString>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <optional>
#include <vector>

namespace clc {

struct ActivityInput
{
    QString month;            ///< YYYY-MM
    QString title;
    QString kind = QStringLiteral("other");
    QStringList groups;       ///< group codes or names; unknown names create a group
    QStringList partners;     ///< organisation codes or names; unknown names create an organisation
    QString teacher;
    std::optional<qint64> budget;
    std::optional<qint64> plannedParticipants;
};

struct PersonInput
{
    QString fullName;
    QString sex;              ///< "m", "f" or empty
    std::optional<qint64> birthYear;
    QString khu;
    QString phone;
    QString note;
    QStringList groups;
};

struct ActivityRow
{
    QString id, month, title, kind, status, groupText, partnerText, teacher;
    std::optional<qint64> budget, plannedParticipants;
    int sessions = 0;
    int participants = 0;      ///< distinct named people present or late, plus headcounts
};

struct PersonRow
{
    QString id, fullName, sex, khu, phone, note;
    std::optional<qint64> birthYear;
    QStringList groups;
};

namespace records {

/// Id of the learner group named by code, name or alias (diacritics and case ignored); creates it if
/// create is set and none matches, else throws NotFound naming field.
QString groupId(Store &store, const QString &nameOrCode, bool create, const QString &field);
/// Splits a cell such as "Cán bộ phường, khu, Phụ nữ" into group names: known names and aliases
/// (which may contain commas) first, longest first; what is left splits at commas.
QStringList splitGroupNames(Store &store, const QString &text);
/// The same for partner organisations.
QString organisationId(Store &store, const QString &nameOrCode, bool create, const QString &field);

QString addActivity(Store &store, const ActivityInput &in);
/// Sets one field of an activity from user text (e.g. "budget" "1.500.000").
void setActivityField(Store &store, const QString &id, const QString &field, const QString &text);
QString addSession(Store &store, const QString &activityId, const QString &startsAt, const QString &place,
                   const QString &endsAt = {}, const QString &facilitator = {});
QString addPerson(Store &store, const PersonInput &in, const QString &id = {});
/// Rewrites a person's fields and sets their groups to exactly in.groups (links removed are deleted).
void updatePerson(Store &store, const QString &id, const PersonInput &in);
/// Sets several fields of an activity from user text, all or none (the first bad field is named).
void updateActivity(Store &store, const QString &id, const std::vector<std::pair<QString, QString>> &fields);
/// Marks (or re-marks) a person at a session; returns the mark's id, derived from both.
QString markAttendance(Store &store, const QString &sessionId, const QString &personId, const QString &status);

/// The activities of one month (or all, if month is empty), in plan order, without deleted ones.
std::vector<ActivityRow> activities(Store &store, const QString &month = {});

/// The centre's school year: that of its latest live plan ("2017-2018"), empty when it has none.
/// Every screen, report and command that needs "this year" asks here.
QString currentSchoolYear(Store &store);
/// The first month with a live activity in the centre's current school year, empty if none.
QString firstMonthOfCurrentYear(Store &store);

/// A session of an activity with its attendance, counted by the one rule (docs/data.md#counting):
/// a mark counts when it is live, present or late, and its person is live; the headcount adds
/// people who came unnamed.
struct SessionRow
{
    QString id;
    QString startsAt, endsAt; ///< YYYY-MM-DDTHH:MM; endsAt may be empty
    QString place, facilitator;
    bool taken = false;       ///< any mark (of a live person) or a headcount was recorded
    int present = 0;          ///< counted marks plus the headcount
    int headcount = 0;
};
/// The live sessions of an activity, in time order.
std::vector<SessionRow> sessions(Store &store, const QString &activityId);
/// The wall-clock time of the newest mark of a session (wherever it was made), 0 if none.
qint64 lastMarkChangeMs(Store &store, const QString &sessionId);
/// The non-blank lines of a multi-line text field (the plan's bases, a survey's topics), trimmed.
QStringList textLines(const QString &text);
/// The school years that have a live plan, oldest first.
QStringList planYears(Store &store);
/// The plan's text parts a coordinator edits, by table: the plan's own fields (bases, purpose …, and
/// the year-end assessment), a quarterly task, a target (with its measure and evidence), a partner's role.
const std::vector<std::pair<QString, QStringList>> &planTextFields();
/// Sets one of them; InvalidInput naming the field for anything else or a bad value.
void setPlanText(Store &store, const QString &table, const QString &id, const QString &field, const QString &text);
/// Deletes a school year's plan with its signatories, tasks, targets and activities (ordinary synced
/// deletes, so undo is a write too): a draft made by mistake, before the year's plan file is imported.
/// Returns the rows deleted.
int deletePlan(Store &store, const QString &schoolYear);
/// A new quarterly task ("2017-Q4") at the end of its quarter, and a new target (measured by hand).
QString addQuarterlyTask(Store &store, const QString &schoolYear, const QString &quarter, const QString &text);
QString addTarget(Store &store, const QString &schoolYear, const QString &section, const QString &text, qint64 thresholdPct);
/// The id of the live plan of a school year ("2017-2018"), or empty.
QString planId(Store &store, const QString &schoolYear);
/// The quarterly tasks of a school year as (quarter, text), in plan order.
std::vector<std::pair<QString, QString>> quarterlyTasks(Store &store, const QString &schoolYear);

/// The people expected at an activity: the live members of its live target groups (every live
/// person, for a live group that is "all residents").
QSet<QString> expectedPeople(Store &store, const QString &activityId);
/// The live marks of a session: person id → status.
QHash<QString, QString> sessionMarks(Store &store, const QString &sessionId);

/// A record's own sync state for the screens: in step with the server (sent, or arrived from it),
/// changes waiting to be sent, or a change the server refused (its reason; the rest were sent).
struct RowSync
{
    bool waiting = false;
    QString refused;
};
/// Per person, the state of their mark in this session; people whose mark has nothing waiting are absent.
QHash<QString, RowSync> markSyncStates(Store &store, const QString &sessionId);
/// Per person, the state of their register entry; people with nothing waiting are absent.
QHash<QString, RowSync> personSyncStates(Store &store);
/// Unmarks a person (the mark becomes deleted: an ordinary write, so it syncs and can be redone).
void unmark(Store &store, const QString &sessionId, const QString &personId);
/// Takes back a walk-in added at a session: unmarks them there, and deletes them from the register
/// only if nothing has come to depend on them since (no other live mark, no group). One transaction.
/// Returns whether the person was deleted.
bool undoWalkIn(Store &store, const QString &sessionId, const QString &personId);

/// People matching a query (see vn::nameMatches), in Vietnamese given-name order.
/// With only set: just those people (the attendance sheet's expected and marked learners).
std::vector<PersonRow> findPeople(Store &store, const QString &query, const QSet<QString> *only = nullptr);

/// Enters a hand-measured target's figures (metric "manual"): numerator of denominator, both
/// whole and not negative, the numerator not above the denominator; empty clears both. Throws
/// InvalidInput naming the field, or NotFound for a target that is not a live manual one.
void setManualTarget(Store &store, const QString &targetId, std::optional<qint64> numerator, std::optional<qint64> denominator);

/// The centre's neighbourhoods as the register writes them (live people), "Khu 2" before "Khu 10":
/// what a form offers to choose from before a new one is typed.
QStringList khuValues(Store &store);
/// The names of the centre's live learner groups, in Vietnamese order.
QStringList groupNames(Store &store);
/// What the centre's live activities already name as their target group, or their partner, in
/// Vietnamese order: the activity form offers them whole (they are phrases, not lists to split).
QStringList activityGroupTexts(Store &store);
QStringList activityPartnerTexts(Store &store);
/// The places the centre's live sessions were held, in Vietnamese order.
QStringList sessionPlaces(Store &store);

/// The translated name of an activity kind ("technical" → "tập huấn kỹ thuật").
QString kindLabel(const QString &kind);
/// The same with a capital first letter, to start a line.
QString kindTitle(const QString &kind);

/// "m"/"f" from what people write: Nam, Nữ, nam, nu, m, f, male, female; empty for empty.
QString parseSex(const QString &text, const QString &field, int line = 0);

} // namespace records
} // namespace clc
