#include "attendancemodel.h"
#include "error.h"
#include "records.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>

namespace clc {


AttendanceModel::AttendanceModel(QObject *parent) : QAbstractListModel(parent) {}

QString AttendanceModel::statusCode(Status s)
{
    switch (s) {
    case Present:
        return QStringLiteral("present");
    case Late:
        return QStringLiteral("late");
    case Excused:
        return QStringLiteral("excused");
    case Absent:
        return QStringLiteral("absent");
    default:
        return {};
    }
}

AttendanceModel::Status AttendanceModel::statusOf(const QString &code)
{
    if (code == QLatin1String("present"))
        return Present;
    if (code == QLatin1String("late"))
        return Late;
    if (code == QLatin1String("excused"))
        return Excused;
    if (code == QLatin1String("absent"))
        return Absent;
    return NotMarked;
}

int AttendanceModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_visible.size()); }

QVariant AttendanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_all[size_t(m_visible[size_t(index.row())])];
    switch (role) {
    case PersonIdRole:
        return r.personId;
    case NameRole:
    case Qt::DisplayRole:
        return r.name;
    case DetailRole:
        return r.detail;
    case StatusRole:
        return int(r.status);
    case StatusTextRole:
        switch (r.status) {
        case Present:
            return AttendanceModel::tr("present");
        case Late:
            return AttendanceModel::tr("late");
        case Excused:
            return AttendanceModel::tr("excused");
        case Absent:
            return AttendanceModel::tr("absent");
        default:
            return AttendanceModel::tr("not marked");
        }
    case ExpectedRole:
        return r.expected;
    default:
        return {};
    }
}

QHash<int, QByteArray> AttendanceModel::roleNames() const
{
    return {{PersonIdRole, "personId"}, {NameRole, "name"}, {DetailRole, "detail"}, {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {ExpectedRole, "expected"}};
}

void AttendanceModel::setSessionId(const QString &id)
{
    if (id == m_sessionId)
        return;
    m_sessionId = id;
    m_undo.clear();
    reload();
    Q_EMIT sessionChanged();
}

void AttendanceModel::reload()
{
    beginResetModel();
    m_all.clear();
    m_title.clear();
    m_when.clear();
    m_headcount = 0;
    m_expected = 0;
    Store &s = StoreManager::current();
    if (!m_sessionId.isEmpty() && s.exists(QStringLiteral("sessions"), m_sessionId)) {
        m_activityId = s.value(QStringLiteral("sessions"), m_sessionId, QStringLiteral("activity_id")).toText();
        m_title = s.value(QStringLiteral("activities"), m_activityId, QStringLiteral("title")).toText();
        const QDateTime at = QDateTime::fromString(s.value(QStringLiteral("sessions"), m_sessionId, QStringLiteral("starts_at")).toText(),
                                                   QStringLiteral("yyyy-MM-ddTHH:mm"));
        m_when = vn::formatDate(at.date()) + QStringLiteral(" ") + at.toString(QStringLiteral("HH:mm"));
        m_headcount = int(s.value(QStringLiteral("sessions"), m_sessionId, QStringLiteral("headcount")).toInt());
        const QSet<QString> expected = records::expectedPeople(s, m_activityId);
        const QHash<QString, QString> marks = records::sessionMarks(s, m_sessionId);
        m_expected = int(expected.size());
        QSet<QString> listed = expected;
        for (auto it = marks.cbegin(); it != marks.cend(); ++it)
            listed.insert(it.key());
        for (const PersonRow &p : records::findPeople(s, QString(), &listed)) {
            QStringList detail;
            if (p.birthYear)
                detail << QString::number(*p.birthYear);
            if (!p.khu.isEmpty())
                detail << p.khu;
            m_all.push_back({p.id, p.fullName, detail.join(QStringLiteral(" · ")), statusOf(marks.value(p.id)), expected.contains(p.id)});
        }
    }
    m_otherMarks = int(std::count_if(m_all.begin(), m_all.end(), [](const Row &r) { return r.status == Excused || r.status == Absent; }));
    m_visible.clear();
    for (int i = 0; i < int(m_all.size()); ++i)
        if (m_filter.isEmpty() || vn::nameMatches(m_all[size_t(i)].name, m_filter))
            m_visible.push_back(i);
    endResetModel();
    Q_EMIT countsChanged();
}

void AttendanceModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    applyFilter();
    Q_EMIT filterChanged();
}

