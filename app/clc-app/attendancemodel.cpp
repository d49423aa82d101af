#include "attendancemodel.h"
#include "error.h"
#include "personimport.h"
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
                     // The same people in the same order (a sync brought marks, a tap was written):
                     // the rows change in place, so the list stays where the facilitator is. Only a
                     // different list (someone added or gone) is laid out afresh.
                     const std::vector<QString> before = visibleIds();
                     const bool wasEmpty = m_all.empty();
                     std::vector<Row> oldAll = std::move(m_all);
                     std::vector<int> oldVisible = std::move(m_visible);
                     m_all = std::move(sheet.rows);
                     rebuildVisible();
                     const bool sameRows = !wasEmpty && visibleIds() == before;
                     if (!sameRows) {
                         // Put the old rows back for the moment the view is told a reset begins.
                         std::swap(m_all, oldAll);
                         std::swap(m_visible, oldVisible);
                         beginResetModel();
                         std::swap(m_all, oldAll);
                         std::swap(m_visible, oldVisible);
                     }
                     m_activityId = sheet.activityId;
                     m_title = sheet.title;
                     m_when = sheet.when;
                     m_headcount = sheet.headcount;
                     m_recordedBy = sheet.recordedBy;
                     m_lastChange = sheet.lastChange;
                     m_expected = sheet.expected;
                     m_otherMarks = int(std::count_if(m_all.begin(), m_all.end(), [](const Row &r) { return r.status == Excused || r.status == Absent; }));
                     if (sameRows) {
                         if (!m_visible.empty())
                             Q_EMIT dataChanged(index(0, 0), index(int(m_visible.size()) - 1, 0));
                     } else {
                         endResetModel();
                     }
                     Q_EMIT sessionChanged();
                     Q_EMIT countsChanged();
                 });
}

void AttendanceModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_markedInView.clear(); // a new view: who is marked leaves it now
    applyFilter();
    Q_EMIT filterChanged();
}

bool AttendanceModel::shown(const Row &r) const
{
    return (m_filter.isEmpty() || vn::nameMatches(r.name, m_filter))
           && (!m_onlyUnmarked || r.status == NotMarked || m_markedInView.contains(r.personId));
}

void AttendanceModel::setOnlyUnmarked(bool on)
{
    if (on == m_onlyUnmarked)
        return;
    m_onlyUnmarked = on;
    m_markedInView.clear();
    applyFilter();
    Q_EMIT filterChanged();
}

std::vector<QString> AttendanceModel::visibleIds() const
{
    std::vector<QString> ids;
    ids.reserve(m_visible.size());
    for (int i : m_visible)
        ids.push_back(m_all[size_t(i)].personId);
    return ids;
}

void AttendanceModel::rebuildVisible()
{
    m_visible.clear();
    for (int i = 0; i < int(m_all.size()); ++i)
        if (shown(m_all[size_t(i)]))
            m_visible.push_back(i);
}

