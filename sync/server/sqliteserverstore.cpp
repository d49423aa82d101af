#include "database.h"
#include "error.h"
#include "keyfilter.h"
#include "rowrecord.h"
#include "schema.h"
#include "serverlog.h"
#include "serverstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QScopeGuard>
#include <QUuid>
#include <algorithm>
#include <utility>

namespace clc::sync {

namespace {

// Records name their centre, and the stream's index its sole writer, by a number from `names`
// (docs/sync.md#numbers): the two indexes' entries are half as long as with the
// 36-character ids, and a push writes that much less (#numbers). INTEGER PRIMARY KEY: a backup
// (VACUUM INTO) keeps the numbers.
const char *const Schema = R"SQL(
CREATE TABLE IF NOT EXISTS names (no INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, centre INTEGER NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL,
  writes BLOB NOT NULL, sole TEXT, UNIQUE (centre, tbl, row_id));
CREATE TABLE IF NOT EXISTS device_batches (device TEXT PRIMARY KEY, batch INTEGER NOT NULL, response BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, centre TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
  code_hash TEXT UNIQUE, code_expires INTEGER, token_hash TEXT UNIQUE, enrolled_at INTEGER, revoked_at INTEGER);
CREATE TABLE IF NOT EXISTS quarantine (id INTEGER PRIMARY KEY, centre TEXT, tbl INTEGER, row_id TEXT, field INTEGER,
  value, hlc INTEGER, replica TEXT, device TEXT, role TEXT, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";

const char *const ConflictOwners = R"SQL(
CREATE TABLE IF NOT EXISTS conflict_owners (id INTEGER PRIMARY KEY, centre TEXT NOT NULL, row_id TEXT NOT NULL,
  device TEXT NOT NULL, UNIQUE (centre, row_id));
CREATE INDEX IF NOT EXISTS conflict_owners_by_device ON conflict_owners (device, id);
)SQL";

/// The number of a centre's or a device's id, made when first needed (only inside a transaction).
qint64 nameNumber(Database &db, const QString &name)
{
    if (name.isNull())
        throw Error(Error::Code::Database, QStringLiteral("a record names no centre or writer"));
    db.prepare(QStringLiteral("INSERT OR IGNORE INTO names (name) VALUES (?)")).bind(1, name).exec();
    auto st = db.prepare(QStringLiteral("SELECT no FROM names WHERE name = ?"));
    if (!st.bind(1, name).step())
        throw Error(Error::Code::Database, QStringLiteral("no number was made for %1").arg(name));
    return st.integer(0);
}

/// A data directory from a release that kept one row per field, keyed by (table, row id) alone
/// (up to commit adbc361, tests/fixtures/release-7): its changes become row records with the same
/// seqs (so devices' cursors stay valid), its conflict owners learn their centre. One transaction.
void migrateFieldRows(Database &db)
{
    Transaction tx(db);
    auto write = [&db](const std::optional<RowRecord> &r) {
        if (r)
            db.prepare(QStringLiteral("INSERT INTO records (centre, tbl, row_id, seq, writes) VALUES (?, ?, ?, ?, ?)"))
                .bind(1, nameNumber(db, r->key.centre)).bind(2, qint64(r->key.table)).bind(3, r->key.row).bind(4, r->seq).bindBlob(5, encodeWrites(r->writes)).exec();
    };
    {
        RecordAssembler records;
        auto st = db.prepare(QStringLiteral("SELECT centre, tbl, row_id, field, value, hlc, replica, base_hlc, base_replica, device, role, "
                                            "newer, seq FROM changes ORDER BY centre, tbl, row_id, seq"));
        while (st.step()) {
            StoredChange s{Change{int(st.integer(1)), st.text(2), int(st.integer(3)), st.value(4), Version{st.integer(5), st.text(6)},
                                  std::nullopt, false, {}},
                           st.text(0), st.text(9), st.text(10), st.integer(12), int(st.integer(11))};
            if (!st.isNull(7))
                s.change.base = Version{st.integer(7), st.text(8)};
            write(records.add(s));
        }
        write(records.finish());
    }
    // A conflict record's owner is a device of the record's centre (files from before owners were
    // kept have none to carry over).
    if (db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'conflict_owners'")).toInt() > 0) {
        db.exec(QStringLiteral("DROP INDEX IF EXISTS conflict_owners_by_device; ALTER TABLE conflict_owners RENAME TO conflict_owners_old;"));
        db.exec(QString::fromLatin1(ConflictOwners));
        db.prepare(QStringLiteral("INSERT INTO conflict_owners (id, centre, row_id, device) "
                                  "SELECT o.id, coalesce((SELECT centre FROM devices d WHERE d.id = o.device), "
                                  "(SELECT centre FROM rows r WHERE r.tbl = ? AND r.row_id = o.row_id), ''), o.row_id, o.device "
                                  "FROM conflict_owners_old o"))
            .bind(1, qint64(table(QStringLiteral("conflicts"))->code)).exec();
        db.exec(QStringLiteral("DROP TABLE conflict_owners_old;"));
    }
    db.exec(QStringLiteral("DROP TABLE changes; DROP TABLE rows;"));
    tx.commit();
    qCInfo(lcServerStore).noquote() << "the server store now keeps one record per row:" << db.path();
}

/// A data directory from a release that named centres and sole writers by their ids in the records
/// (up to session 16, tests/fixtures/release-11), or that also kept the records in key order (a
/// table clustered on (centre, table, row id), up to commit 30d76d2, tests/fixtures/release-9): the
/// same rows, in arrival order (the table keyed by seq, the key a unique index, so that a push
/// appends at the table's end: docs/sync.md#server-store), centres and sole writers by number. Seqs
/// and writes are copied as they are: devices' cursors stay valid. One transaction.
void migrateRecords(Database &db)
{
    // Said before it starts: a large file takes a while (and room for a second copy of the table
    // until it ends: docs/operations.md#upgrading).
    qCInfo(lcServerStore).noquote() << "rebuilding" << db.scalar(QStringLiteral("SELECT count(*) FROM records")).toInt()
                                    << "records with centres and writers by number (one transaction):" << db.path();
    Transaction tx(db);
    db.exec(QStringLiteral("DROP INDEX IF EXISTS records_by_seq_sole; DROP INDEX IF EXISTS records_by_seq; "
                           "ALTER TABLE records RENAME TO records_old;"));
    db.exec(QString::fromLatin1(Schema));
    // A sole writer was "device:seq"; it becomes "number:seq" (device ids hold no colon).
    db.exec(QStringLiteral("INSERT OR IGNORE INTO names (name) SELECT DISTINCT centre FROM records_old; "
                           "INSERT OR IGNORE INTO names (name) SELECT DISTINCT substr(sole, 1, instr(sole, ':') - 1) FROM records_old "
                           "WHERE instr(sole, ':') > 1; "
                           "INSERT INTO records (seq, centre, tbl, row_id, writes, sole) "
                           "SELECT r.seq, c.no, r.tbl, r.row_id, r.writes, "
                           "CASE WHEN instr(r.sole, ':') > 1 THEN (SELECT d.no FROM names d WHERE d.name = substr(r.sole, 1, instr(r.sole, ':') - 1)) "
                           "|| substr(r.sole, instr(r.sole, ':')) END "
                           "FROM records_old r JOIN names c ON c.name = r.centre ORDER BY r.seq; DROP TABLE records_old;"));
    tx.commit();
    qCInfo(lcServerStore).noquote() << "the server store now keeps its records in arrival order, centres and writers by number:" << db.path();
}

class SqliteServerStore : public ServerStore
{
public:
    // One process owns a SQLite server store, so it hands out seqs itself (gaps after a rollback are harmless).
    explicit SqliteServerStore(const QString &path) : m_db(path), m_buffer([this](const RecordKey &k) { return load(k); })
    {
        const bool fieldRows = m_db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'changes'")).toInt() > 0;
        m_db.exec(QString::fromLatin1(Schema));
        if (fieldRows) {
            if (m_db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('changes') WHERE name = 'newer'")).toInt() == 0)
                m_db.exec(QStringLiteral("ALTER TABLE changes ADD COLUMN newer INTEGER NOT NULL DEFAULT 0"));
            migrateFieldRows(m_db);
        }
        m_db.exec(QString::fromLatin1(ConflictOwners));
        // Added later: a data directory from an earlier release gains the column (its rows stay empty).
        if (m_db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('device_batches') WHERE name = 'request_hash'")).toInt() == 0)
            m_db.exec(QStringLiteral("ALTER TABLE device_batches ADD COLUMN request_hash TEXT"));
        // The stream's index holds each record's sole writer with the seq it was written at ("device:seq",
        // the device by its number since session 17),
        // so a pull passes over a device's own rows in the index alone (soleWriter). It counts only
        // while the record keeps that seq: a release before it rewrites a record without touching it,
        // and the record is read again. Records stored before keep none and are read as before.
        if (m_db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('records') WHERE name = 'sole'")).toInt() == 0)
            m_db.exec(QStringLiteral("ALTER TABLE records ADD COLUMN sole TEXT"));
        if (m_db.scalar(QStringLiteral("SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = 'records'")).toInt() == 1
            || m_db.scalar(QStringLiteral("SELECT type FROM pragma_table_info('records') WHERE name = 'centre'")).toText() != QLatin1String("INTEGER"))
            migrateRecords(m_db);
        // A release from before the numbers, run on this file after it was rebuilt (a rollback, or an
        // old server still running while a new admin command opened the file), writes its centres
        // as text: records no pull of this release would find. Refused, not served half-blind.
        if (const qint64 stray = m_db.scalar(QStringLiteral("SELECT count(*) FROM records WHERE typeof(centre) <> 'integer'")).toInt())
            throw Error(Error::Code::Database,
                        QStringLiteral("%1 records were written by an earlier release after this file was upgraded (its centres as text); "
                                       "restore the backup made before the upgrade, or run the release that wrote them "
                                       "(docs/operations.md#upgrading)")
                            .arg(stray));
        m_db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS records_by_seq_sole ON records (centre, seq, sole); DROP INDEX IF EXISTS records_by_seq;"));
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO server_meta (key, value) VALUES ('epoch', ?)"))
            .bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces)).exec();
        // An acknowledged push must survive a power cut: every commit reaches the disk (docs/operations.md).
        m_db.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        // Sequence numbers are handed out from blocks reserved in a file beside the database, written
        // to disk before the first number of a block is used: a number is never handed out twice,
        // even if the database lost its last commits. What the file reserved above what the database
        // holds may have been seen by devices: a cursor there means history was lost (lostHistory).
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO server_meta (key, value) VALUES ('cursor_key', ?)"))
            .bind(1, QString::fromLatin1(QUuid::createUuid().toRfc4122().toHex() + QUuid::createUuid().toRfc4122().toHex())).exec();
        m_cursorKey = m_db.scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'cursor_key'")).toText().toLatin1();
        m_seqFile = path + QStringLiteral(".seq");
        m_topAtOpen = m_db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM records")).toInt();
        QFile reservation(m_seqFile);
        if (reservation.open(QIODevice::ReadOnly))
            m_reservedAtOpen = reservation.readAll().trimmed().toLongLong();
        m_nextSeq = std::max(m_topAtOpen, m_reservedAtOpen) + 1;
        m_reservedTo = m_nextSeq - 1;
    }

    void transaction(const QString &, const std::function<void()> &fn) override
    {
        Transaction tx(m_db); // one writer at a time for the whole file
        auto forget = [this] {
            m_buffer.clear(); // what it read may change before the next transaction
            m_damaged.clear();
            m_keysChecked = false;
        };
        try {
            checkKeys();
            fn();
            flush();
        } catch (...) {
            forget();
            m_numbers.clear(); // numbers it made are gone with it
            throw;
        }
        forget();
        try {
            tx.commit();
        } catch (...) {
            m_numbers.clear();
            throw;
        }
    }

    std::optional<LastBatch> lastBatch(const QString &device) override
    {
        auto st = m_db.prepare(QStringLiteral("SELECT batch, response, coalesce(request_hash, '') FROM device_batches WHERE device = ?"));
        st.bind(1, device);
        if (!st.step())
            return std::nullopt;
        return LastBatch{st.integer(0), st.text(1).toUtf8(), st.text(2).toLatin1()};
    }

    void setLastBatch(const QString &device, const LastBatch &b) override
    {
        m_db.prepare(QStringLiteral("INSERT INTO device_batches (device, batch, response, request_hash) VALUES (?, ?, ?, ?) "
                                    "ON CONFLICT (device) DO UPDATE SET batch = excluded.batch, response = excluded.response, "
                                    "request_hash = excluded.request_hash"))
            .bind(1, device).bind(2, b.number).bind(3, QString::fromUtf8(b.response)).bind(4, QString::fromLatin1(b.requestHash)).exec();
    }

    std::optional<StoredChange> latest(const QString &centre, int table, const QString &row, int field) override
    {
        return m_buffer.latest(RecordKey{centre, table, row}, field);
    }

    void put(const StoredChange &s) override
    {
        if (!m_db.inTransaction())
            return transaction(s.centre, [&] { put(s); });
        m_buffer.put(s);
    }

    bool rowExists(const QString &centre, int table, const QString &row) override { return m_buffer.exists(RecordKey{centre, table, row}); }
    /// Each row is read when first asked about (most are new: the key filter answers without a
    /// lookup); here the buffer only makes room for them, so it seldom grows during the merge.
    void prefetch(const QString &, const std::vector<std::pair<int, QString>> &rows) override { m_buffer.reserve(rows.size()); }
    void confirmAbsent(const QString &centre, int table, const QString &row) override
    {
        // Without the filter, or for a damaged record (stored, read as nothing), rowExists looked it up.
        const RecordKey key{centre, table, row};
        if (!m_keysChecked || m_damaged.contains(key))
            return;
        if (storedRecord(key).step())
            keysWereWrong(key);
    }
    qint64 rowBytes(const QString &centre, int table, const QString &row) override { return m_buffer.bytes(RecordKey{centre, table, row}); }

    Page pull(const QString &centre, qint64 afterSeq, int limit, const std::vector<int> &tables, int newerTablesAbove,
              const QString &excludeDevice) override
    {
        QStringList codes;
        for (int t : tables)
            codes << QString::number(t);
        const PullFilter filter{tables, newerTablesAbove, excludeDevice};
        PageBuilder page(filter, limit);
        Transaction snapshot(m_db);
        auto st = m_db.prepare(QStringLiteral("SELECT tbl, row_id, seq, writes FROM records WHERE centre = ?1 AND seq > ?2 "
                                              "AND (sole IS NULL OR sole <> ?4 || ':' || seq) AND (tbl IN (%1) OR (?3 >= 0 AND tbl > ?3)) ORDER BY seq")
                                   .arg(codes.isEmpty() ? QStringLiteral("-1") : codes.join(QLatin1Char(','))));
        // A device with no number is the sole writer of nothing: no sole writer matches the empty text.
        const qint64 excluded = excludeDevice.isNull() ? 0 : numberOf(excludeDevice);
        st.bind(1, numberOf(centre)).bind(2, afterSeq).bind(3, qint64(newerTablesAbove)).bind(4, excluded > 0 ? QString::number(excluded) : QString(QLatin1String("")));
        while (st.step()) {
            const auto r = decodeRecord(RecordKey{centre, int(st.integer(0)), st.text(1)}, st.integer(2), st.blob(3));
            if (r && !page.add(*r))
                break;
        }
        auto top = m_db.prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM records WHERE centre = ?"));
        top.bind(1, numberOf(centre));
        top.step();
        page.page().topSeq = top.integer(0);
        return std::move(page.page());
    }

    void quarantine(const StoredChange &s, const QString &reason) override
    {
        const Change &c = s.change;
        m_db.prepare(QStringLiteral("INSERT INTO quarantine (centre, tbl, row_id, field, value, hlc, replica, device, role, reason) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            .bind(1, s.centre).bind(2, qint64(c.table)).bind(3, c.row).bind(4, qint64(c.field)).bind(5, c.value)
            .bind(6, c.version.hlc).bind(7, c.version.replica).bind(8, s.device).bind(9, s.role).bind(10, reason)
            .exec();
    }

    qint64 quarantined() override { return m_db.scalar(QStringLiteral("SELECT count(*) FROM quarantine")).toInt(); }

    void trimQuarantine(const QString &device, qint64 keep) override
    {
        m_db.prepare(QStringLiteral("DELETE FROM quarantine WHERE device = ?1 AND id < "
                                    "(SELECT id FROM quarantine WHERE device = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)"))
            .bind(1, device).bind(2, keep - 1).exec();
    }

    void noteConflict(const QString &centre, const QString &device, const QString &row) override
    {
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO conflict_owners (centre, row_id, device) VALUES (?, ?, ?)"))
            .bind(1, centre).bind(2, row).bind(3, device).exec();
    }

    qint64 trimConflicts(const QString &centre, const QString &device, qint64 keep, int conflictsTable, int resolvedField) override
    {
        flush();
        // Whether each record is resolved is read from the store, never taken from the key filter: a
        // record it missed would read as unresolved and stay (the lost value kept aside instead).
        const bool keysChecked = std::exchange(m_keysChecked, false);
        const auto trust = qScopeGuard([&] { m_keysChecked = keysChecked; });
        QStringList owned;
        {
            auto st = m_db.prepare(QStringLiteral("SELECT row_id FROM conflict_owners WHERE device = ? AND centre = ? ORDER BY id"));
            st.bind(1, device).bind(2, centre);
            while (st.step())
                owned << st.text(0);
        }
        const QStringList drop = conflictsToDrop(owned, keep, [&](const QString &row) {
            const auto resolved = m_buffer.latest(RecordKey{centre, conflictsTable, row}, resolvedField);
            return resolved && resolved->change.value == Value(1);
        });
        m_buffer.clear();
        for (const QString &row : drop) {
            m_db.prepare(QStringLiteral("DELETE FROM records WHERE centre = ? AND tbl = ? AND row_id = ?"))
                .bind(1, numberOf(centre)).bind(2, qint64(conflictsTable)).bind(3, row).exec();
            m_db.prepare(QStringLiteral("DELETE FROM conflict_owners WHERE centre = ? AND row_id = ?")).bind(1, centre).bind(2, row).exec();
        }
        return owned.size() - drop.size();
    }

    void addDevice(const DeviceRecord &d, const QByteArray &codeHash, qint64 expiresMs) override
    {
        m_db.prepare(QStringLiteral("INSERT INTO devices (id, centre, role, name, code_hash, code_expires) VALUES (?, ?, ?, ?, ?, ?)"))
            .bind(1, d.id).bind(2, d.centre).bind(3, d.role).bind(4, d.name).bind(5, QString::fromLatin1(codeHash.toHex()))
            .bind(6, expiresMs).exec();
    }

    std::optional<DeviceRecord> redeemCode(const QByteArray &codeHash, const QByteArray &tokenHash, qint64 nowMs) override
    {
        Transaction tx(m_db);
        // The code is cleared in the same statement that sets the token: it works once.
        m_db.prepare(QStringLiteral("UPDATE devices SET token_hash = ?, code_hash = NULL, enrolled_at = ? "
                                    "WHERE code_hash = ? AND code_expires > ? AND revoked_at IS NULL"))
            .bind(1, QString::fromLatin1(tokenHash.toHex())).bind(2, nowMs).bind(3, QString::fromLatin1(codeHash.toHex())).bind(4, nowMs)
            .exec();
        if (m_db.changes() != 1)
            return std::nullopt;
        auto d = deviceByToken(tokenHash);
        tx.commit();
        return d;
    }

    QString epoch() override
    {
        // Read on every answer (one key lookup): never an epoch older than the data.
        return m_db.scalar(QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'")).toText();
    }

    QString renewEpoch() override
    {
        const QString e = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_db.prepare(QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('epoch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"))
            .bind(1, e).exec();
        m_reservedAtOpen = m_topAtOpen; // whatever was lost, the new epoch makes devices send it again
        return e;
    }

    std::optional<QString> codeCentre(const QByteArray &codeHash, qint64 nowMs) override
    {
        auto st = m_db.prepare(QStringLiteral("SELECT centre FROM devices WHERE code_hash = ? AND code_expires > ? AND revoked_at IS NULL"));
        st.bind(1, QString::fromLatin1(codeHash.toHex())).bind(2, nowMs);
        if (!st.step())
            return std::nullopt;
        return st.text(0);
    }

    std::optional<DeviceRecord> deviceByToken(const QByteArray &tokenHash) override
    {
        auto st = m_db.prepare(QStringLiteral("SELECT id, centre, role, name FROM devices WHERE token_hash = ? AND revoked_at IS NULL"));
        st.bind(1, QString::fromLatin1(tokenHash.toHex()));
        if (!st.step())
            return std::nullopt;
        return DeviceRecord{st.text(0), st.text(1), st.text(2), st.text(3), true, false};
    }

    bool revokeDevice(const QString &id) override
    {
        m_db.prepare(QStringLiteral("UPDATE devices SET revoked_at = strftime('%s','now') * 1000, code_hash = NULL WHERE id = ?")).bind(1, id).exec();
        return m_db.changes() == 1;
    }

    std::vector<DeviceRecord> devices() override
    {
        std::vector<DeviceRecord> out;
        auto st = m_db.prepare(QStringLiteral("SELECT id, centre, role, name, token_hash IS NOT NULL, revoked_at IS NOT NULL FROM devices ORDER BY name, id"));
        while (st.step())
            out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0, st.integer(5) != 0});
        return out;
    }

    QByteArray cursorKey() override { return m_cursorKey; }

    bool lostHistory(qint64 seenSeq) override { return seenSeq > m_topAtOpen && seenSeq <= m_reservedAtOpen; }

private:
    /// The stored record's seq and writes, looked up by its key (step() tells whether it is there).
    Statement storedRecord(const RecordKey &k)
    {
        auto st = m_db.prepare(QStringLiteral("SELECT seq, writes FROM records WHERE centre = ? AND tbl = ? AND row_id = ?"));
        st.bind(1, numberOf(k.centre)).bind(2, qint64(k.table)).bind(3, k.row);
        return st;
    }

    std::optional<RowRecord> load(const RecordKey &k)
    {
        if (m_keysChecked && !m_keys.mayContain(k))
            return std::nullopt; // not stored, for sure: no lookup
        auto st = storedRecord(k);
        if (!st.step())
            return std::nullopt;
        // A damaged record reads as a row to write again from what devices send (over it: see flush).
        auto record = decodeRecord(k, st.integer(0), st.blob(1));
        if (!record)
            m_damaged.insert(k);
        return record;
    }

    /// A row the key filter called new is stored: the filter missed a write. Nothing of the batch is
    /// kept (the caller rolls back, the device sends it again) and the filter is built anew.
    [[noreturn]] void keysWereWrong(const RecordKey &k)
    {
        m_keysBuilt = false;
        throw Error(Error::Code::Database, QStringLiteral("the row %1 (table %2) is stored though the key filter said it was not: "
                                                          "the filter is built again; nothing of this batch was kept")
                                               .arg(k.row).arg(k.table));
    }

public:
    void clearKeysForTesting() { m_keys.reset(m_keys.count()); }

private:
    /// The key filter may answer for this transaction if this connection wrote every record since it
    /// was built: `PRAGMA data_version` changes when another connection commits. Built again (inside
    /// the transaction, so nothing is written meanwhile) when it may be stale or is overfull.
    void checkKeys()
    {
        const qint64 version = m_db.scalar(QStringLiteral("PRAGMA data_version")).toInt();
        if (!m_keysBuilt || version != m_keysVersion || m_keys.overfull()) {
            const char *why = !m_keysBuilt ? "first use, or it missed a write" : version != m_keysVersion ? "another connection wrote" : "it was full";
            QElapsedTimer t;
            t.start();
            const qint64 n = m_db.scalar(QStringLiteral("SELECT count(*) FROM records")).toInt();
            // Room to grow fourfold before it is built again (8 MiB at 1,000,000 records). Not used
            // until it holds every key: a scan that fails leaves it to be built again.
            m_keysBuilt = false;
            m_keys.reset(std::max<qint64>(4 * n, 262144));
            auto st = m_db.prepare(QStringLiteral("SELECT n.name, r.tbl, r.row_id FROM records r JOIN names n ON n.no = r.centre"));
            while (st.step())
                m_keys.add(RecordKey{st.text(0), int(st.integer(1)), st.text(2)});
            if (m_keys.count() != n) { // a record whose centre has no name: the filter would miss it
                qCCritical(lcServerStore).noquote() << "key filter not used:" << n - m_keys.count() << "records name a centre with no number";
                m_keysChecked = false;
                return;
            }
            if (n > 0)
                qCInfo(lcServerStore).noquote() << "key filter built (" << why << "):" << m_keys.count() << "records," << m_keys.bytes() / 1024
                                                << "KiB, in" << t.elapsed() << "ms";
            m_keysBuilt = true;
        }
        m_keysVersion = version;
        m_keysChecked = true;
    }

    /// Writes the records changed in this transaction, each with a new seq at the end of its centre's stream.
    void flush()
    {
        if (!m_buffer.hasChanges())
            return;
        // Prepared once for the whole batch (each was looked up by its text for every record).
        auto insertNew = m_db.prepare(QStringLiteral("INSERT INTO records (centre, tbl, row_id, seq, writes, sole) VALUES (?, ?, ?, ?, ?, ?) "
                                                     "ON CONFLICT (centre, tbl, row_id) DO NOTHING"));
        auto upsert = m_db.prepare(QStringLiteral("INSERT INTO records (centre, tbl, row_id, seq, writes, sole) VALUES (?, ?, ?, ?, ?, ?) "
                                                  "ON CONFLICT (centre, tbl, row_id) DO UPDATE SET seq = excluded.seq, writes = excluded.writes, sole = excluded.sole"));
        for (RowRecord &r : m_buffer.takeChanged()) {
            // Not read from the store, and not a damaged record read as nothing: a new row.
            // Its insert never replaces a record; finding one there means the key filter was wrong:
            // nothing of the batch is kept (the device sends it again) and the filter is built anew.
            const bool fresh = !r.stored && !m_damaged.contains(r.key);
            r.seq = nextSeq();
            const QString sole = soleWriter(r);
            (fresh ? insertNew : upsert)
                .bind(1, number(r.key.centre)).bind(2, qint64(r.key.table)).bind(3, r.key.row).bind(4, r.seq).bindBlob(5, encodeWrites(r.writes))
                .bind(6, sole.isNull() ? Value() : Value(QString::number(number(sole)) + QLatin1Char(':') + QString::number(r.seq)))
                .exec();
            if (fresh && m_db.changes() == 0)
                keysWereWrong(r.key);
            if (fresh) // a stored record is in the filter already (or was read because the filter said maybe)
                m_keys.add(r.key);
        }
    }

    /// The number of a centre's or a device's id, made if it has none (only inside transaction()).
    qint64 number(const QString &name)
    {
        if (const qint64 no = numberOf(name))
            return no;
        const qint64 no = nameNumber(m_db, name);
        m_numbers.insert(name, no);
        return no;
    }
    /// The number of an id, or 0 when it has none (nothing stored names it).
    qint64 numberOf(const QString &name)
    {
        if (const qint64 no = m_numbers.value(name, 0))
            return no;
        auto st = m_db.prepare(QStringLiteral("SELECT no FROM names WHERE name = ?"));
        st.bind(1, name);
        if (!st.step())
            return 0;
        m_numbers.insert(name, st.integer(0));
        return st.integer(0);
    }

    qint64 nextSeq()
    {
        if (m_nextSeq > m_reservedTo) {
            const qint64 to = m_nextSeq + SeqBlock - 1;
            QSaveFile f(m_seqFile); // written whole and flushed to disk, or not at all
            if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::number(to)) < 0 || !f.commit())
                throw Error(Error::Code::Database, QStringLiteral("cannot write %1: %2").arg(m_seqFile, f.errorString()));
            m_reservedTo = to;
        }
        return m_nextSeq++;
    }

    static constexpr qint64 SeqBlock = 100000;
    Database m_db;
    RecordBuffer m_buffer;
    // The keys of the stored records (docs/sync.md#key-filter), valid while this connection is the
    // sole writer: checked at the start of each transaction against the file's data_version.
    KeyFilter m_keys;
    bool m_keysBuilt = false, m_keysChecked = false;
    qint64 m_keysVersion = -1;
    QSet<RecordKey> m_damaged; // records this transaction found stored but could not read
    // Numbers read or made (a number never changes once committed; those a rolled back transaction
    // made are forgotten with it).
    QHash<QString, qint64> m_numbers;
    QString m_seqFile;
    QByteArray m_cursorKey;
    qint64 m_topAtOpen = 0, m_reservedAtOpen = 0, m_reservedTo = 0;
    qint64 m_nextSeq = 1;
};

} // namespace

std::unique_ptr<ServerStore> openSqliteServerStore(const QString &path) { return std::make_unique<SqliteServerStore>(path); }

void clearKeyFilterForTesting(ServerStore &store)
{
    if (auto *sqlite = dynamic_cast<SqliteServerStore *>(&store))
        sqlite->clearKeysForTesting();
}

void backupSqliteServerStore(const QString &path, const QString &file)
{
    Database db(path);
    db.prepare(QStringLiteral("VACUUM INTO ?")).bind(1, file).exec();
}

void checkSqliteServerStoreFile(const QString &file)
{
    try {
        Database check(file);
        // Either layout: a file from before row records migrates when it is opened.
        if (check.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('records', 'changes')")).toInt() == 0)
            throw Error(Error::Code::InvalidInput, QStringLiteral("it has no changes table"));
    } catch (const Error &e) {
        throw Error(Error::Code::InvalidInput, QStringLiteral("not a clc-server database: %1").arg(e.message()), file);
    }
}

} // namespace clc::sync
