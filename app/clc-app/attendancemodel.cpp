#include "attendancemodel.h"
#include "error.h"
#include "hybridclock.h"
#include "schema.h"
#include "records.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>

namespace clc {


AttendanceModel::AttendanceModel(QObject *parent) : AsyncListModel(parent) {}

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
    case StatusCodeRole:
        return statusCode(r.status); // "present", …; "" when not marked: the palette's key

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
    case SyncRole:
        return int(r.sync);
    case SyncTextRole:
        switch (r.sync) {
        case Waiting:
            return AttendanceModel::tr("not sent yet");
        case Refused:
            return AttendanceModel::tr("refused by the server: %1").arg(r.refusal);
        default:
            return r.status == NotMarked ? QString() : AttendanceModel::tr("sent");
        }
    default:
        return {};
    }
}

QHash<int, QByteArray> AttendanceModel::roleNames() const
{
    return {{PersonIdRole, "personId"}, {NameRole, "name"}, {DetailRole, "detail"}, {StatusRole, "status"},
            {StatusTextRole, "statusText"}, {ExpectedRole, "expected"}, {SyncRole, "sync"}, {SyncTextRole, "syncText"}, {StatusCodeRole, "statusCode"}};
}

namespace {
struct Sheet
{
    QString activityId, title, when, recordedBy;
    QDateTime lastChange;
    int headcount = 0, expected = 0;
    std::vector<AttendanceModel::Row> rows;
};

Sheet readSheet(Store &s, const QString &sessionId)
{
    Sheet sheet;
    if (sessionId.isEmpty() || !s.exists(QStringLiteral("sessions"), sessionId))
        return sheet;
    sheet.activityId = s.value(QStringLiteral("sessions"), sessionId, QStringLiteral("activity_id")).toText();
    sheet.title = s.value(QStringLiteral("activities"), sheet.activityId, QStringLiteral("title")).toText();
    const QDateTime at = QDateTime::fromString(s.value(QStringLiteral("sessions"), sessionId, QStringLiteral("starts_at")).toText(),
                                               QStringLiteral("yyyy-MM-ddTHH:mm"));
    sheet.when = vn::formatDate(at.date()) + QStringLiteral(" ") + at.toString(QStringLiteral("HH:mm"));
    sheet.headcount = int(s.value(QStringLiteral("sessions"), sessionId, QStringLiteral("headcount")).toInt());
    sheet.recordedBy = s.value(QStringLiteral("sessions"), sessionId, QStringLiteral("recorded_by")).toText();
    // When: the stamp of the newest mark, wherever it was made.
    if (const qint64 ms = records::lastMarkChangeMs(s, sessionId))
        sheet.lastChange = QDateTime::fromMSecsSinceEpoch(ms);
    const QSet<QString> expected = records::expectedPeople(s, sheet.activityId);
    const QHash<QString, QString> marks = records::sessionMarks(s, sessionId);
    const QHash<QString, records::RowSync> sync = records::markSyncStates(s, sessionId);
    sheet.expected = int(expected.size());
    QSet<QString> listed = expected;
    for (auto it = marks.cbegin(); it != marks.cend(); ++it)
        listed.insert(it.key());
    for (const PersonRow &p : records::findPeople(s, QString(), &listed)) {
        QStringList detail;
        if (p.birthYear)
            detail << QString::number(*p.birthYear);
        if (!p.khu.isEmpty())
            detail << p.khu;
        const records::RowSync rs = sync.value(p.id);
        sheet.rows.push_back({p.id, p.fullName, detail.join(QStringLiteral(" · ")), AttendanceModel::statusOf(marks.value(p.id)),
                              expected.contains(p.id), rs.waiting ? AttendanceModel::Waiting : rs.refused.isEmpty() ? AttendanceModel::InStep : AttendanceModel::Refused,
                              rs.refused});
    }
    return sheet;
}
} // namespace

void AttendanceModel::setSessionId(const QString &id)
{
    if (id == m_sessionId)
        return;
    // Another session's rows must never stay tappable under this session's id.
    beginResetModel();
    m_sessionId = id;
    m_undo.clear();
    m_all.clear();
    m_visible.clear();
    m_title.clear();
    m_when.clear();
    m_headcount = m_expected = m_otherMarks = 0;
    m_recordedBy.clear();
    m_lastChange = {};
    endResetModel();
    reload();
    Q_EMIT sessionChanged();
    Q_EMIT countsChanged();
}

