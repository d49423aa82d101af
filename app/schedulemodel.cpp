#include "schedulemodel.h"
#include "translate.h"
#include "storemanager.h"
#include "store.h"
#include "vietnamese.h"

#include <QCoreApplication>

namespace clc {

ScheduleModel::ScheduleModel(QObject *parent) : QAbstractListModel(parent) { goToToday(); }

int ScheduleModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant ScheduleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityRow &r = m_rows[size_t(index.row())];
    switch (role) {
    case ActivityIdRole:
        return r.id;
    case TitleRole:
    case Qt::DisplayRole:
        return r.title;
    case GroupsRole:
        return r.groupText;
    case PartnersRole:
        return r.teacher.isEmpty() ? r.partnerText : r.teacher;
    case KindLabelRole:
        return records::kindTitle(r.kind);
    case SessionCountRole:
        return r.sessions;
    case ParticipantsRole:
        return r.participants;
    case BudgetRole:
        return r.budget ? vn::formatMoney(*r.budget) : QString();
    case DoneRole:
        return r.status == QLatin1String("done");
    default:
        return {};
    }
}

QHash<int, QByteArray> ScheduleModel::roleNames() const
{
    return {{ActivityIdRole, "activityId"}, {TitleRole, "title"},
            {GroupsRole, "groups"},         {PartnersRole, "partners"},
            {KindLabelRole, "kind"},        {SessionCountRole, "sessionCount"},
            {ParticipantsRole, "participants"}, {BudgetRole, "budget"},
            {DoneRole, "done"}};
}

void ScheduleModel::setMonth(const QString &month)
{
    if (month == m_month)
        return;
    m_month = month;
    reload();
    Q_EMIT monthChanged();
}

QString ScheduleModel::monthLabel() const
{
    return Tr::tr("Month %1").arg(vn::formatMonth(m_month));
}

static QString shiftMonth(const QString &month, int delta)
{
    const QDate d = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd")).addMonths(delta);
    return d.toString(QStringLiteral("yyyy-MM"));
}

void ScheduleModel::nextMonth() { setMonth(shiftMonth(m_month, 1)); }
void ScheduleModel::previousMonth() { setMonth(shiftMonth(m_month, -1)); }

void ScheduleModel::goToToday()
{
    const QString today = m_today.toString(QStringLiteral("yyyy-MM"));
    StoreManager *manager = StoreManager::create(nullptr, nullptr);
    Store &store = manager->store();
    QString month = today;
    if (store.isInitialised() && records::activities(store, today).empty()) {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT min(a.month) FROM activities a JOIN plans p ON p.id = a.plan_id "
            "WHERE a.centre_id = ? AND a.deleted = 0 AND p.school_year = "
            "  (SELECT max(school_year) FROM plans WHERE centre_id = ? AND deleted = 0)"));
        st.bind(1, store.centreId()).bind(2, store.centreId());
        if (st.step() && !st.isNull(0))
            month = st.text(0);
    }
    setMonth(month);
}

void ScheduleModel::reload()
{
    beginResetModel();
    Store &store = StoreManager::current();
    m_rows = store.isInitialised() ? records::activities(store, m_month) : std::vector<ActivityRow>{};
    endResetModel();
}

} // namespace clc
