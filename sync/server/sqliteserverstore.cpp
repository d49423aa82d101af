#include "database.h"
#include "error.h"
#include "serverstore.h"

#include <QFile>
#include <QSaveFile>
#include <QUuid>
#include <algorithm>

namespace clc::sync {

namespace {

const char *const Schema = R"SQL(
CREATE TABLE IF NOT EXISTS changes (
  tbl INTEGER NOT NULL, row_id TEXT NOT NULL, field INTEGER NOT NULL,
  seq INTEGER NOT NULL, centre TEXT NOT NULL, value,
  hlc INTEGER NOT NULL, replica TEXT NOT NULL, base_hlc INTEGER, base_replica TEXT,
  device TEXT NOT NULL, role TEXT NOT NULL, newer INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tbl, row_id, field)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS changes_by_centre ON changes (centre, seq);
CREATE TABLE IF NOT EXISTS rows (tbl INTEGER NOT NULL, row_id TEXT NOT NULL, centre TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS device_batches (device TEXT PRIMARY KEY, batch INTEGER NOT NULL, response BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, centre TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
  code_hash TEXT UNIQUE, code_expires INTEGER, token_hash TEXT UNIQUE, enrolled_at INTEGER, revoked_at INTEGER);
CREATE TABLE IF NOT EXISTS quarantine (id INTEGER PRIMARY KEY, centre TEXT, tbl INTEGER, row_id TEXT, field INTEGER,
  value, hlc INTEGER, replica TEXT, device TEXT, role TEXT, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conflict_owners (id INTEGER PRIMARY KEY, row_id TEXT NOT NULL UNIQUE, device TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS conflict_owners_by_device ON conflict_owners (device, id);
CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";

StoredChange readChange(const Statement &st)
{
    StoredChange s;
    s.seq = st.integer(0);
    s.centre = st.text(1);
    s.change.table = int(st.integer(2));
    s.change.row = st.text(3);
    s.change.field = int(st.integer(4));
    s.change.value = st.value(5);
    s.change.version = Version{st.integer(6), st.text(7)};
    if (!st.isNull(8))
        s.change.base = Version{st.integer(8), st.text(9)};
    s.device = st.text(10);
    s.role = st.text(11);
    s.newer = int(st.integer(12));
    return s;
}

const char *const Columns = "seq, centre, tbl, row_id, field, value, hlc, replica, base_hlc, base_replica, device, role, newer";

class SqliteServerStore : public ServerStore
{
public:
    // One process owns a SQLite server store, so it hands out seqs itself (gaps after a rollback are harmless).
    explicit SqliteServerStore(const QString &path) : m_db(path)
    {
        m_db.exec(QString::fromLatin1(Schema));
        // Added later: a data directory from an earlier release gains the column (its rows stay empty).
        if (m_db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('device_batches') WHERE name = 'request_hash'")).toInt() == 0)
            m_db.exec(QStringLiteral("ALTER TABLE device_batches ADD COLUMN request_hash TEXT"));
        if (m_db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('changes') WHERE name = 'newer'")).toInt() == 0)
            m_db.exec(QStringLiteral("ALTER TABLE changes ADD COLUMN newer INTEGER NOT NULL DEFAULT 0"));
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
        m_topAtOpen = m_db.scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes")).toInt();
        QFile reservation(m_seqFile);
        if (reservation.open(QIODevice::ReadOnly))
            m_reservedAtOpen = reservation.readAll().trimmed().toLongLong();
        m_nextSeq = std::max(m_topAtOpen, m_reservedAtOpen) + 1;
        m_reservedTo = m_nextSeq - 1;
    }

    void transaction(const QString &, const std::function<void()> &fn) override
    {
        Transaction tx(m_db); // one writer at a time for the whole file
        fn();
        tx.commit();
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

    std::optional<StoredChange> latest(int table, const QString &row, int field) override
    {
        auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM changes WHERE tbl = ? AND row_id = ? AND field = ?").arg(QLatin1String(Columns)));
        st.bind(1, qint64(table)).bind(2, row).bind(3, qint64(field));
        if (!st.step())
            return std::nullopt;
        return readChange(st);
    }

    void put(const StoredChange &s) override
    {
        // REPLACE drops the older change of the field and the new one takes a fresh, larger seq.
        const Change &c = s.change;
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO changes (seq, centre, tbl, row_id, field, value, hlc, replica, base_hlc, "
                                    "base_replica, device, role, newer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            .bind(1, nextSeq()).bind(2, s.centre).bind(3, qint64(c.table)).bind(4, c.row).bind(5, qint64(c.field)).bind(6, c.value)
            .bind(7, c.version.hlc).bind(8, c.version.replica)
            .bind(9, c.base ? Value(c.base->hlc) : Value()).bind(10, c.base ? Value(c.base->replica) : Value())
            .bind(11, s.device).bind(12, s.role).bind(13, qint64(s.newer))
            .exec();
    }

    std::optional<QString> rowCentre(int table, const QString &row) override
    {
        auto st = m_db.prepare(QStringLiteral("SELECT centre FROM rows WHERE tbl = ? AND row_id = ?"));
        st.bind(1, qint64(table)).bind(2, row);
        return st.step() ? std::optional<QString>(st.text(0)) : std::nullopt;
    }

    void setRowCentre(int table, const QString &row, const QString &centre) override
    {
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO rows (tbl, row_id, centre) VALUES (?, ?, ?)"))
            .bind(1, qint64(table)).bind(2, row).bind(3, centre).exec();
    }

    Page pull(const QString &centre, qint64 afterSeq, int limit, const std::vector<int> &tables, int newerTablesAbove,
              const QString &excludeDevice) override
    {
        QStringList codes;
        for (int t : tables)
            codes << QString::number(t);
        Page page;
        Transaction snapshot(m_db);
        auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM changes WHERE centre = ?1 AND seq > ?2 "
                                              "AND ((tbl IN (%2) AND (newer = 0 OR ?5 >= 0)) OR (?5 >= 0 AND newer > 0 AND tbl > ?5)) "
                                              "AND device <> ?3 ORDER BY seq LIMIT ?4")
                                   .arg(QLatin1String(Columns), codes.join(QLatin1Char(','))));
        st.bind(1, centre).bind(2, afterSeq).bind(3, excludeDevice).bind(4, qint64(limit)).bind(5, qint64(newerTablesAbove));
        while (st.step())
            page.changes.push_back(readChange(st));
        auto top = m_db.prepare(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes WHERE centre = ?"));
        top.bind(1, centre);
        top.step();
        page.topSeq = top.integer(0);
        return page;
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

    void noteConflict(const QString &device, const QString &row) override
    {
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO conflict_owners (row_id, device) VALUES (?, ?)")).bind(1, row).bind(2, device).exec();
    }

    qint64 trimConflicts(const QString &device, qint64 keep, int conflictsTable, int resolvedField) override
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT o.row_id FROM conflict_owners o JOIN changes c ON c.tbl = ?2 AND c.row_id = o.row_id AND c.field = ?3 AND c.value = 1 "
            "WHERE o.device = ?1 ORDER BY o.id LIMIT max(0, (SELECT count(*) FROM conflict_owners WHERE device = ?1) - ?4)"));
        st.bind(1, device).bind(2, qint64(conflictsTable)).bind(3, qint64(resolvedField)).bind(4, keep);
        QStringList rows;
        while (st.step())
            rows << st.text(0);
        for (const QString &row : rows) {
            m_db.prepare(QStringLiteral("DELETE FROM changes WHERE tbl = ? AND row_id = ?")).bind(1, qint64(conflictsTable)).bind(2, row).exec();
            m_db.prepare(QStringLiteral("DELETE FROM rows WHERE tbl = ? AND row_id = ?")).bind(1, qint64(conflictsTable)).bind(2, row).exec();
            m_db.prepare(QStringLiteral("DELETE FROM conflict_owners WHERE row_id = ?")).bind(1, row).exec();
        }
        auto left = m_db.prepare(QStringLiteral("SELECT count(*) FROM conflict_owners WHERE device = ?"));
        left.bind(1, device);
        left.step();
        return left.integer(0);
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
    QString m_seqFile;
    QByteArray m_cursorKey;
    qint64 m_topAtOpen = 0, m_reservedAtOpen = 0, m_reservedTo = 0;
    qint64 m_nextSeq = 1;
};

} // namespace

std::unique_ptr<ServerStore> openSqliteServerStore(const QString &path) { return std::make_unique<SqliteServerStore>(path); }

void backupSqliteServerStore(const QString &path, const QString &file)
{
    Database db(path);
    db.prepare(QStringLiteral("VACUUM INTO ?")).bind(1, file).exec();
}

void checkSqliteServerStoreFile(const QString &file)
{
    try {
        Database check(file);
        check.scalar(QStringLiteral("SELECT count(*) FROM changes"));
    } catch (const Error &e) {
        throw Error(Error::Code::InvalidInput, QStringLiteral("not a clc-server database: %1").arg(e.message()), file);
    }
}

} // namespace clc::sync
