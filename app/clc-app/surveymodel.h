#pragma once
// The learning-needs survey on a tablet (docs/year.md): the centre's surveys, an answer in a few taps
// (who, topics, time of day, months), and the tally by topic with its khu and group breakdown. Rows
// are the tally's topics, most chosen first.
#include "asynclistmodel.h"
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace clc {

class SurveyModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// [{value: id, label: "Quý IV năm 2017 · 12 phiếu"}], newest first.
    Q_PROPERTY(QVariantList surveys READ surveys NOTIFY loaded)
    /// The survey shown and answered; empty picks the newest.
    Q_PROPERTY(QString surveyId READ surveyId WRITE setSurveyId NOTIFY loaded)
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    /// The topics the survey asks about, in its order (the answer form's choices).
    Q_PROPERTY(QStringList topics READ topics NOTIFY loaded)
    Q_PROPERTY(int answers READ answers NOTIFY loaded)
    /// The centre's neighbourhoods and groups, for the form's chips.
    Q_PROPERTY(QStringList khus READ khus NOTIFY loaded)
    Q_PROPERTY(QStringList groups READ groups NOTIFY loaded)
    /// After a save: who was saved, for the facilitator to see before the next person.
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    enum Role { TopicRole = Qt::UserRole + 1, CountRole, ShareRole, ShareTextRole, DetailRole };
    explicit SurveyModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantList surveys() const { return m_surveys; }
    QString surveyId() const { return m_surveyId; }
    void setSurveyId(const QString &id);
    QString title() const { return m_title; }
    QStringList topics() const { return m_topics; }
    int answers() const { return m_answers; }
    QStringList khus() const { return m_khus; }
    QStringList groups() const { return m_groups; }
    QString message() const { return m_message; }

    Q_INVOKABLE void reload();
    /// Starts a survey of this quarter ("2017-Q4") with the plan's topics (coordinators).
    Q_INVOKABLE bool addSurvey(const QString &period);
    /// The quarter a new survey would be for: today's.
    Q_INVOKABLE QString currentQuarter() const;
    /// People of the register matching a name (diacritics ignored), at most 6:
    /// [{id, label: "Nguyễn Văn Một · 1960 · Khu 1", khu}].
    Q_INVOKABLE QVariantList findPeople(const QString &query) const;
    /// Saves one answer: {personId | respondent, khu, group, topics: [..], other, time, months: [..], note}.
    /// False with lastError naming the field, and nothing written.
    Q_INVOKABLE bool answer(const QVariantMap &values);

Q_SIGNALS:
    void messageChanged();

protected:
    void retranslate() override { reload(); }

public:
    struct Row
    {
        QString topic, detail;
        int count = 0;
        double share = 0;
    };

private:
    QVariantList m_surveys;
    QString m_surveyId, m_title, m_message;
    QStringList m_topics, m_khus, m_groups;
    int m_answers = 0;
    std::vector<Row> m_rows;
};

} // namespace clc
