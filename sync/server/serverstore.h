#pragma once
// Where the ward office server keeps what devices pushed: the latest change of every field (older
// ones are compacted away; versions are never reset), the centre of every row, each device's last
// batch, and quarantined changes. Two back ends share this interface and one test suite:
// SQLite (default) and PostgreSQL.
#include "protocol.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace clc::sync {

/// A change as the server keeps it: with the centre it belongs to and who made it (the audit trail).
struct StoredChange
{
    Change change;
    QString centre;
    QString device;
    QString role;
    qint64 seq = 0; ///< order of arrival, assigned by the store
    /// 0 for a change this server's schema knows; else the schema of the newer device that sent a
    /// table or field this server does not know: stored as sent and handed on (docs/sync.md#newer).
    int newer = 0;
};

/// An enrolled (or enrolling) device as the server knows it. Tokens and codes are stored only hashed.
struct DeviceRecord
{
    QString id;
    QString centre;
    QString role;
    QString name;
    bool enrolled = false;
    bool revoked = false;
};

class ServerStore
{
public:
    virtual ~ServerStore() = default;

    /// Runs fn in one transaction that serialises writers of the same centre; rolls back on throw.
    virtual void transaction(const QString &centre, const std::function<void()> &fn) = 0;

    /// The last batch applied for a device: its number, the answer sent, and a hash of what it held
    /// (empty for batches stored before hashes were kept), so a replay with other content is told apart.
    struct LastBatch
    {
        qint64 number = 0;
        QByteArray response;
        QByteArray requestHash;
    };
    virtual std::optional<LastBatch> lastBatch(const QString &device) = 0;
    virtual void setLastBatch(const QString &device, const LastBatch &batch) = 0;

    // Rows are keyed by (centre, table, id): an id named in one centre never reaches, blocks or
    // reveals a row of another (docs/sync.md#server-store).

    /// The latest change of one field of a row of a centre.
    virtual std::optional<StoredChange> latest(const QString &centre, int table, const QString &row, int field) = 0;
    /// Stores c as the latest change of its field in c.centre (replacing the previous one); the row
    /// moves to the end of its centre's stream with a new seq when the transaction ends.
    virtual void put(const StoredChange &c) = 0;
    /// Whether the centre has the row (any of its fields was stored).
    virtual bool rowExists(const QString &centre, int table, const QString &row) = 0;
    /// Checks that a row rowExists() called absent is absent indeed, before a decision no insert
    /// will check (refusing a change to it, passing over it). A store whose answer may be wrong (the
    /// SQLite store's key filter) looks it up, and if it is there after all throws Error::Database:
    /// nothing of the batch is kept and the device sends it again (docs/sync.md#key-filter).
    virtual void confirmAbsent(const QString &centre, int table, const QString &row) { (void)centre, (void)table, (void)row; }
    /// The row's estimated size in a message (messageBytes of its fields): kept under MaxRowBytes.
    virtual qint64 rowBytes(const QString &centre, int table, const QString &row) = 0;
    /// The rows a push is about to merge, read at once: a hint for back ends whose every read is a
    /// round trip. Only inside transaction().
    virtual void prefetch(const QString &centre, const std::vector<std::pair<int, QString>> &rows) { (void)centre; (void)rows; }

    struct Page
    {
        std::vector<StoredChange> changes;
        qint64 topSeq = 0; ///< the centre's greatest seq, read in the same snapshot as changes
        bool more = false; ///< rows after these wait
    };
    /// Changes of a centre after seq, in seq order, only of the given tables and not made by
    /// excludeDevice (a device already has its own changes). Whole rows: at most limit changes, but
    /// a row's changes are never split across pages (a page holds at least one row's). Changes this
    /// server did not know when they arrived (newer > 0) come only when newerTablesAbove >= 0: those
    /// of the given tables, and those of tables with a code above newerTablesAbove (tables it never knew).
    virtual Page pull(const QString &centre, qint64 afterSeq, int limit, const std::vector<int> &tables, int newerTablesAbove,
                      const QString &excludeDevice) = 0;

    virtual void quarantine(const StoredChange &c, const QString &reason) = 0;
    virtual qint64 quarantined() = 0;
    /// Keeps at most keep kept-aside changes of a device, dropping its oldest: one device, broken or
    /// hostile, cannot fill the server's disk with them.
    virtual void trimQuarantine(const QString &device, qint64 keep) = 0;

    /// Notes that a push of device (of centre) made the conflict record row (the bound below counts them).
    virtual void noteConflict(const QString &centre, const QString &device, const QString &row) = 0;
    /// Drops the oldest resolved conflict records made by pushes of device until it has at most keep
    /// (unresolved ones are never dropped: they hold someone's lost value). A dropped record is gone
    /// from the server (its fields and its row); devices that had it keep their copy.
    /// conflictsTable and resolvedField name the schema's codes. Returns how many the device has left.
    virtual qint64 trimConflicts(const QString &centre, const QString &device, qint64 keep, int conflictsTable, int resolvedField) = 0;

    /// A device that may enrol once with the code whose hash is given, until expiresMs.
    virtual void addDevice(const DeviceRecord &d, const QByteArray &codeHash, qint64 expiresMs) = 0;
    /// Exchanges an unused, unexpired code for a token (both hashed): at most once per code.
    virtual std::optional<DeviceRecord> redeemCode(const QByteArray &codeHash, const QByteArray &tokenHash, qint64 nowMs) = 0;
    /// The centre a live (unused, unexpired, not revoked) code was made for; nothing is spent.
    virtual std::optional<QString> codeCentre(const QByteArray &codeHash, qint64 nowMs) = 0;
    /// The device holding this token, if it is enrolled and not revoked.
    virtual std::optional<DeviceRecord> deviceByToken(const QByteArray &tokenHash) = 0;
    /// Stops a device at once; false if there is no such device.
    virtual bool revokeDevice(const QString &id) = 0;
    virtual std::vector<DeviceRecord> devices() = 0;

    /// The store's epoch: a random id made with the store and renewed when a backup is restored, so
    /// devices can tell that changes they pushed may be gone (docs/operations.md).
    virtual QString epoch() = 0;
    /// A new epoch (after a restore); returns it.
    virtual QString renewEpoch() = 0;
    /// Whether a device that has seen changes up to seenSeq saw some this store no longer holds (it
    /// lost committed history, e.g. its last commits in a power cut): then a new epoch is due.
    /// Only asked for a cursor this store signed (cursorKey), never one a device could make up.
    virtual bool lostHistory(qint64 seenSeq) { (void)seenSeq; return false; }
    /// A secret of this store that signs its cursors; empty: cursors are not signed.
    virtual QByteArray cursorKey() { return {}; }
};

/// The SQLite back end: one file in the server's data directory.
std::unique_ptr<ServerStore> openSqliteServerStore(const QString &path);
/// Tests only: empties a SQLite store's key filter, as if it had missed writes (to prove that a
/// wrong filter loses and refuses nothing). Does nothing to another store.
void clearKeyFilterForTesting(ServerStore &store);
/// Copies the SQLite server store at path into file (which must not exist) as one consistent
/// snapshot, while a server may keep serving it (a second connection, WAL).
void backupSqliteServerStore(const QString &path, const QString &file);
/// Throws clc::Error (naming file) unless file is a SQLite server store that can be opened.
void checkSqliteServerStoreFile(const QString &file);
/// The PostgreSQL back end (libpq conninfo); schema, if given, is created and used (tests isolate
/// themselves this way). Several processes may share one database.
std::unique_ptr<ServerStore> openPostgresServerStore(const QString &conninfo, const QString &schema = {});

} // namespace clc::sync
