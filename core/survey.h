#pragma once
// The learning-needs survey (điều tra nhu cầu học tập, docs/year.md): a synced record of the centre
// with its period and the topics it asks about, and one answer per person or household, taken on a
// tablet offline like attendance. Every function throws clc::Error naming the field at fault and
// writes nothing on failure.
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace clc {
class Store;

namespace survey {

/// A topic to ask about and the field (activity kind) an activity on it belongs to.
struct Topic
{
    QString label, kind;
};
/// The topics a new survey starts with, from the plan's fields (farming and fishing techniques,
/// health and nutrition, law and policy, vocational skills, culture and sport), in Vietnamese: they
/// are the centre's data, printed on its documents.
const std::vector<Topic> &seedTopics();
/// The activity kind of a topic: a seeded topic's, else "other".
QString kindOfTopic(const QString &label);
/// The times of day an answer may prefer, as stored: morning, afternoon, evening.
const QStringList &timesOfDay();
/// "morning" → "Buổi sáng" (in the current language).
QString timeOfDayLabel(const QString &value);

/// Creates a survey of the centre's current plan. period: "YYYY-Qn" (field "period"); topics: the
/// lines to ask about, at least one, no duplicates (field "topics"); empty topics take seedTopics().
QString addSurvey(Store &store, const QString &period, const QString &title, const QStringList &topics = {});

struct AnswerInput
{
    QString personId;         ///< a person of the register, or empty for a household named below
    QString respondent;       ///< who answered when not in the register (a household, "Hộ ông Tuấn")
    QString khu;              ///< empty: the person's
    QString group;            ///< a learner group's code or name; empty: the person's first group
    QStringList topics;       ///< chosen from the survey's topics
    QString otherTopic;       ///< what else the person would like to learn (free text)
    QString timeOfDay;        ///< one of timesOfDay(), or empty
    QList<int> months;        ///< months of the year that suit (1–12)
    QString note;
};
/// Records one answer. A person's answer to a survey has one id on every tablet (asked twice, the
/// later answer wins field by field); a household's answer is new each time. Returns its id.
QString answer(Store &store, const QString &surveyId, const AnswerInput &in);

struct SurveyRow
{
    QString id, period, title;
    QStringList topics;
    int answers = 0;
};
/// The centre's live surveys, newest period first.
std::vector<SurveyRow> surveys(Store &store);
/// The id of the newest live survey, or empty.
QString latestSurveyId(Store &store);

struct TopicTally
{
    QString topic, kind;
    int answers = 0;                 ///< answers that chose it
    QMap<QString, int> byKhu;        ///< khu → answers ("" when not recorded)
    QMap<QString, int> byGroup;      ///< target group name → answers
    QMap<int, int> byMonth;          ///< month 1–12 → answers that chose it and that month
};
/// The month (1–12) most of a topic's answers said suits them, a tie going to the earlier month of the
/// school year (September first); 0 when none said.
int mostChosenMonth(const TopicTally &topic);

struct SurveyTally
{
    int answers = 0;                 ///< live answers of live (or unnamed) respondents
    std::vector<TopicTally> topics;  ///< every topic asked about, then the free-text ones; most chosen first
    QStringList khus, groups;        ///< the columns of the tables, in Vietnamese order
    QMap<QString, int> byTimeOfDay;  ///< morning/afternoon/evening → answers
};
/// The answers of the given surveys counted by topic × khu × target group (docs/year.md#counting).
SurveyTally tally(Store &store, const QStringList &surveyIds);

} // namespace survey
} // namespace clc
