#include "schedulemodel.h"
#include "dayclock.h"
#include "translate.h"
#include "storemanager.h"
#include "store.h"
#include "vietnamese.h"

#include <QCoreApplication>

namespace clc {

ScheduleModel::ScheduleModel(QObject *parent) : AsyncListModel(parent), m_today(DayClock::instance().today())
{
    // The day turned (a tablet left on overnight, a clock corrected): "Today" goes to the new
    // day's month, and a schedule that showed what "Today" chose (today's month, or the plan's
    // first month with a notice saying why) is chosen again; one the person moved to stays.
    connect(&DayClock::instance(), &DayClock::dayChanged, this, [this](const QDate &, const QDate &today) {
        if (m_todayFixed)
            return;
        const bool newMonth = today.toString(QStringLiteral("yyyy-MM")) != m_today.toString(QStringLiteral("yyyy-MM"));
        m_today = today;
        if (m_followsToday && newMonth)
            goToToday();
    });
    goToToday();
}

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
        return r.status == QLatin1String("done") || r.participants > 0;
    case PlannedRole:
        return int(r.plannedParticipants.value_or(0));
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
            {DoneRole, "done"},               {PlannedRole, "planned"}};
}

void ScheduleModel::setMonth(const QString &month)
{
    if (month == m_month)
        return;
    m_month = month;
    m_followsToday = false; // the person's month: a new day does not move it
    if (!m_notice.isEmpty()) { // the person chose a month: the note about "Today" is done
        m_notice.clear();
        Q_EMIT noticeChanged();
    }
    // The month's label changes at once; another month's rows never show under it.
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
    reload();
    Q_EMIT monthChanged();
    Q_EMIT labelChanged();
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

namespace {
struct MonthRows
{
    QString month;
    std::vector<ActivityRow> rows;
    QString notice;
};
} // namespace

void ScheduleModel::retranslate()
{
    Q_EMIT labelChanged();
    if (!m_notice.isEmpty())
        goToToday(); // the note is made with the month it explains: made again, in the new language
}

void ScheduleModel::goToToday()
{
    m_followsToday = true;
    // Which month to show depends on the data, so it is decided on the reader thread with the rows.
    const QString today = m_today.toString(QStringLiteral("yyyy-MM"));
    fetch<MonthRows>(
        [today](Store &store) {
            MonthRows r{today, {}};
            if (!store.isInitialised())
                return r;
            r.rows = records::activities(store, today);
            if (!r.rows.empty())
                return r;
            // A quiet month inside the plan's year is still today's: shown as it is (empty), not
            // swapped for another one.
            const QString planYear = records::currentSchoolYear(store);
            if (planYear.size() == 9 && today >= planYear.left(4) + QStringLiteral("-09") && today <= planYear.right(4) + QStringLiteral("-08"))
                return r;
            r.month = records::firstMonthOfCurrentYear(store);
            if (!r.month.isEmpty()) {
                r.rows = records::activities(store, r.month);
                // Say why another month shows: a school year runs September to August.
                const QString year = records::currentSchoolYear(store);
                r.notice = year.size() == 9
                               ? ScheduleModel::tr("Nothing is planned for %1: the plan runs %2–%3. Showing its first month.")
                                     .arg(vn::formatMonth(today), vn::formatMonth(year.left(4) + QStringLiteral("-09")),
                                          vn::formatMonth(year.right(4) + QStringLiteral("-08")))
                               : ScheduleModel::tr("Nothing is planned for %1. Showing the plan's first month.").arg(vn::formatMonth(today));
            } else {
                r.month = today;
            }
            return r;
        },
        [this](MonthRows &r) {
            beginResetModel();
            m_rows = std::move(r.rows);
            endResetModel();
            Q_EMIT countChanged();
            if (r.notice != m_notice) {
                m_notice = r.notice;
                Q_EMIT noticeChanged();
            }
            if (r.month != m_month) {
                m_month = r.month;
                Q_EMIT monthChanged();
                Q_EMIT labelChanged();
            }
        });
}

void ScheduleModel::reload()
{
    if (m_month.isEmpty()) { // the first answer (which month is "today") has not come yet
        goToToday();
        return;
    }
    const QString month = m_month;
    fetch<std::vector<ActivityRow>>(
        [month](Store &store) { return store.isInitialised() ? records::activities(store, month) : std::vector<ActivityRow>{}; },
        [this](std::vector<ActivityRow> &rows) {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            Q_EMIT countChanged();
        });
}

} // namespace clc
