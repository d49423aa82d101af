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
        return statusText(r.status);
    case ExpectedRole:
        return r.expected;
    case SyncRole:
        return int(r.sync);
    case SyncTextRole:
        // Only a refusal is said on the row; marks waiting to be sent are counted once for the sheet.
        return r.sync == Refused ? AttendanceModel::tr("refused by the server: %1").arg(r.refusal) : QString();
    default:
        return {};
    }
}

QString AttendanceModel::statusText(Status s)
{
    switch (s) {
    case Present:
        return tr("present");
    case Late:
        return tr("late");
    case Excused:
        return tr("excused");
    case Absent:
        return tr("absent");
    default:
        return tr("not marked");
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
                         if (shown(m_all[size_t(i)]))
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

bool AttendanceModel::shown(const Row &r) const
{
    return (m_filter.isEmpty() || vn::nameMatches(r.name, m_filter)) && (!m_onlyUnmarked || r.status == NotMarked);
}

void AttendanceModel::setOnlyUnmarked(bool on)
{
    if (on == m_onlyUnmarked)
        return;
    m_onlyUnmarked = on;
    applyFilter();
    Q_EMIT filterChanged();
}

void AttendanceModel::applyFilter()
{
    beginResetModel();
    m_visible.clear();
    for (int i = 0; i < int(m_all.size()); ++i)
        if (shown(m_all[size_t(i)]))
            m_visible.push_back(i);
    endResetModel();
}

void AttendanceModel::retranslate()
{
    m_undone.clear(); // a message of the moment, in the old language: gone rather than half-translated
    Q_EMIT sessionChanged();
    Q_EMIT countsChanged();
}

QString AttendanceModel::summaryText() const
{
    if (!taken())
        return tr("Attendance not taken yet (%1 expected)").arg(vn::formatNumber(m_expected));
    // The one counting rule (docs/data.md#counting): named people present or late, plus the headcount.
    if (m_headcount > 0)
        return tr("%1 present + %2 unnamed of %3 expected")
            .arg(vn::formatNumber(presentCount()), vn::formatNumber(m_headcount), vn::formatNumber(m_expected));
    return tr("%1 present of %2 expected").arg(vn::formatNumber(presentCount()), vn::formatNumber(m_expected));
}

int AttendanceModel::waitingCount() const
{
    return int(std::count_if(m_all.begin(), m_all.end(), [](const Row &r) { return r.sync == Waiting; }));
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
    const int at = int(pos - m_visible.begin());
    if (pos != m_visible.end() && !shown(*row)) {
        // Marked while only the unmarked are shown: it leaves the list (undo brings it back).
        beginRemoveRows({}, at, at);
        m_visible.erase(pos);
        endRemoveRows();
    } else if (pos != m_visible.end()) {
        const QModelIndex mi = this->index(at);
        Q_EMIT dataChanged(mi, mi, {StatusRole, StatusCodeRole, StatusTextRole, SyncRole, SyncTextRole});
    } else if (shown(*row)) {
        const int insertAt = int(std::lower_bound(m_visible.begin(), m_visible.end(), index) - m_visible.begin());
        beginInsertRows({}, insertAt, insertAt);
        m_visible.insert(m_visible.begin() + insertAt, index);
        endInsertRows();
    }
}

QString AttendanceModel::nameOf(const QString &personId) const
{
    const auto row = std::find_if(m_all.begin(), m_all.end(), [&personId](const Row &r) { return r.personId == personId; });
    if (row != m_all.end())
        return row->name;
    return StoreManager::current().value(QStringLiteral("people"), personId, QStringLiteral("full_name")).toText();
}

void AttendanceModel::mark(const QString &personId, Status status)
{
    const auto row = std::find_if(m_all.begin(), m_all.end(), [&personId](const Row &r) { return r.personId == personId; });
    const Status before = row != m_all.end() ? row->status : NotMarked;
    if (attempt([&] { write(personId, status); })) {
        m_undo.push_back({UndoStep::Mark, personId, nameOf(personId), before, 0});
        m_undone.clear();
    }
    Q_EMIT countsChanged();
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
    const Status now = r.status;
    mark(r.personId, now == NotMarked || now == Absent ? Present : Status(int(now) + 1));
}

void AttendanceModel::setStatus(int row, int status)
{
    if (row < 0 || row >= int(m_visible.size()) || status < NotMarked || status > Absent)
        return;
    const Row &r = m_all[size_t(m_visible[size_t(row)])];
    if (r.status != Status(status))
        mark(r.personId, Status(status));
}

void AttendanceModel::undo()
{
    if (m_undo.empty())
        return;
    const UndoStep step = m_undo.back();
    bool done = false;
    switch (step.kind) {
    case UndoStep::Mark: {
        done = attempt([&] { write(step.personId, step.before); });
        const auto row = std::find_if(m_all.begin(), m_all.end(), [&](const Row &r) { return r.personId == step.personId; });
        const bool visible = row != m_all.end()
                             && std::find(m_visible.begin(), m_visible.end(), int(row - m_all.begin())) != m_visible.end();
        // Never change a row out of sight without saying so.
        m_undone = visible ? tr("%1: back to %2").arg(step.name, statusText(step.before))
                           : tr("%1 (not in the list shown): back to %2").arg(step.name, statusText(step.before));
        break;
    }
    case UndoStep::WalkIn:
        done = attempt([&] {
            // The walk-in leaves the register again: the mark and the person, one transaction.
            Store &s = StoreManager::current();
            Transaction tx(s.db());
            records::unmark(s, m_sessionId, step.personId);
            s.write(QStringLiteral("people"), step.personId, {{QStringLiteral("deleted"), qint64(1)}});
            tx.commit();
        });
        m_undone = tr("%1: walk-in removed").arg(step.name);
        if (done)
            reload();
        break;
    case UndoStep::Headcount:
        done = attempt([&] {
            StoreManager::current().write(QStringLiteral("sessions"), m_sessionId,
                                          {{QStringLiteral("headcount"), step.headcountBefore > 0 ? Value(qint64(step.headcountBefore)) : Value()}});
        });
        if (done)
            m_headcount = step.headcountBefore;
        m_undone = tr("Unnamed headcount back to %1").arg(vn::formatNumber(step.headcountBefore));
        break;
    }
    if (done)
        m_undo.pop_back();
    else
        m_undone.clear();
    Q_EMIT countsChanged();
}

void AttendanceModel::setHeadcount(int n)
{
    if (n == m_headcount || n < 0)
        return;
    const int before = m_headcount;
    if (attempt([&] { StoreManager::current().write(QStringLiteral("sessions"), m_sessionId, {{QStringLiteral("headcount"), n > 0 ? Value(qint64(n)) : Value()}}); })) {
        m_headcount = n;
        // Steps of the − and + buttons in a row are one change to undo.
        if (m_undo.empty() || m_undo.back().kind != UndoStep::Headcount)
            m_undo.push_back({UndoStep::Headcount, {}, {}, NotMarked, before});
        m_undone.clear();
        if (loading())
            reload(); // as for a tap: an older read must not put back the old count
    }
    Q_EMIT countsChanged();
}

bool AttendanceModel::addWalkIn(const QString &fullName, const QString &sex, const QString &birthYear, const QString &khu)
{
    QString id;
    const bool added = attempt([&] {
        Store &s = StoreManager::current();
        Transaction tx(s.db());
        PersonInput in;
        in.fullName = fullName;
        in.sex = records::parseSex(sex, QStringLiteral("sex"));
        if (!birthYear.trimmed().isEmpty()) {
            bool ok = false;
            const int y = birthYear.trimmed().toInt(&ok);
            if (!ok)
                throw Error(Error::Code::InvalidInput, tr("'%1' is not a year").arg(birthYear.trimmed()), tr("Year of birth"));
            in.birthYear = y; // its range is checked with the rest of the person
        }
        in.khu = khu;
        id = records::addPerson(s, in);
        records::markAttendance(s, m_sessionId, id, QStringLiteral("present"));
        tx.commit();
    });
    if (added) {
        m_undo.push_back({UndoStep::WalkIn, id, fullName.simplified(), NotMarked, 0});
        m_undone.clear();
        reload();
    }
    Q_EMIT countsChanged();
    return added;
}

QVariantList AttendanceModel::registerMatches(const QString &text) const
{
    QVariantList out;
    if (text.trimmed().isEmpty())
        return out;
    for (const PersonRow &p : records::findPeople(StoreManager::current(), text)) {
        if (out.size() == 8)
            break;
        QStringList detail;
        if (p.birthYear)
            detail << QString::number(*p.birthYear);
        if (!p.khu.isEmpty())
            detail << p.khu;
        const bool onSheet = std::any_of(m_all.begin(), m_all.end(), [&p](const Row &r) { return r.personId == p.id; });
        out << QVariantMap{{QStringLiteral("personId"), p.id}, {QStringLiteral("name"), p.fullName},
                           {QStringLiteral("detail"), detail.join(QStringLiteral(" · "))}, {QStringLiteral("onSheet"), onSheet}};
    }
    return out;
}

bool AttendanceModel::markFromRegister(const QString &personId)
{
    if (personId.isEmpty() || !StoreManager::current().exists(QStringLiteral("people"), personId))
        return false;
    mark(personId, Present);
    reload(); // the person joins the sheet
    return lastError().isEmpty();
}

} // namespace clc
