#pragma once
// Next year's plan drafted from this year's (docs/year.md): the text parts carried over with the years
// changed, every activity moved a year later with its status reset, the targets and the signatories
// carried, and the learning-needs survey's most-asked topics proposed as new activities. The draft is
// an ordinary plan: it syncs, is edited, and prints with reports::planDocument.
#include <QString>
#include <QtGlobal>
#include <vector>

namespace clc {
class Store;

namespace plans {

/// The wall-clock milliseconds of a drafted row's stamp: 1 ms after the epoch, older than any edit, so a
/// draft made again on another device loses to every edit (docs/year.md). A conflict whose losing
/// value has this time lost as a draft, not as a person's edit.
constexpr qint64 DraftMillis = 1;

struct DraftResult
{
    QString planId;
    int activitiesCarried = 0;   ///< made this time from this year's activities
    int activitiesProposed = 0;  ///< made this time from the survey's topics
    int rowsCreated = 0;         ///< every row made this time (plan, tasks, targets, links, activities …)
    int rowsKept = 0;            ///< rows already drafted before, left exactly as they are
};

/// The school year after one: "2017-2018" → "2018-2019".
QString nextSchoolYear(const QString &schoolYear);

/// Drafts the plan of toYear from the live plan of fromYear ("2017-2018" → "2018-2019"). Running it
/// again makes only what is missing and changes nothing already there, edited or deleted. Refuses
/// (field "--year") a year that already has a plan of its own, and (field "--from") a year with none.
DraftResult draftNextYear(Store &store, const QString &fromYear, const QString &toYear);

/// A text with the school year moved by `years`: "2017-2018", "2017 - 2018", a lone 2017 or 2018 and
/// the year of a date ("30/5/2018", "tháng 3 năm 2018") become 2018-2019, 2018 or 2019 … Another span
/// ("2012-2020") and a document number ("09/2018/QĐ") stay. keepDates (the bases, which cite the
/// past) keeps the dates too.
QString shiftYears(const QString &text, int firstYear, int years, bool keepDates);
/// The title and id of the activity a draft proposes for a survey topic.
QString proposalTitle(const QString &topic);
QString proposalId(Store &store, const QString &toYear, const QString &topic);

/// The topics the survey answers of a plan ask for most: chosen by at least a fifth of the answers,
/// at most five, most chosen first.
struct ProposedTopic
{
    QString topic, kind, surveyId;
    int answers = 0, of = 0;
    int month = 0; ///< the month of the year most answers that chose it said suits them; 0 if none said
};
std::vector<ProposedTopic> proposedTopics(Store &store, const QString &planId);

} // namespace plans
} // namespace clc