void AttendanceModel::reload()
{
    const QString sessionId = m_sessionId;
    fetch<Sheet>([sessionId](Store &s) { return readSheet(s, sessionId); },
                 [this](Sheet &sheet) {
                     beginResetModel();
                     m_activityId = sheet.activityId;
                     m_title = sheet.title;
                     m_when = sheet.when;
                     m_headcount = sheet.headcount;
                     m_recordedBy = sheet.recordedBy;
                     m_lastChange = sheet.lastChange;
                     m_expected = sheet.expected;
                     m_all = std::move(sheet.rows);
                     m_otherMarks = int(std::count_if(m_all.begin(), m_all.end(), [](const Row &r) { return r.status == Excused || r.status == Absent; }));
                     m_visible.clear();
                     for (int i = 0; i < int(m_all.size()); ++i)
                         if (m_filter.isEmpty() || vn::nameMatches(m_all[size_t(i)].name, m_filter))
                             m_visible.push_back(i);
                     endResetModel();
                     Q_EMIT sessionChanged();
                     Q_EMIT countsChanged();
                 });
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

void AttendanceModel::write(const QString &personId, Status status)
{
    // The mark and who recorded it, one transaction: on disk before the screen changes, so a killed
    // app loses nothing, and a failure changes nothing.
    Store &s = StoreManager::current();
    const QString me = s.meta(MetaKey::DeviceName);
    {
        Transaction tx(s.db());
        if (status == NotMarked)
            records::unmark(s, m_sessionId, personId);
        else
            records::markAttendance(s, m_sessionId, personId, statusCode(status));
        if (!me.isEmpty() && me != m_recordedBy)
            s.write(QStringLiteral("sessions"), m_sessionId, {{QStringLiteral("recorded_by"), me}});
        tx.commit();
    }
    if (!me.isEmpty())
        m_recordedBy = me;
    m_lastChange = QDateTime::currentDateTime();
    if (loading())
        reload(); // the read in flight may predate this write: only an answer read after it is applied
    const auto row = std::find_if(m_all.begin(), m_all.end(), [&personId](const Row &r) { return r.personId == personId; });
    if (row == m_all.end())
        return; // not on the sheet now (the sheet was re-read meanwhile); the next read shows it
    const Status before = row->status;
    row->status = status;
    row->sync = Waiting;
    m_otherMarks += (status == Excused || status == Absent) - (before == Excused || before == Absent);
    const int index = int(row - m_all.begin());
    const auto pos = std::find(m_visible.begin(), m_visible.end(), index);
    if (pos != m_visible.end()) {
        const QModelIndex mi = this->index(int(pos - m_visible.begin()));
        Q_EMIT dataChanged(mi, mi, {StatusRole, StatusCodeRole, StatusTextRole, SyncRole, SyncTextRole});
    }
}

QString AttendanceModel::recordedText() const
{
    if (!m_lastChange.isValid())
        return {};
    const QString when = m_lastChange.toString(QStringLiteral("HH:mm dd/MM/yyyy"));
    return m_recordedBy.isEmpty() ? tr("Last change %1").arg(when) : tr("Recorded by %1, last change %2").arg(m_recordedBy, when);
}

void AttendanceModel::cycle(int row)
{
    if (row < 0 || row >= int(m_visible.size()))
        return;
    const Row &r = m_all[size_t(m_visible[size_t(row)])];
    const QString person = r.personId;
    const Status now = r.status;
    const Status next = now == NotMarked || now == Absent ? Present : Status(int(now) + 1);
    if (attempt([&] { write(person, next); }))
        m_undo.push_back({person, now});
    Q_EMIT countsChanged();
}

void AttendanceModel::undo()
{
    if (m_undo.empty())
        return;
    const auto [person, status] = m_undo.back();
    if (attempt([&] { write(person, status); }))
        m_undo.pop_back();
    Q_EMIT countsChanged();
}

void AttendanceModel::setHeadcount(int n)
{
    if (n == m_headcount || n < 0)
        return;
    if (attempt([&] { StoreManager::current().write(QStringLiteral("sessions"), m_sessionId, {{QStringLiteral("headcount"), n > 0 ? Value(qint64(n)) : Value()}}); })) {
        m_headcount = n;
        if (loading())
            reload(); // as for a tap: an older read must not put back the old count
    }
    Q_EMIT countsChanged();
}

bool AttendanceModel::addWalkIn(const QString &fullName, const QString &sex, int birthYear, const QString &khu)
{
    const bool added = attempt([&] {
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
    });
    if (added)
        reload();
    return added;
}

} // namespace clc
