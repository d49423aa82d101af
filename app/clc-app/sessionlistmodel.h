#pragma once
// The sessions of one activity, with whether attendance was taken and how many came.
#include "asynclistmodel.h"
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace clc {

class SessionListModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString activityId READ activityId WRITE setActivityId NOTIFY activityChanged)
    Q_PROPERTY(int count READ count NOTIFY activityChanged)
    Q_PROPERTY(QString title READ title NOTIFY activityChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY activityChanged)

public:
    enum Role { SessionIdRole = Qt::UserRole + 1, DateRole, TimeRole, PlaceRole, FacilitatorRole, TakenRole, PresentRole, AttendanceTextRole };
    explicit SessionListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QString activityId() const { return m_activityId; }
    void setActivityId(const QString &id);
    int count() const { return int(m_rows.size()); }
    QString title() const { return m_title; }
    /// For whom, with whom, kind, budget, participants: one line each, ready to show.
    QString summary() const { return m_summary; }
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void activityChanged();

protected:
    void retranslate() override { reload(); } // its texts are made when read

public:
    struct Row
    {
        QString id, date, time, place, facilitator;
        bool taken;
        int present;   ///< counted marks plus the headcount (records::SessionRow)
        int headcount;
    };

private:
    QString m_activityId, m_title, m_summary;
    std::vector<Row> m_rows;
};

} // namespace clc
