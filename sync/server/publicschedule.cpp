#include "publicschedule.h"
#include "error.h"
#include "merge.h"
#include "records.h"
#include "reports.h"
#include "schedule.h"
#include "schema.h"
#include "store.h"

#include <QDate>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

namespace clc::sync {

PublicSchedule::PublicSchedule(ServerStore &store) : m_store(store)
{
    (void)m_vietnamese.load(QStringLiteral(":/i18n/clc_vi.qm")); // built into core; without it the words stay English
}

QByteArray PublicSchedule::ics(const QString &centre)
{
    // The tables a viewer's phone receives that make the schedule: nothing about people.
    std::vector<int> tables;
    for (const char *name : {"centres", "plans", "activities", "sessions"})
        tables.push_back(table(QString::fromLatin1(name))->code);
    // Fresh while nothing of those tables arrived since it was made (marks and learners do not count).
    auto cached = m_cache.constFind(centre);
    if (cached != m_cache.constEnd() && m_store.pull(centre, cached->seq, 1, tables, -1, QString()).changes.empty())
        return cached->ics;

    QTemporaryDir dir; // a store of its own, thrown away: the server's data is never touched
    if (!dir.isValid())
        throw Error(Error::Code::Database, QStringLiteral("no temporary folder for the schedule"), QStringLiteral("schedule"));
    Store view(dir.filePath(QStringLiteral("schedule.db")));
    view.initMember(centre);
    qint64 after = 0;
    for (;;) { // `after` ends as the newest schedule change: the cache's mark
        const ServerStore::Page page = m_store.pull(centre, after, 5000, tables, -1, QString());
        if (page.changes.empty())
            break;
        std::vector<Change> changes;
        changes.reserve(page.changes.size());
        for (const StoredChange &c : page.changes) {
            changes.push_back(c.change);
            after = c.seq;
        }
        applyRemoteChanges(view, changes);
    }
    // The plan's school year, and always the months around today (a plan for next year imported in
    // June must not hide this summer's sessions; an oddly named year must not stop the calendar).
    const QDate today = QDate::currentDate();
    QString from = today.addMonths(-3).toString(QStringLiteral("yyyy-MM")), to = today.addMonths(12).toString(QStringLiteral("yyyy-MM"));
    try {
        const QStringList months = reports::monthsOfSchoolYear(records::currentSchoolYear(view));
        if (!months.isEmpty()) {
            from = std::min(from, months.first());
            to = std::max(to, months.last());
        }
    } catch (const Error &) {
    }
    Cached fresh{after, schedule::ics(view, from, to, schedule::Publish::Public, &m_vietnamese)};
    m_cache.insert(centre, fresh);
    return fresh.ics;
}

QStringList PublicSchedule::published(const QString &listFile)
{
    QFile f(listFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out << QString::fromLatin1(line.trimmed());
    return out;
}

void PublicSchedule::setPublished(const QString &listFile, const QString &centre, bool on)
{
    QStringList list = published(listFile);
    list.removeAll(centre);
    if (on)
        list << centre;
    QSaveFile f(listFile);
    if (!f.open(QIODevice::WriteOnly) || f.write((list.join(QLatin1Char('\n')) + QLatin1Char('\n')).toLatin1()) < 0 || !f.commit())
        throw Error(Error::Code::InvalidInput, QStringLiteral("cannot write %1: %2").arg(listFile, f.errorString()), QStringLiteral("--data"));
}

} // namespace clc::sync