void AttendanceModel::applyFilter()
{
    beginResetModel();
    m_visible.clear();
    for (int i = 0; i < int(m_all.size()); ++i)
        if (m_filter.isEmpty() || vn::nameMatches(m_all[size_t(i)].name, m_filter))
            m_visible.push_back(i);
    endResetModel();
}

int AttendanceModel::presentCount() const
{
    return int(std::count_if(m_all.begin(), m_all.end(), [](const Row &r) { return r.status == Present || r.status == Late; }));
}

void AttendanceModel::setError(const QString &e)
{
    m_error = e;
    Q_EMIT errorChanged();
}

void AttendanceModel::write(int index, Status status)
{
    Row &r = m_all[size_t(index)];
    // One row, its own transaction: on disk before the screen changes, so a killed app loses nothing.
    if (status == NotMarked)
        records::unmark(StoreManager::current(), m_sessionId, r.personId);
    else
        records::markAttendance(StoreManager::current(), m_sessionId, r.personId, statusCode(status));
    const Status before = r.status;
    r.status = status;
    m_otherMarks += (status == Excused || status == Absent) - (before == Excused || before == Absent);
    const auto pos = std::find(m_visible.begin(), m_visible.end(), index);
    if (pos != m_visible.end()) {
        const QModelIndex mi = this->index(int(pos - m_visible.begin()));
        Q_EMIT dataChanged(mi, mi, {StatusRole, StatusTextRole});
    }
}

void AttendanceModel::cycle(int row)
{
    if (row < 0 || row >= int(m_visible.size()))
        return;
    const int index = m_visible[size_t(row)];
    const Status now = m_all[size_t(index)].status;
    const Status next = now == NotMarked || now == Absent ? Present : Status(int(now) + 1);
    try {
        write(index, next);
        m_undo.push_back({index, now});
        setError({});
    } catch (const Error &e) {
        setError(e.describe());
    }
    Q_EMIT countsChanged();
}

void AttendanceModel::undo()
{
    if (m_undo.empty())
        return;
    const auto [index, status] = m_undo.back();
    try {
        write(index, status);
        m_undo.pop_back();
        setError({});
    } catch (const Error &e) {
        setError(e.describe());
    }
    Q_EMIT countsChanged();
}

void AttendanceModel::setHeadcount(int n)
{
    if (n == m_headcount || n < 0)
        return;
    try {
        StoreManager::current().write(QStringLiteral("sessions"), m_sessionId, {{QStringLiteral("headcount"), n > 0 ? Value(qint64(n)) : Value()}});
        m_headcount = n;
        setError({});
    } catch (const Error &e) {
        setError(e.describe());
    }
    Q_EMIT countsChanged();
}

bool AttendanceModel::addWalkIn(const QString &fullName, const QString &sex, int birthYear, const QString &khu)
{
    try {
        Store &s = StoreManager::current();
        Transaction tx(s.db());
        PersonInput in;
        in.fullName = fullName;
        in.sex = records::parseSex(sex, QStringLiteral("sex"));
        if (birthYear > 0)
            in.birthYear = birthYear;
        in.khu = khu;
        const QString id = records::addPerson(s, in);
        records::markAttendance(s, m_sessionId, id, QStringLiteral("present"));
        tx.commit();
        setError({});
    } catch (const Error &e) {
        setError(e.describe());
        return false;
    }
    reload();
    return true;
}

} // namespace clc
