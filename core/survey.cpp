#include "survey.h"
#include "database.h"
#include "error.h"
#include "records.h"
#include "reportdocument.h"
#include "reports.h"
#include "schema.h"
#include "store.h"
#include "translate.h"
#include "vietnamese.h"

#include <QCollator>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace clc::survey {

namespace {

const QString Surveys = QStringLiteral("surveys");
const QString Answers = QStringLiteral("survey_answers");

Error bad(const QString &field, const QString &why) { return Error(Error::Code::InvalidInput, why, field); }

} // namespace

const std::vector<Topic> &seedTopics()
{
    static const std::vector<Topic> t{
        {QStringLiteral("Kỹ thuật trồng trọt, chăn nuôi, nuôi trồng thủy sản"), QStringLiteral("technical")},
        {QStringLiteral("Sức khỏe, dinh dưỡng"), QStringLiteral("health")},
        {QStringLiteral("Pháp luật, chính sách"), QStringLiteral("law")},
        {QStringLiteral("Dạy nghề, kỹ năng việc làm"), QStringLiteral("technical")},
        {QStringLiteral("Văn hóa, văn nghệ, thể thao"), QStringLiteral("culture")},
    };
    return t;
}

QString kindOfTopic(const QString &label)
{
    const QString folded = vn::fold(label);
    for (const Topic &t : seedTopics())
        if (vn::fold(t.label) == folded)
            return t.kind;
    return QStringLiteral("other");
}

const QStringList &timesOfDay()
{
    static const QStringList t{QStringLiteral("morning"), QStringLiteral("afternoon"), QStringLiteral("evening"), QStringLiteral("any")};
    return t;
}

QString timeOfDayLabel(const QString &value)
{
    if (value == QLatin1String("morning"))
        return Tr::tr("Morning");
    if (value == QLatin1String("afternoon"))
        return Tr::tr("Afternoon");
    if (value == QLatin1String("evening"))
        return Tr::tr("Evening");
    if (value == QLatin1String("any"))
        return Tr::tr("Any time");
    return Tr::tr("(not recorded)");
}

QString addSurvey(Store &store, const QString &period, const QString &title, const QStringList &topicsIn)
{
    store.requireInitialised();
    static const QRegularExpression quarter(QStringLiteral("^\\d{4}-Q[1-4]$"));
    if (!quarter.match(period.trimmed()).hasMatch())
        throw bad(QStringLiteral("period"), Tr::tr("'%1' is not a quarter of the form YYYY-Qn (for example 2017-Q4)").arg(period));
    QStringList topics;
    for (const QString &t : topicsIn)
        if (!t.trimmed().isEmpty())
            topics << t.simplified();
    if (topicsIn.isEmpty())
        for (const Topic &t : seedTopics())
            topics << t.label;
    if (topics.isEmpty())
        throw bad(QStringLiteral("topics"), Tr::tr("must not be empty"));
    QStringList folded;
    for (const QString &t : topics) {
        if (folded.contains(vn::fold(t)))
            throw bad(QStringLiteral("topics"), Tr::tr("'%1' is listed twice").arg(t));
        folded << vn::fold(t);
    }
    // The plan of the school year the quarter begins in (Q3 2018 starts in July: 2017-2018), so a survey
    // started in September for last quarter still informs the draft made from that year.
    const QString p = period.trimmed();
    const int firstMonth = (p.right(1).toInt() - 1) * 3 + 1;
    QString planId = records::planId(store, reports::schoolYearOf(QStringLiteral("%1-%2").arg(p.left(4)).arg(firstMonth, 2, 10, QLatin1Char('0'))));
    if (planId.isEmpty()) {
        const QString planYear = records::currentSchoolYear(store);
        planId = planYear.isEmpty() ? QString() : records::planId(store, planYear);
    }
    const QString id = Store::newId();
    store.write(Surveys, id,
                {{QStringLiteral("plan_id"), planId.isEmpty() ? Value() : Value(planId)},
                 {QStringLiteral("period"), period.trimmed()},
                 // The centre's data: Vietnamese whatever the device's language.
                 {QStringLiteral("title"), title.trimmed().isEmpty() ? Value(QStringLiteral("Điều tra nhu cầu học tập của nhân dân"))
                                                                      : Value(title.trimmed())},
                 {QStringLiteral("topics"), topics.join(QLatin1Char('\n'))},
                 {QStringLiteral("deleted"), 0}});
    return id;
}

