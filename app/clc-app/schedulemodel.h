#pragma once
// One month of the plan's activities, for the schedule screen.
#include "asynclistmodel.h"

#include <QDate>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "records.h"

namespace clc {
class StoreManager;

class ScheduleModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY monthChanged)
    Q_PROPERTY(QString monthLabel READ monthLabel NOTIFY labelChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Why "Today" shows another month ("Nothing is planned for 12/2026: the plan runs 09/2017–08/2018"),
    /// until the person moves to another month; empty otherwise.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    enum Role {
        ActivityIdRole = Qt::UserRole + 1,
        TitleRole,
        GroupsRole,
        PartnersRole,
        KindLabelRole,
        SessionCountRole,
        ParticipantsRole,
        BudgetRole,
        DoneRole,
        PlannedRole, ///< planned participants, 0 when the plan does not say
    };
    Q_ENUM(Role)

    explicit ScheduleModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString month() const { return m_month; }
    void setMonth(const QString &month);
    /// "Tháng 09/2017"
    QString monthLabel() const;
    int count() const { return int(m_rows.size()); }
    QString notice() const { return m_notice; }

    Q_INVOKABLE void nextMonth();
    Q_INVOKABLE void previousMonth();
    /// Today's month if it has activities, else the first month of the latest plan.
    Q_INVOKABLE void goToToday();

    /// For tests: the date goToToday treats as today.
    void setToday(const QDate &today)
    {
        m_today = today;
        m_todayFixed = true; // the clock's new days no longer move it
    }

    /// Re-reads the month (after a sync brought changes).
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void monthChanged();
    void countChanged();
    void noticeChanged();
    /// The month's label is said again in another language (the month itself is the same).
    void labelChanged();

protected:
    void retranslate() override;

private:
    QString m_month;
    QString m_notice;
    QDate m_today; ///< the day "Today" goes to: the clock's (DayClock), or a test's
    bool m_todayFixed = false; ///< set by a test (setToday)
    bool m_followsToday = false; ///< the month shown is what "Today" chose, not one the person went to
    std::vector<ActivityRow> m_rows;
};

} // namespace clc
