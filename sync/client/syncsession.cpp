#include "syncsession.h"
#include "clientlog.h"
#include "error.h"
#include "migrations.h"
#include "store.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSet>
#include <deque>
#include <future>
#include <map>
#include <set>
#include <optional>

namespace clc::sync {

SyncSession::SyncSession(Store &store, Transport &transport, int batchSize, int pageSize)
    : m_store(store), m_transport(transport), m_batchSize(batchSize), m_pageSize(pageSize),
      m_pulledBefore(!store.meta(MetaKey::PullCursor).isEmpty())
{
    if (store.meta(MetaKey::ServerProtocol).toInt() == OldestProtocolVersion)
        m_protocol = OldestProtocolVersion;
}

namespace {

/// A batch as it is sent: its bytes and each change's outbox place. The decoded changes are not kept
/// (at a million marks, two batches of them alive at once, the one in flight and the one read ahead,
/// took the pushing device past 150 MB).
struct Batch
{
    QByteArray body;
    std::vector<std::pair<qint64, int>> seqs; ///< (outbox seq, field) of each change, in the request's order
    size_t size() const { return seqs.size(); }
};

/// The batch numbered `number` made of the waiting changes read from the outbox (moved from).
Batch makeBatch(std::vector<Store::OutboxChange> &waiting, int protocol, const QString &replica, qint64 number)
{
    Batch b;
    PushRequest request;
    request.protocol = protocol;
    request.schema = syncSchemaVersion();
    request.replica = replica;
    request.batch = number;
    b.seqs.reserve(waiting.size());
    request.changes.reserve(waiting.size());
    for (Store::OutboxChange &o : waiting) {
        b.seqs.emplace_back(o.seq, o.field);
        request.changes.push_back(Change{o.table, std::move(o.row), o.field, std::move(o.value), std::move(o.version), std::move(o.base), false});
    }
    waiting = {};
    if (!request.changes.empty())
        b.body = encode(request);
    return b;
}

/// The next batch read ahead on another thread (docs/sync.md#pipelined-push), with what it was made for.
struct ReadAhead
{
    qint64 batch = 0;
    int limit = 0;
    int protocol = 0;
    qint64 dataVersion = 0; ///< this connection's PRAGMA data_version when the read began
    qint64 end = 0;         ///< the batch's last seq (0: nothing waits)
    Batch made;
    bool failed = false; ///< the read threw: the batch is read again the ordinary way
};

qint64 dataVersion(Database &db) { return db.scalar(QStringLiteral("PRAGMA data_version")).toInt(); }

} // namespace

void SyncSession::pushAll(SyncSummary &summary)
{
    Database &db = m_store.db();
    // The next batch, read while the server merges the one before; usable only after that one's
    // acknowledgement was stored (any other way out of a turn drops it).
    std::future<ReadAhead> ahead;
    bool aheadUsable = false;
    for (;;) {
        if (ahead.valid() && !aheadUsable)
            ahead.get(); // waited for and dropped
        aheadUsable = false;
        const qint64 batch = m_store.meta(MetaKey::LastAckedBatch).toLongLong() + 1;
        // The batch is the outbox up to a seq, frozen until acknowledged: a retry resends the same
        // changes, and edits made meanwhile queue behind it (Store::write does not coalesce into it).
        qint64 frozenTo = m_store.meta(MetaKey::OutboxFrozenTo).toLongLong();
        std::optional<ReadAhead> readAhead;
        if (frozenTo == 0) {
            if (ahead.valid())
                ahead.wait(); // before taking the write lock: the app's taps never wait for the read
            // Chosen and frozen at once: an edit between the two could change what the range holds.
            Transaction freeze(db); // BEGIN IMMEDIATE: no other connection commits until it ends
            if (ahead.valid()) {
                ReadAhead a = ahead.get();
                // Used only if nothing else wrote to the file since it was read (this connection's
                // own commits, the acknowledgement, do not count) and it was made for this batch.
                if (!a.failed && a.batch == batch && a.limit == batchLimit() && a.protocol == m_protocol && dataVersion(db) == a.dataVersion)
                    readAhead = std::move(a);
            }
            frozenTo = readAhead ? readAhead->end : m_store.outboxBatchEnd(batchLimit(), MaxBatchBytes);
            if (frozenTo == 0) {
                freeze.commit(); // nothing read changed: a rollback would make the store drop its caches
                return;
            }
            m_store.setMeta(MetaKey::OutboxFrozenTo, frozenTo);
            freeze.commit();
        }
        Batch made;
        if (readAhead) {
            ++summary.readAhead;
            made = std::move(readAhead->made);
        } else {
            std::vector<Store::OutboxChange> waiting = m_store.outboxUpTo(frozenTo);
            made = makeBatch(waiting, m_protocol, m_store.replicaId(), batch);
        }
        const auto &seqs = made.seqs;
        if (made.size() == 0) {
            m_store.setMeta(MetaKey::OutboxFrozenTo, qint64(0));
            return;
        }
        // Only when something waits after this batch: no thread, no connection for nothing.
        const bool more = readsAhead && !db.path().isEmpty() && db.path() != QLatin1String(":memory:")
            && db.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE seq > ? AND error IS NULL LIMIT 1")).bind(1, frozenTo).step();
        if (more) {
            ReadAhead next;
            next.batch = batch + 1;
            next.limit = batchLimit();
            next.protocol = m_protocol;
            next.dataVersion = dataVersion(db);
            auto read = [next = std::move(next), replica = m_store.replicaId(), path = db.path(), after = frozenTo]() mutable {
                try {
                    Store::OutboxBatch read = Store::readOutboxBatch(path, after, next.limit, MaxBatchBytes);
                    next.end = read.end;
                    next.made = makeBatch(read.changes, next.protocol, replica, next.batch);
                } catch (const std::exception &e) {
                    qCInfo(lcClient) << "reading the next batch ahead failed; it is read again:" << e.what();
                    next.failed = true;
                }
                return std::move(next);
            };
            try {
                ahead = std::async(std::launch::async, std::move(read));
            } catch (const std::exception &e) { // no thread (or memory) to be had: read the next batch after this one
                qCInfo(lcClient) << "cannot read the next batch ahead:" << e.what();
            }
        }
        PushResponse response;
        QByteArray answer;
        try {
            answer = m_transport.push(made.body);
        } catch (const BatchGap &gap) {
            // The server lost batches this device sent: it was restored from a backup (a new epoch), or
            // it wants an earlier batch than this device last had acknowledged. Either way, number from
            // where it is and send again what it lacks. A gap in the other direction is never papered over.
            const bool newEpoch = !gap.epoch.isEmpty() && gap.epoch != m_store.meta(MetaKey::BatchEpoch);
            const bool serverBehind = gap.expected >= 1 && gap.expected - 1 < batch - 1;
            if (gap.reused && gap.expected > batch) {
                // This device is behind the server's count (it was restored from an older copy of
                // itself): what waits in its outbox is new to the server, so it goes under the next number.
                qCWarning(lcClient) << "batch" << batch << "was used before; sending the changes again as batch" << gap.expected;
                Transaction tx(db);
                m_store.setMeta(MetaKey::LastAckedBatch, gap.expected - 1);
                m_store.setMeta(MetaKey::OutboxFrozenTo, qint64(0));
                tx.commit();
                continue;
            }
            if (!newEpoch && !serverBehind)
                throw;
            Transaction tx(db);
            m_store.setMeta(MetaKey::LastAckedBatch, gap.expected - 1);
            m_store.setMeta(MetaKey::OutboxFrozenTo, qint64(0));
            m_store.setMeta(MetaKey::BatchEpoch, gap.epoch);
            rejoin(gap.epoch, summary);
            tx.commit();
            continue;
        } catch (const Error &e) {
            // The server refused the request's format (a 400 naming "p": a server of release 8), storing
            // nothing: the same batch goes again in the format it reads, and so do later syncs until it
            // answers a pull in 2 (docs/sync.md#marks). An answer that is itself malformed is not this.
            // A server before release 10 refuses more than LegacyMaxChanges (a 400 naming "c", storing
            // nothing): one that said it takes more was replaced by an older release. The same changes
            // go again in smaller batches under the same number.
            if (e.field() == QLatin1String("c") && made.size() > size_t(LegacyMaxChanges)) {
                qCInfo(lcClient) << "the server takes" << LegacyMaxChanges << "changes in a batch; sending smaller batches";
                Transaction tx(db);
                m_store.setMeta(MetaKey::ServerBatchLimit, QString());
                m_store.setMeta(MetaKey::OutboxFrozenTo, qint64(0));
                tx.commit();
                continue;
            }
            if (e.field() != QLatin1String("p") || m_protocol == OldestProtocolVersion)
                throw;
            qCInfo(lcClient) << "the server reads protocol" << OldestProtocolVersion << "only; sending in it";
            m_protocol = OldestProtocolVersion;
            m_store.setMeta(MetaKey::ServerProtocol, qint64(OldestProtocolVersion));
            continue;
        }
        response = decodePushResponse(answer);
        if (response.batch != batch)
            throw Error(Error::Code::InvalidInput, QStringLiteral("the server acknowledged batch %1, not %2").arg(response.batch).arg(batch),
                        QStringLiteral("b"));
        summary.serverTime = response.serverTime;
        Transaction tx(db);
        for (const Rejection &r : response.rejected) {
            if (r.index < 0 || size_t(r.index) >= seqs.size())
                continue;
            // One refused change never blocks the others: it stays, marked, out of later batches (a
            // field of a new row's packed outbox row leaves it, so the row's other fields are acknowledged).
            m_store.refuseOutboxChange(seqs[size_t(r.index)].first, seqs[size_t(r.index)].second, r.code + QStringLiteral(": ") + r.reason);
            ++summary.rejected;
        }
        m_store.dropAcknowledged(frozenTo);
        m_store.setMeta(MetaKey::LastAckedBatch, batch);
        m_store.setMeta(MetaKey::OutboxFrozenTo, qint64(0));
        if (!response.epoch.isEmpty())
            m_store.setMeta(MetaKey::BatchEpoch, response.epoch);
        noteBatchLimit(response.maxBatch);
        const bool rejoined = noteEpoch(response.epoch, summary);
        tx.commit();
        aheadUsable = !rejoined; // a re-queue wrote to the outbox on this connection: read it again
        ++summary.pushedBatches;
        summary.pushedChanges += int(made.size());
        if (onProgress)
            onProgress(summary);
    }
}

int SyncSession::batchLimit() const
{
    const int said = m_store.meta(MetaKey::ServerBatchLimit).toInt();
    return std::min(m_batchSize, said > 0 ? std::min(said, MaxChanges) : LegacyMaxChanges);
}

void SyncSession::noteBatchLimit(int maxBatch)
{
    if (maxBatch > 0 && m_store.meta(MetaKey::ServerBatchLimit).toInt() != maxBatch)
        m_store.setMeta(MetaKey::ServerBatchLimit, qint64(maxBatch));
}

bool SyncSession::noteEpoch(const QString &epoch, SyncSummary &summary)
{
    if (epoch.isEmpty())
        return false; // a server from before epochs
    const QString known = m_store.meta(MetaKey::ServerEpoch);
    if (epoch == known)
        return false;
    if (known.isEmpty() && !m_pulledBefore) { // a new device's first sync: nothing to make up for
        m_store.setMeta(MetaKey::ServerEpoch, epoch);
        return false;
    }
    // Known and different: a restore. Unknown on a device that synced before (with a server from
    // before epochs): it cannot tell what the server lost either, so it makes up for it once.
    rejoin(epoch, summary);
    return true;
}

void SyncSession::rejoin(const QString &epoch, SyncSummary &summary)
{
    qCWarning(lcClient).noquote() << "the server was restored from a backup (epoch" << epoch << "): sending this device's changes again";
    Transaction tx(m_store.db());
    summary.requeued += m_store.requeueOwnChanges();
    m_store.setMeta(MetaKey::PullCursor, QString());
    if (!epoch.isEmpty())
        m_store.setMeta(MetaKey::ServerEpoch, epoch);
    tx.commit();
}

namespace {
/// How many distinct rows of each table (by code) a page writes, for the tables not settled yet.
std::map<int, qint64> rowsByTable(const std::vector<Change> &changes, const std::set<int> &settled)
{
    std::map<int, QSet<QString>> ids;
    int last = -1;
    bool skip = false;
    const QString *previous = nullptr;
    for (const Change &c : changes) {
        if (c.table != last) {
            last = c.table;
            skip = settled.count(c.table) > 0;
            previous = nullptr;
        }
        if (skip || (previous && *previous == c.row))
            continue; // a row's changes mostly come together: counted once
        ids[c.table].insert(c.row);
        previous = &c.row;
    }
    std::map<int, qint64> rows;
    for (const auto &[table, set] : ids)
        rows[table] = set.size();
    return rows;
}

// A bulk load applies the pages it fetched ahead in one transaction, up to this many, while the
// transaction has been open less than this (a tap in the app waits for the write lock meanwhile).
constexpr size_t BulkPagesAhead = 5;
constexpr qint64 BulkHoldMillis = 1000;
// Pages in hand are bytes (a page of 20,000 marks is about 120 KB); pages of long texts can be
// megabytes, so fetching ahead stops at this much.
constexpr qsizetype BulkBytesAhead = 8 * 1024 * 1024;

// While a bulk load's transaction is open SQLite does not check foreign keys: the store makes a
// placeholder for every row referred to that it has not seen (Store::insertRemoteRow, applyRemote), and
// rows are never deleted. SQLite's three lookups a mark were 15 % of the inserts
// (tests/bench/apply_schema.py). Store::checkReferences checks them all at the pull's end (5 %) as a
// safety net. The pragma is the connection's own: the app's connections still check. A connection
// that had them off already is left as it was.
class ReferencesCheckedByStore
{
public:
    ReferencesCheckedByStore(Database &db, bool bulkLoad)
    {
        if (bulkLoad && db.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() == 1) {
            db.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
            m_db = &db;
        }
    }
    ~ReferencesCheckedByStore()
    {
        if (!m_db)
            return;
        try {
            m_db->exec(QStringLiteral("PRAGMA foreign_keys=ON"));
            if (m_db->scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() != 1) // still inside a transaction
                qCCritical(lcClient) << "foreign keys are not checked again on this connection";
        } catch (const std::exception &e) {
            qCCritical(lcClient) << "foreign keys could not be checked again:" << e.what();
        }
    }
    ReferencesCheckedByStore(const ReferencesCheckedByStore &) = delete;
    ReferencesCheckedByStore &operator=(const ReferencesCheckedByStore &) = delete;

private:
    Database *m_db = nullptr;
};
} // namespace

void SyncSession::pullAll(SyncSummary &summary)
{
    // Its pages commit as they come (and the indexes are built at its end): inside a caller's
    // transaction they would all be one, rolled back together.
    if (m_store.db().inTransaction())
        throw Error(Error::Code::Database, QStringLiteral("a pull must not run inside a transaction"));
    bool first = true;
    bool deferring = false;
    std::set<int> settled; // tables whose indexes this pull deferred or keeps
    // Indexes dropped for a large pull are built again when it ends, however it ends, with those a
    // pull killed before left waiting (docs/sync.md#bulk-load).
    const auto rebuild = qScopeGuard([this] {
        try {
            m_store.checkReferences(); // what a bulk load wrote with foreign keys off, this pull or a killed one
        } catch (const std::exception &e) {
            qCWarning(lcClient) << "the references a pull wrote are checked at the next pull's end:" << e.what();
        }
        try {
            m_store.restoreIndexes();
        } catch (const std::exception &e) {
            qCWarning(lcClient) << "the indexes dropped for the pull are built at the next pull's end:" << e.what();
        }
    });
    // Pages fetched and not yet applied, each following the one before from the saved cursor. In a
    // bulk load the next few are fetched before the write lock is taken, then applied in one
    // transaction: each commit writes every page of the id index its rows touched, and a new
    // device's random ids touch most of them. No transaction is ever open during a fetch.
    std::deque<QByteArray> inHand;
    for (;;) {
        if (inHand.empty())
            inHand.push_back(m_transport.pull(m_store.meta(MetaKey::PullCursor), m_pageSize, ProtocolVersion));
        PullResponse page = decodePullResponse(inHand.front());
        inHand.pop_front();
        if (page.protocol > OldestProtocolVersion && m_protocol == OldestProtocolVersion) {
            m_protocol = page.protocol; // the server was upgraded: pushes go in its protocol again
            m_store.setMeta(MetaKey::ServerProtocol, QString());
        }
        summary.serverTime = page.serverTime;
        if (noteEpoch(page.epoch, summary)) {
            inHand.clear();   // they follow the cursor the restore made void
            pushAll(summary); // what the restored server lacks goes first,
            continue;         // then everything is pulled again from the beginning
        }
        if (deferring && page.more && inHand.empty()) {
            QString cursor = page.cursor;
            qsizetype bytes = 0;
            while (inHand.size() + 1 < BulkPagesAhead && bytes < BulkBytesAhead) {
                QByteArray body;
                try {
                    body = m_transport.pull(cursor, m_pageSize, ProtocolVersion);
                    const PullResponse next = decodePullHeader(body);
                    inHand.push_back(body);
                    bytes += body.size();
                    if (!next.more || next.epoch != page.epoch)
                        break;
                    cursor = next.cursor;
                } catch (const std::exception &) {
                    break; // what is in hand is applied first; the failure comes again in its turn
                }
            }
            qCDebug(lcClient) << "fetched" << inHand.size() << "pages ahead," << bytes << "bytes";
        }
        {
            // Made before the transaction and undone after it ends: the pragma does nothing inside one.
            const ReferencesCheckedByStore unchecked(m_store.db(), deferring);
            Transaction tx(m_store.db()); // the pages and the last one's cursor, together or not at all
            if (deferring)
                m_store.noteReferencesUnchecked(); // checked at the pull's end, or the next one's if it is killed
            QElapsedTimer held;
            held.start();
            for (;;) {
                // The server's time, not this device's clock, says what is too far ahead: a tablet whose date
                // fell back (a flat battery) still takes what it is sent, and what it kept aside before.
                ApplyStats s = first ? replayClockAhead(m_store, page.serverTime) : ApplyStats{};
                first = false;
                // A full page with more to come, bringing a table at least as many rows as it holds (and
                // many): a new device's first sync. That table's indexes are built once, at the end.
                if (page.more) {
                    const std::map<int, qint64> rows = rowsByTable(page.changes, settled);
                    if (m_store.deferIndexes(rows, bulkMinRows) > 0)
                        deferring = true;
                    // A table a page brought many rows of is deferred or kept for the rest of the pull
                    // (it only grows): it is not counted again.
                    for (const auto &[table, n] : rows)
                        if (n >= bulkMinRows)
                            settled.insert(table);
                }
                s += applyRemoteChanges(m_store, page.changes, page.serverTime);
                m_store.setMeta(MetaKey::PullCursor, page.cursor);
                noteBatchLimit(page.maxBatch);
                if (beforePageCommit)
                    beforePageCommit();
                summary.applied += s;
                ++summary.pulledPages;
                summary.pulledChanges += int(page.changes.size());
                if (!page.more || inHand.empty() || held.elapsed() >= BulkHoldMillis)
                    break;
                // The next page in hand joins this transaction, unless it needs what happens outside one
                // (the server restored or upgraded) or cannot be read: then what is applied commits first.
                const QString epoch = page.epoch;
                const int protocol = page.protocol;
                try {
                    page = decodePullResponse(inHand.front());
                } catch (const Error &) {
                    tx.commit();
                    throw;
                }
                if (page.epoch != epoch || page.protocol != protocol) {
                    page = {};
                    break; // decoded again at the top of the loop
                }
                inHand.pop_front();
            }
            tx.commit();
        } // foreign keys are checked again before anything else runs
        if (onProgress)
            onProgress(summary);
        if (!page.more && inHand.empty())
            return;
    }
}

void SyncSession::useToken(Store &store, const QString &token)
{
    const QString tokenHash = QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
    if (store.meta(MetaKey::BatchToken) == tokenHash)
        return;
    Transaction tx(store.db());
    store.setMeta(MetaKey::BatchToken, tokenHash);
    store.setMeta(MetaKey::LastAckedBatch, qint64(0));
    store.setMeta(MetaKey::OutboxFrozenTo, qint64(0));
    store.setMeta(MetaKey::BatchEpoch, QString());
    // Another enrolment may be with another server: what this one was told of the last is forgotten.
    store.setMeta(MetaKey::ServerBatchLimit, QString());
    store.setMeta(MetaKey::ServerProtocol, QString());
    tx.commit();
}

SyncSummary SyncSession::run()
{
    SyncSummary summary;
    pushAll(summary);
    pullAll(summary);
    qCInfo(lcClient) << "synced: pushed" << summary.pushedChanges << "changes in" << summary.pushedBatches << "batches," << summary.rejected
                     << "refused; pulled" << summary.pulledChanges << "changes in" << summary.pulledPages << "pages," << summary.applied.conflicts
                     << "conflicts kept";
    return summary;
}

} // namespace clc::sync