QString answer(Store &store, const QString &surveyId, const AnswerInput &in)
{
    store.requireInitialised();
    if (!store.exists(Surveys, surveyId) || store.value(Surveys, surveyId, QStringLiteral("deleted")).toInt() != 0)
        throw Error(Error::Code::NotFound, Tr::tr("no survey with id '%1'").arg(surveyId), QStringLiteral("survey"));
    const QStringList offered = records::textLines(store.value(Surveys, surveyId, QStringLiteral("topics")).toText());
    QStringList chosen;
    for (const QString &t : in.topics) {
        auto it = std::find_if(offered.begin(), offered.end(), [&t](const QString &o) { return vn::fold(o) == vn::fold(t.trimmed()); });
        if (it == offered.end())
            throw bad(QStringLiteral("topics"), Tr::tr("'%1' is not a topic of this survey").arg(t));
        if (!chosen.contains(*it))
            chosen << *it;
    }
    if (chosen.isEmpty() && in.otherTopic.trimmed().isEmpty())
        throw bad(QStringLiteral("topics"), Tr::tr("choose at least one topic, or write what the person would like to learn"));
    if (!in.timeOfDay.isEmpty() && !timesOfDay().contains(in.timeOfDay))
        throw bad(QStringLiteral("time_of_day"), Tr::tr("'%1' is not one of: %2").arg(in.timeOfDay, timesOfDay().join(QStringLiteral(", "))));
    QList<int> months;
    for (int m : in.months) {
        if (m < 1 || m > 12)
            throw bad(QStringLiteral("months"), Tr::tr("'%1' is not a month (1 to 12)").arg(m));
        if (!months.contains(m))
            months << m;
    }
    std::sort(months.begin(), months.end());
    QStringList monthTexts;
    for (int m : months)
        monthTexts << QString::number(m);

    QString khu = in.khu.simplified();
    QString groupId;
    if (!in.group.trimmed().isEmpty())
        groupId = records::groupId(store, in.group.trimmed(), false, QStringLiteral("group"));
    QString id;
    if (!in.personId.isEmpty()) {
        if (!store.exists(QStringLiteral("people"), in.personId) || store.value(QStringLiteral("people"), in.personId, QStringLiteral("deleted")).toInt() != 0)
            throw Error(Error::Code::NotFound, Tr::tr("no person with id '%1'").arg(in.personId), QStringLiteral("person"));
        if (khu.isEmpty())
            khu = store.value(QStringLiteral("people"), in.personId, QStringLiteral("khu")).toText();
        if (groupId.isEmpty()) {
            // The person's first group by name that is not "everyone".
            auto st = store.db().prepare(QStringLiteral("SELECT g.id FROM person_groups pg JOIN learner_groups g ON g.id = pg.group_id "
                                                        "WHERE pg.person_id = ? AND pg.deleted = 0 AND g.deleted = 0 AND coalesce(g.everyone, 0) = 0 "
                                                        "ORDER BY g.name LIMIT 1"));
            st.bind(1, in.personId);
            if (st.step())
                groupId = st.text(0);
        }
        id = Store::naturalId(Answers, surveyId, in.personId);
    } else {
        if (in.respondent.trimmed().isEmpty())
            throw bad(QStringLiteral("respondent"), Tr::tr("choose a person of the register or write who answered"));
        id = Store::newId();
    }
    store.write(Answers, id,
                {{QStringLiteral("survey_id"), surveyId},
                 {QStringLiteral("person_id"), in.personId.isEmpty() ? Value() : Value(in.personId)},
                 {QStringLiteral("respondent"), in.respondent.simplified().isEmpty() ? Value() : Value(in.respondent.simplified())},
                 {QStringLiteral("khu"), khu.isEmpty() ? Value() : Value(khu)},
                 {QStringLiteral("group_id"), groupId.isEmpty() ? Value() : Value(groupId)},
                 {QStringLiteral("topics"), chosen.isEmpty() ? Value() : Value(chosen.join(QLatin1Char('\n')))},
                 {QStringLiteral("other_topic"), in.otherTopic.simplified().isEmpty() ? Value() : Value(in.otherTopic.simplified())},
                 {QStringLiteral("time_of_day"), in.timeOfDay.isEmpty() ? Value() : Value(in.timeOfDay)},
                 {QStringLiteral("months"), monthTexts.isEmpty() ? Value() : Value(monthTexts.join(QLatin1Char(',')))},
                 {QStringLiteral("note"), in.note.trimmed().isEmpty() ? Value() : Value(in.note.trimmed())},
                 {QStringLiteral("taken_by"), store.meta(MetaKey::DeviceName).isEmpty() ? Value() : Value(store.meta(MetaKey::DeviceName))},
                 {QStringLiteral("deleted"), 0}});
    return id;
}

