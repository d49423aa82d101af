#include "agendamodel.h"
#include "dayclock.h"
#include "error.h"
#include "scheduleimage.h"
#include "store.h"
#include "storemanager.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QSaveFile>
#include <QStandardPaths>

namespace clc {

namespace {
struct Agenda
{
    std::vector<schedule::Entry> rows;
    QStringList undated;
    std::optional<schedule::Entry> upcoming;
};

/// The first session not yet over from now, cancelled ones skipped, within a year.
std::optional<schedule::Entry> firstUpcoming(Store &s, const QDateTime &now)
{
    const QString nowText = now.toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
    for (const schedule::Entry &e : schedule::entries(s, now.toString(QStringLiteral("yyyy-MM")), now.addMonths(12).toString(QStringLiteral("yyyy-MM"))))
        if (!e.cancelled && (e.endsAt.isEmpty() ? e.startsAt : e.endsAt) >= nowText)
            return e;
    return std::nullopt;
}
} // namespace

AgendaModel::AgendaModel(QObject *parent) : AsyncListModel(parent)
{
    // A tablet left on overnight: the new day's "Today" and next session, without a restart.
    connect(&DayClock::instance(), &DayClock::dayChanged, this, [this] {
        if (!m_now.isValid())
            reload();
    });
}

int AgendaModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant AgendaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const size_t i = size_t(index.row());
    const schedule::Entry &e = m_rows[i];
    switch (role) {
    case SessionIdRole:
        return e.sessionId;
    case ActivityIdRole:
        return e.activityId;
    case DayRole:
        return e.startsAt.left(10);
    case DayLabelRole:
        return m_dayLabels[i];
    case TimeRole:
        return schedule::timeText(e);
    case TitleRole:
    case Qt::DisplayRole:
        return e.title;
    case GroupsRole:
        return e.groupText;
    case PlaceRole:
        return e.place;
    case CancelledRole:
        return e.cancelled;
    case TodayRole:
        return e.day() == m_today;
    case NextRole:
        return int(i) == m_next;
    case PastRole:
        return e.day() < m_today;
    default:
        return {};
    }
}

QHash<int, QByteArray> AgendaModel::roleNames() const
{
    return {{SessionIdRole, "sessionId"}, {ActivityIdRole, "activityId"}, {DayRole, "day"},     {DayLabelRole, "dayLabel"},
            {TimeRole, "time"},           {TitleRole, "title"},           {GroupsRole, "groups"}, {PlaceRole, "place"},
            {CancelledRole, "cancelled"}, {TodayRole, "today"},           {NextRole, "next"},     {PastRole, "past"}};
}

void AgendaModel::setMonth(const QString &month)
{
    if (month == m_month)
        return;
    m_month = month;
    // Another month's sessions never show under this one's title.
    beginResetModel();
    m_rows.clear();
    m_dayLabels.clear();
    m_undated.clear();
    m_next = -1;
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT monthChanged();
    reload();
}

void AgendaModel::reload()
{
    const QString month = m_month;
    if (month.isEmpty())
        return;
    const QDateTime now = m_now.isValid() ? m_now : DayClock::instance().now();
    fetch<Agenda>(
        [month, now](Store &s) {
            Agenda a;
            a.rows = schedule::entries(s, month, month);
            a.undated = schedule::undatedTitles(s, month);
            a.upcoming = firstUpcoming(s, now);
            return a;
        },
        [this](Agenda &a) {
            beginResetModel();
            m_rows = std::move(a.rows);
            m_undated = a.undated;
            m_upcoming = a.upcoming;
            computeMarks();
            endResetModel();
            Q_EMIT countChanged();
        });
}

void AgendaModel::computeMarks()
{
    // "Today" for the day labels and for every row's flags alike, decided once per read.
    m_today = (m_now.isValid() ? m_now : DayClock::instance().now()).date();
    m_next = -1;
    m_dayLabels.clear();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const schedule::Entry &e = m_rows[i];
        // The next session from now, in whatever month (one under way counts, cancelled ones
        // skipped): marked only when it is in this month.
        if (m_upcoming && e.sessionId == m_upcoming->sessionId)
            m_next = int(i);
        QString label = schedule::dayText(e.day());
        if (e.day() == m_today)
            label += QStringLiteral(" · ") + tr("Today");
        m_dayLabels.push_back(label);
    }
}

QString AgendaModel::nextElsewhere() const
{
    if (!m_upcoming || m_next >= 0)
        return {};
    return tr("Next session: %1, %2 · %3").arg(schedule::dayText(m_upcoming->day()), schedule::timeText(*m_upcoming), m_upcoming->title);
}

void AgendaModel::retranslate()
{
    computeMarks(); // the day names and "Today" in the new language
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, 0));
}

QString AgendaModel::shareFolder() const
{
    if (!m_shareFolder.isEmpty())
        return m_shareFolder;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return dir.isEmpty() ? QDir::homePath() : dir;
}

QString AgendaModel::copyText()
{
    try {
        const QString text = schedule::text(StoreManager::current(), m_month);
        if (QClipboard *clipboard = QGuiApplication::clipboard())
            clipboard->setText(text);
        return tr("The month's schedule is copied: paste it into a Zalo group or a message.");
    } catch (const Error &e) {
        return e.describe();
    }
}

QString AgendaModel::savePicture()
{
    try {
        QDir().mkpath(shareFolder());
        const QString path = QDir(shareFolder()).filePath(QStringLiteral("lich-%1.png").arg(m_month));
        const QImage img = schedule::image(StoreManager::current(), m_month);
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || !img.save(&f, "PNG") || !f.commit())
            return tr("The picture could not be saved: %1").arg(f.errorString());
        return tr("Picture saved: %1").arg(QDir::toNativeSeparators(path));
    } catch (const Error &e) {
        return e.describe();
    }
}

QString AgendaModel::saveCalendar()
{
    try {
        QDir().mkpath(shareFolder());
        const QString path = QDir(shareFolder()).filePath(QStringLiteral("lich-%1.ics").arg(m_month));
        const QByteArray ics = schedule::ics(StoreManager::current(), m_month, m_month);
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(ics) != ics.size() || !f.commit())
            return tr("The calendar file could not be saved: %1").arg(f.errorString());
        return tr("Calendar file saved (open it to add the sessions to a phone's calendar): %1").arg(QDir::toNativeSeparators(path));
    } catch (const Error &e) {
        return e.describe();
    }
}

} // namespace clc
