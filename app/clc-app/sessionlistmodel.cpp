#include "sessionlistmodel.h"
#include "records.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDateTime>

namespace clc {

SessionListModel::SessionListModel(QObject *parent) : AsyncListModel(parent) {}

int SessionListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case SessionIdRole:
        return r.id;
    case DateRole:
        return r.date;
    case TimeRole:
        return r.time;
    case PlaceRole:
        return r.place;
    case FacilitatorRole:
        return r.facilitator;
    case TakenRole:
        return r.taken;
    case PresentRole:
        return r.present;
    case AttendanceTextRole:
        // The one counting rule, said the way the sheet says it: named people, then the unnamed.
        if (!r.taken)
            return tr("Attendance not taken");
        if (r.headcount > 0)
            return tr("%1 present + %2 unnamed").arg(vn::formatNumber(r.present - r.headcount), vn::formatNumber(r.headcount));
        return tr("%1 present").arg(vn::formatNumber(r.present));
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    return {{SessionIdRole, "sessionId"}, {DateRole, "date"}, {TimeRole, "time"}, {PlaceRole, "place"},
            {FacilitatorRole, "facilitator"}, {TakenRole, "taken"}, {PresentRole, "present"}, {AttendanceTextRole, "attendanceText"}};
}

void SessionListModel::setActivityId(const QString &id)
{
    if (id == m_activityId)
        return;
    // Another activity's sessions must never stay tappable under this one.
    beginResetModel();
    m_activityId = id;
    m_rows.clear();
    m_title.clear();
    m_summary.clear();
    endResetModel();
    reload();
    Q_EMIT activityChanged();
}

namespace {
struct ActivitySessions
{
    std::optional<ActivityRow> activity;
    std::vector<SessionListModel::Row> rows;
};

ActivitySessions readSessions(Store &s, const QString &activityId)
{
    ActivitySessions r;
    const QString month = s.value(QStringLiteral("activities"), activityId, QStringLiteral("month")).toText();
    for (ActivityRow &a : month.isEmpty() ? std::vector<ActivityRow>{} : records::activities(s, month))
        if (a.id == activityId)
            r.activity = std::move(a);
    for (const records::SessionRow &row : records::sessions(s, activityId)) {
        const QDateTime at = QDateTime::fromString(row.startsAt, QStringLiteral("yyyy-MM-ddTHH:mm"));
        const QString end = row.endsAt.mid(11, 5);
        r.rows.push_back({row.id, vn::formatDate(at.date()), at.toString(QStringLiteral("HH:mm")) + (end.isEmpty() ? QString() : QStringLiteral("–") + end),
                          row.place, row.facilitator, row.taken, row.present, row.headcount});
    }
    return r;
}
} // namespace

void SessionListModel::reload()
{
    const QString activityId = m_activityId;
    fetch<ActivitySessions>([activityId](Store &s) { return readSessions(s, activityId); },
                            [this](ActivitySessions &r) {
                                beginResetModel();
                                m_rows = std::move(r.rows);
                                m_title.clear();
                                m_summary.clear();
                                if (const auto &a = r.activity) {
                                    m_title = a->title;
                                    QStringList lines;
                                    if (!a->groupText.isEmpty())
                                        lines << tr("For: %1").arg(a->groupText);
                                    const QString partner = a->teacher.isEmpty() ? a->partnerText : a->teacher;
                                    if (!partner.isEmpty())
                                        lines << tr("With: %1").arg(partner);
                                    lines << records::kindTitle(a->kind);
                                    if (a->budget)
                                        lines << tr("Budget: %1").arg(vn::formatMoney(*a->budget));
                                    lines << tr("%n participant(s)", nullptr, a->participants);
                                    m_summary = lines.join(QLatin1Char('\n'));
                                }
                                endResetModel();
                                Q_EMIT activityChanged();
                            });
}

} // namespace clc
