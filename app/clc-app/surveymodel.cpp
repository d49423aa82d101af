#include "surveymodel.h"
#include "records.h"
#include "reportdocument.h"
#include "roles.h"
#include "schema.h"
#include "store.h"
#include "survey.h"
#include "vietnamese.h"

#include <QDate>
#include <QLocale>

namespace clc {

SurveyModel::SurveyModel(QObject *parent) : AsyncListModel(parent) {}

int SurveyModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant SurveyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size())
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case TopicRole:
        return r.topic;
    case CountRole:
        return r.count;
    case ShareRole:
        return r.share;
    case ShareTextRole:
        return QLocale().toString(100 * r.share, 'f', 0) + QStringLiteral(" %");
    case DetailRole:
        return r.detail;
    default:
        return {};
    }
}

QHash<int, QByteArray> SurveyModel::roleNames() const
{
    return {{TopicRole, "topic"}, {CountRole, "count"}, {ShareRole, "share"}, {ShareTextRole, "shareText"}, {DetailRole, "detail"}};
}

void SurveyModel::setSurveyId(const QString &id)
{
    if (id == m_surveyId)
        return;
    m_surveyId = id;
    reload();
}

namespace {
struct SurveyData
{
    std::vector<survey::SurveyRow> surveys;
    QString id, title;
    QStringList topics, khus, groups;
    survey::SurveyTally tally;
};
} // namespace

void SurveyModel::reload()
{
    const QString wanted = m_surveyId;
    fetch<SurveyData>(
        [wanted](Store &s) {
            SurveyData d;
            if (!s.isInitialised())
                return d;
            d.surveys = survey::surveys(s);
            d.khus = records::khuValues(s);
            d.groups = records::groupNames(s);
            for (const auto &r : d.surveys)
                if (r.id == wanted || (wanted.isEmpty() && d.id.isEmpty())) {
                    d.id = r.id;
                    d.title = r.title + QStringLiteral(" · ") + reports::quarterLabel(r.period);
                    d.topics = r.topics;
                }
            if (!d.id.isEmpty())
                d.tally = survey::tally(s, {d.id});
            return d;
        },
        [this](SurveyData &d) {
            beginResetModel();
            m_surveys.clear();
            for (const auto &r : d.surveys)
                m_surveys.append(QVariantMap{{QStringLiteral("value"), r.id},
                                             {QStringLiteral("label"), reports::quarterLabel(r.period) + QStringLiteral(" · ") + tr("%n answer(s)", nullptr, r.answers)}});
            m_surveyId = d.id;
            m_title = d.title;
            m_topics = d.topics;
            m_khus = d.khus;
            m_groups = d.groups;
            m_answers = d.tally.answers;
            m_rows.clear();
            for (const survey::TopicTally &t : d.tally.topics) {
                // Where they live and who they are: the tally's topic × khu and topic × group, on two lines.
                auto line = [](const QMap<QString, int> &by) {
                    QStringList parts;
                    for (auto it = by.cbegin(); it != by.cend(); ++it)
                        parts << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
                    return parts.join(QStringLiteral(" · "));
                };
                const QString khus = line(t.byKhu), groups = line(t.byGroup);
                m_rows.push_back(Row{t.topic, groups.isEmpty() ? khus : khus + QLatin1Char('\n') + groups, t.answers,
                                     d.tally.answers ? double(t.answers) / d.tally.answers : 0});
            }
            endResetModel();
        });
}

QString SurveyModel::currentQuarter() const
{
    const QDate today = QDate::currentDate();
    return QStringLiteral("%1-Q%2").arg(today.year()).arg((today.month() - 1) / 3 + 1);
}

bool SurveyModel::addSurvey(const QString &period)
{
    QString id;
    const bool done = attempt([&] {
        if (!sync::mayWriteHere(StoreManager::current(), table(QStringLiteral("surveys"))->code))
            throw Error(Error::Code::Forbidden, tr("this device's role may not start a survey"), QStringLiteral("period"));
        id = survey::addSurvey(StoreManager::current(), period, QString());
    });
    if (done) {
        m_surveyId = id;
        reload();
    }
    return done;
}

QVariantList SurveyModel::findPeople(const QString &query) const
{
    QVariantList out;
    if (query.trimmed().size() < 2 || !StoreManager::current().isInitialised())
        return out;
    for (const PersonRow &p : records::findPeople(StoreManager::current(), query)) {
        QStringList label{p.fullName};
        if (p.birthYear)
            label << QString::number(*p.birthYear);
        if (!p.khu.isEmpty())
            label << p.khu;
        out.append(QVariantMap{{QStringLiteral("id"), p.id}, {QStringLiteral("label"), label.join(QStringLiteral(" · "))}, {QStringLiteral("khu"), p.khu},
                               {QStringLiteral("name"), p.fullName}});
        if (out.size() == 6)
            break;
    }
    return out;
}

bool SurveyModel::answer(const QVariantMap &v)
{
    survey::AnswerInput in;
    in.personId = v.value(QStringLiteral("personId")).toString();
    in.respondent = v.value(QStringLiteral("respondent")).toString();
    in.khu = v.value(QStringLiteral("khu")).toString();
    in.group = v.value(QStringLiteral("group")).toString();
    in.topics = v.value(QStringLiteral("topics")).toStringList();
    in.otherTopic = v.value(QStringLiteral("other")).toString();
    in.timeOfDay = v.value(QStringLiteral("time")).toString();
    for (const QVariant &m : v.value(QStringLiteral("months")).toList())
        in.months << m.toInt();
    in.note = v.value(QStringLiteral("note")).toString();
    const bool done = attempt([&] {
        if (m_surveyId.isEmpty())
            throw Error(Error::Code::InvalidInput, tr("there is no survey yet: a coordinator starts one"), QStringLiteral("survey"));
        if (!sync::mayWriteHere(StoreManager::current(), table(QStringLiteral("survey_answers"))->code))
            throw Error(Error::Code::Forbidden, tr("this device's role may not take survey answers"), QStringLiteral("survey"));
        survey::answer(StoreManager::current(), m_surveyId, in);
    });
    if (done) {
        const QString who = in.personId.isEmpty() ? in.respondent : v.value(QStringLiteral("name")).toString();
        m_message = tr("Saved the answer of %1.").arg(who.trimmed());
        Q_EMIT messageChanged();
        reload();
    }
    return done;
}

} // namespace clc