std::vector<SurveyRow> surveys(Store &store)
{
    std::vector<SurveyRow> out;
    auto st = store.db().prepare(QStringLiteral(
        "SELECT s.id, coalesce(s.period, ''), coalesce(s.title, ''), coalesce(s.topics, ''), "
        "  (SELECT count(*) FROM survey_answers a LEFT JOIN people p ON p.id = a.person_id "
        "   WHERE a.survey_id = s.id AND a.deleted = 0 AND coalesce(p.deleted, 0) = 0) "
        "FROM surveys s WHERE s.centre_id = ? AND s.deleted = 0 ORDER BY s.period DESC, s.id"));
    st.bind(1, store.centreId());
    while (st.step())
        out.push_back(SurveyRow{st.text(0), st.text(1), st.text(2), records::textLines(st.text(3)), int(st.integer(4))});
    return out;
}

QString latestSurveyId(Store &store)
{
    const auto all = surveys(store);
    return all.empty() ? QString() : all.front().id;
}

int mostChosenMonth(const TopicTally &topic)
{
    int best = 0, month = 0;
    for (int m : {9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8})
        if (topic.byMonth.value(m) > best) {
            best = topic.byMonth.value(m);
            month = m;
        }
    return month;
}

SurveyTally tally(Store &store, const QStringList &surveyIds)
{
    SurveyTally out;
    QHash<QString, int> index; // folded topic → position in out.topics
    auto topicAt = [&](const QString &label) -> TopicTally & {
        const QString key = vn::fold(label);
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.insert(key, int(out.topics.size()));
            out.topics.push_back(TopicTally{label, kindOfTopic(label), 0, {}, {}, {}});
        }
        return out.topics[size_t(*it)];
    };
    for (const QString &id : surveyIds)
        for (const QString &t : records::textLines(store.value(Surveys, id, QStringLiteral("topics")).toText()))
            topicAt(t);
    const QString notRecorded = Tr::tr("(not recorded)");
    QSet<QString> khus, groups;
    for (const QString &id : surveyIds) {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT coalesce(a.khu, ''), coalesce(g.name, ''), coalesce(a.topics, ''), coalesce(a.other_topic, ''), "
            "  coalesce(a.time_of_day, ''), coalesce(a.months, '') "
            "FROM survey_answers a JOIN surveys s ON s.id = a.survey_id AND s.deleted = 0 "
            "LEFT JOIN people p ON p.id = a.person_id LEFT JOIN learner_groups g ON g.id = a.group_id AND g.deleted = 0 "
            "WHERE a.survey_id = ? AND a.deleted = 0 AND coalesce(p.deleted, 0) = 0"));
        st.bind(1, id);
        while (st.step()) {
            ++out.answers;
            const QString khu = st.text(0).isEmpty() ? notRecorded : st.text(0);
            const QString group = st.text(1).isEmpty() ? notRecorded : st.text(1);
            khus.insert(khu);
            groups.insert(group);
            QList<int> months;
            for (const QString &m : st.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts))
                months << m.toInt();
            QStringList chosen = records::textLines(st.text(2));
            if (!st.text(3).isEmpty())
                chosen << st.text(3);
            QSet<QString> seen;
            for (const QString &t : chosen) {
                if (seen.contains(vn::fold(t)))
                    continue;
                seen.insert(vn::fold(t));
                TopicTally &tt = topicAt(t);
                ++tt.answers;
                ++tt.byKhu[khu];
                ++tt.byGroup[group];
                for (int m : months)
                    ++tt.byMonth[m];
            }
            ++out.byTimeOfDay[st.text(4)];
        }
    }
    std::stable_sort(out.topics.begin(), out.topics.end(), [](const TopicTally &a, const TopicTally &b) { return a.answers > b.answers; });
    const QCollator collator = vn::collator(true);
    auto sorted = [&collator](const QSet<QString> &s) {
        QStringList l(s.begin(), s.end());
        std::sort(l.begin(), l.end(), [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
        return l;
    };
    out.khus = sorted(khus);
    out.groups = sorted(groups);
    return out;
}

} // namespace clc::survey