void AttendanceModel::applyFilter()
{
    beginResetModel();
    rebuildVisible();
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
    if (m_onlyUnmarked)
        m_markedInView.insert(personId); // stays where the finger is: a second tap must not mark the next person
    m_otherMarks += (status == Excused || status == Absent) - (before == Excused || before == Absent);
    const int index = int(row - m_all.begin());
    const auto pos = std::find(m_visible.begin(), m_visible.end(), index);
    const int at = int(pos - m_visible.begin());
    if (pos != m_visible.end() && !shown(*row)) {
        // No longer shown (not expected to happen while the view stays the same: see m_markedInView).
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
        m_undo.push_back({UndoStep::Mark, personId, nameOf(personId), before, status, 0, 0, QDateTime::currentMSecsSinceEpoch()});
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

void AttendanceModel::setStatusFor(const QString &personId, int status)
{
    const auto row = std::find_if(m_all.begin(), m_all.end(), [&personId](const Row &r) { return r.personId == personId; });
    if (row == m_all.end() || status < NotMarked || status > Absent)
        return;
    if (row->status != Status(status))
        mark(personId, Status(status));
}

void AttendanceModel::undo()
{
    if (m_undo.empty())
        return;
    const UndoStep step = m_undo.back();
    bool done = false;
    switch (step.kind) {
    case UndoStep::Mark: {
        const auto row = std::find_if(m_all.begin(), m_all.end(), [&](const Row &r) { return r.personId == step.personId; });
        // What is on disk now, not on screen: a sync may have brought another device's mark.
        const Status now = statusOf(records::sessionMarks(StoreManager::current(), m_sessionId).value(step.personId));
        if (now != step.after) {
            // Marked again from another device since (a sync): undo would overwrite that, so it does not.
            m_undo.pop_back();
            m_undone = tr("%1: changed on another device since; not undone").arg(step.name);
            Q_EMIT countsChanged();
            return;
        }
        done = attempt([&] { write(step.personId, step.before); });
        const bool visible = row != m_all.end()
                             && std::find(m_visible.begin(), m_visible.end(), int(row - m_all.begin())) != m_visible.end();
        // Never change a row out of sight without saying so.
        m_undone = visible ? tr("%1: back to %2").arg(step.name, statusText(step.before))
                           : tr("%1 (not in the list shown): back to %2").arg(step.name, statusText(step.before));
        break;
    }
    case UndoStep::WalkIn: {
        bool removed = false;
        done = attempt([&] { removed = records::undoWalkIn(StoreManager::current(), m_sessionId, step.personId); });
        // Deleted from the register only if nothing else has come to depend on them since.
        m_undone = removed ? tr("%1: walk-in removed").arg(step.name) : tr("%1: mark removed, kept in the register (used elsewhere since)").arg(step.name);
        if (done)
            reload();
        break;
    }
    case UndoStep::Headcount:
        // What is on disk now, as for marks: a sync may have brought another device's count.
        if (int(StoreManager::current().value(QStringLiteral("sessions"), m_sessionId, QStringLiteral("headcount")).toInt()) != step.headcountAfter) {
            m_undo.pop_back();
            m_undone = tr("The unnamed headcount was changed on another device since; not undone");
            Q_EMIT countsChanged();
            return;
        }
        done = attempt([&] {
            StoreManager::current().write(QStringLiteral("sessions"), m_sessionId,
                                          {{QStringLiteral("headcount"), step.headcountBefore > 0 ? Value(qint64(step.headcountBefore)) : Value()}});
        });
        if (done) {
            m_headcount = step.headcountBefore;
            if (loading())
                reload(); // an older read must not put back the count undone
        }
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
        // Taps of − and + in a row (seconds apart, nothing else between) are one change to undo.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        UndoStep *last = m_undo.empty() ? nullptr : &m_undo.back();
        if (last && last->kind == UndoStep::Headcount && last->headcountAfter == before && now - last->atMs < 3000) {
            last->headcountAfter = n;
            last->atMs = now;
        } else {
            m_undo.push_back({UndoStep::Headcount, {}, {}, NotMarked, NotMarked, before, n, now});
        }
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
        in.birthYear = parseBirthYear(birthYear, QStringLiteral("birth_year")); // one rule with the register's forms and lists
        in.khu = khu;
        id = records::addPerson(s, in);
        records::markAttendance(s, m_sessionId, id, QStringLiteral("present"));
        tx.commit();
    });
    if (added) {
        m_undo.push_back({UndoStep::WalkIn, id, fullName.simplified(), NotMarked, Present, 0, 0, QDateTime::currentMSecsSinceEpoch()});
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
    Store &s = StoreManager::current();
    if (personId.isEmpty() || !s.exists(QStringLiteral("people"), personId) || s.value(QStringLiteral("people"), personId, QStringLiteral("deleted")).toInt() != 0)
        return false;
    // Read now, not when the list was opened: a sync may have marked them meanwhile.
    const QString already = records::sessionMarks(s, m_sessionId).value(personId);
    if (!already.isEmpty()) {
        m_undone = tr("%1 is already marked: %2").arg(nameOf(personId), statusText(statusOf(already)));
        reload();
        Q_EMIT countsChanged();
        return true;
    }
    mark(personId, Present);
    reload(); // the person joins the sheet
    return lastError().isEmpty();
}

QStringList AttendanceModel::khuChoices() const { return records::khuValues(StoreManager::current()); }

QStringList AttendanceModel::groupChoices() const { return records::groupNames(StoreManager::current()); }

} // namespace clc
