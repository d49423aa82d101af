#include "formfields.h"

#include <QHash>

namespace clc::forms {

QString key(const QString &field)
{
    QString k = field.trimmed();
    // A group's name is the learner form's groups field, not the person's name.
    if (k == QLatin1String("learner_groups.name"))
        return QStringLiteral("groups");
    if (k.startsWith(QLatin1String("--")))
        k = k.mid(2).replace(QLatin1Char('-'), QLatin1Char('_'));
    const int dot = k.lastIndexOf(QLatin1Char('.'));
    return dot >= 0 ? k.mid(dot + 1) : k;
}

QString label(const QString &field)
{
    static const QHash<QString, const char *> labels{
        // people (the learner and walk-in forms)
        {QStringLiteral("full_name"), QT_TRANSLATE_NOOP("FormFields", "Full name")},
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("FormFields", "Full name")},
        {QStringLiteral("sex"), QT_TRANSLATE_NOOP("FormFields", "Sex")},
        {QStringLiteral("birth_year"), QT_TRANSLATE_NOOP("FormFields", "Year of birth")},
        {QStringLiteral("khu"), QT_TRANSLATE_NOOP("FormFields", "Neighbourhood (khu)")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("FormFields", "Phone")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("FormFields", "Note")},
        {QStringLiteral("group"), QT_TRANSLATE_NOOP("FormFields", "Groups")},
        {QStringLiteral("groups"), QT_TRANSLATE_NOOP("FormFields", "Groups")},
        // activities
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("FormFields", "Title")},
        {QStringLiteral("kind"), QT_TRANSLATE_NOOP("FormFields", "Field")},
        {QStringLiteral("group_text"), QT_TRANSLATE_NOOP("FormFields", "Target group")},
        {QStringLiteral("partner_text"), QT_TRANSLATE_NOOP("FormFields", "Partner")},
        {QStringLiteral("teacher"), QT_TRANSLATE_NOOP("FormFields", "Teacher or speaker")},
        {QStringLiteral("planned_participants"), QT_TRANSLATE_NOOP("FormFields", "Planned participants")},
        {QStringLiteral("budget"), QT_TRANSLATE_NOOP("FormFields", "Budget (đ)")},
        {QStringLiteral("budget_spent"), QT_TRANSLATE_NOOP("FormFields", "Spent (đ)")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("FormFields", "Status")},
        {QStringLiteral("not_held_reason"), QT_TRANSLATE_NOOP("FormFields", "Why it did not take place")},
        // sessions
        {QStringLiteral("date"), QT_TRANSLATE_NOOP("FormFields", "Date")},
        {QStringLiteral("start"), QT_TRANSLATE_NOOP("FormFields", "From")},
        {QStringLiteral("starts_at"), QT_TRANSLATE_NOOP("FormFields", "Date and start time")},
        {QStringLiteral("ends_at"), QT_TRANSLATE_NOOP("FormFields", "To (optional)")},
        {QStringLiteral("place"), QT_TRANSLATE_NOOP("FormFields", "Place")},
        {QStringLiteral("facilitator"), QT_TRANSLATE_NOOP("FormFields", "Facilitator")},
        {QStringLiteral("headcount"), QT_TRANSLATE_NOOP("FormFields", "Unnamed headcount")},
        // targets measured by hand
        {QStringLiteral("manual_numerator"), QT_TRANSLATE_NOOP("FormFields", "Reached")},
        {QStringLiteral("manual_denominator"), QT_TRANSLATE_NOOP("FormFields", "Out of")},
        // the plan's text parts
        {QStringLiteral("doc_number"), QT_TRANSLATE_NOOP("FormFields", "Document number")},
        {QStringLiteral("bases"), QT_TRANSLATE_NOOP("FormFields", "Bases")},
        {QStringLiteral("purpose"), QT_TRANSLATE_NOOP("FormFields", "Purpose")},
        {QStringLiteral("advantages"), QT_TRANSLATE_NOOP("FormFields", "Advantages")},
        {QStringLiteral("difficulties"), QT_TRANSLATE_NOOP("FormFields", "Difficulties")},
        {QStringLiteral("solutions"), QT_TRANSLATE_NOOP("FormFields", "Measures")},
        {QStringLiteral("recommendations"), QT_TRANSLATE_NOOP("FormFields", "Recommendations")},
        {QStringLiteral("closing"), QT_TRANSLATE_NOOP("FormFields", "Closing sentence")},
        {QStringLiteral("year_end_notes"), QT_TRANSLATE_NOOP("FormFields", "Assessment of the year")},
        {QStringLiteral("year_end_recommendations"), QT_TRANSLATE_NOOP("FormFields", "Recommendations for next year")},
        {QStringLiteral("text"), QT_TRANSLATE_NOOP("FormFields", "Text")},
        {QStringLiteral("quarter"), QT_TRANSLATE_NOOP("FormFields", "Quarter")},
        {QStringLiteral("threshold_pct"), QT_TRANSLATE_NOOP("FormFields", "Required (%)")},
        {QStringLiteral("result_note"), QT_TRANSLATE_NOOP("FormFields", "Evidence")},
        {QStringLiteral("role"), QT_TRANSLATE_NOOP("FormFields", "Role")},
        // the learning-needs survey
        {QStringLiteral("period"), QT_TRANSLATE_NOOP("FormFields", "Quarter")},
        {QStringLiteral("survey"), QT_TRANSLATE_NOOP("FormFields", "Survey")},
        {QStringLiteral("person"), QT_TRANSLATE_NOOP("FormFields", "Person")},
        {QStringLiteral("respondent"), QT_TRANSLATE_NOOP("FormFields", "Who answered")},
        {QStringLiteral("topics"), QT_TRANSLATE_NOOP("FormFields", "What they would like to learn")},
        {QStringLiteral("other_topic"), QT_TRANSLATE_NOOP("FormFields", "Something else")},
        {QStringLiteral("time_of_day"), QT_TRANSLATE_NOOP("FormFields", "Time of day")},
        {QStringLiteral("months"), QT_TRANSLATE_NOOP("FormFields", "Months that suit")},
    };
    const auto it = labels.constFind(key(field));
    return it == labels.constEnd() ? field : FormFields::tr(*it);
}

QString describe(const Error &e)
{
    QString out;
    if (e.line() > 0)
        out += FormFields::tr("line %1: ").arg(e.line());
    if (!e.field().isEmpty())
        out += label(e.field()) + QStringLiteral(": ");
    return out + e.message();
}

} // namespace clc::forms
