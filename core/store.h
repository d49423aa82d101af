#pragma once
// The local store: one SQLite file per device. Every write goes through Store::write, which records
// one change per changed field in the same transaction (change capture, docs/architecture.md).
#include "database.h"
#include "hybridclock.h"
#include "value.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace clc {

struct TableDef;

/// The keys of the local meta table (replica-local settings and sync state), named once here.
enum class MetaKey {
    BatchEpoch, ///< the server epoch the batch numbering belongs to
    BatchToken, ///< hash of the token the batch numbering belongs to
    CentreId, ///< the centre this replica belongs to
    DemoLoaded, ///< set once the demo was loaded
    DeviceFingerprint, ///< where the file lives (copy detection)
    DeviceId, ///< the enrolled device id the server gave
    DeviceName, ///< the enrolled device name
    Hlc, ///< the last clock stamp issued
    Language, ///< the app language, vi or en
    LastAckedBatch, ///< the last batch the server acknowledged
    LastSyncOk, ///< time of the last successful sync (ms)
    OutboxFrozenTo, ///< the outbox seq the unacknowledged batch ends at
    PreviousReplicaId, ///< the replica id before a copy was detected
    PullCursor, ///< the server cursor of the last applied pull page
    ReferencesUnchecked, ///< "1" once a pull wrote with SQLite's foreign keys off, until checkReferences ran
    ReplicaId, ///< this replica id
    Role, ///< the enrolled role
    ServerCa, ///< an extra trusted CA file
    ServerEpoch, ///< the server epoch last seen
    ServerBatchLimit, ///< the most changes the server said it takes in one push (empty: LegacyMaxChanges)
    ServerProtocol, ///< "1" once the server refused protocol 2 (a release-8 server), until it answers in 2
    ServerUrl, ///< the server address
    Token, ///< the bearer token
};
/// The key as stored in the meta table.
QString metaKeyName(MetaKey key);


struct StoreOptions
{
    /// Identifies the device the file lives on; empty means this machine's id. Tests inject one to
    /// simulate carrying a copy of the file to another tablet.
    QString deviceId;
    /// Milliseconds since the epoch; empty means the system clock.
    HybridClock::WallClock wallClock;
    /// A second connection that only reads (the app's reader thread): no migration, no replica check,
    /// and SQLite refuses any write on it (PRAGMA query_only).
    bool reader = false;
};

/// The version of a field: the stamp of the change that set it and the replica that made it.
/// Versions order by (hlc, replica): the merge rule's total order (docs/sync.md).
struct Version
{
    qint64 hlc = 0;
    QString replica;
    bool operator==(const Version &o) const { return hlc == o.hlc && replica == o.replica; }
    bool operator!=(const Version &o) const { return !(*this == o); }
    bool operator<(const Version &o) const { return hlc != o.hlc ? hlc < o.hlc : replica < o.replica; }
};

struct FieldWrite
{
    QString field;
    Value value;
};

class Store
{
public:
    /// Opens or creates the file and migrates it; checks that it is still the same replica.
    explicit Store(const QString &path, StoreOptions options = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    Database &db() { return *m_db; }
    const StoreOptions &options() const { return m_options; }
    bool isInitialised() const { return !m_replicaId.isEmpty(); }
    /// Throws NotInitialised unless init() has run on this file.
    void requireInitialised() const;

    /// Makes the file a replica and creates its centre; returns the centre id. Refuses a second init.
    QString init(const QString &centreName);
    /// Makes the file a replica of an existing centre whose data will arrive by sync (enrolment).
    void initMember(const QString &centreId);
    /// True when the file's centre holds nothing but its own centre row: no plan, learner, session or
    /// mark, no conflict, nothing kept aside (a tablet set up with `init` or "Start a new centre" and
    /// then given the ward's code).
    bool holdsOnlyItsCentre();
    /// Makes such a file a replica of centreId instead (enrolment with the ward's code): its own
    /// centre row and that row's history go; the replica stays. Refuses a file that holds data.
    void adoptCentre(const QString &centreId);
    /// A large pull into a device that holds few rows (a new tablet's first sync) goes faster when
    /// the tables' secondary indexes are built once at its end, from a sort, instead of row by row
    /// (docs/sync.md#bulk-load). incoming: how many distinct rows of each table (by code) a page
    /// brings. Drops the plain (not unique) indexes of every such table the page brings at least
    /// minRows rows of and that holds at most as many, and notes them to be built again, inside the
    /// caller's transaction (so a page and its dropped indexes commit together). Returns how many.
    int deferIndexes(const std::map<int, qint64> &incoming, qint64 minRows);
    /// Builds again what deferIndexes dropped, one index a transaction; returns how many (0 when none
    /// is waiting: one query). One that fails is logged and left for the next call (its table gone:
    /// forgotten). The end of every pull calls it, so does opening a file that has migrations to run.
    int restoreIndexes();
    /// A bulk load writes with SQLite's foreign keys off (the store makes a placeholder for every row
    /// referred to that it has not seen: docs/sync.md#bulk-load); it notes so inside its transaction.
    void noteReferencesUnchecked();
    /// If a pull wrote with foreign keys off, checks every reference now (PRAGMA foreign_key_check,
    /// about 5 % of the load's inserts) and gives any row referred to and missing the placeholder the
    /// store would have made, logging it loudly (a bug: it should never happen). One transaction;
    /// returns how many placeholders it made. The end of every pull calls it.
    int checkReferences();
    QString replicaId() const { return m_replicaId; }
    QString centreId() const { return m_centreId; }
    const HybridClock &clock() const { return m_clock; }

    /// Creates the row if it does not exist, else updates it; records one change per field whose value
    /// differs. Fields are validated first; on any error nothing is written. Returns the fields changed.
    /// asOf: a stamp to write with instead of the clock's, far in the past, for values that must lose
    /// to any edit made anywhere (a drafted plan's rows, docs/year.md); the clock does not move.
    int write(const QString &table, const QString &id, const std::vector<FieldWrite> &fields, std::optional<qint64> asOf = std::nullopt);
    /// Sets deleted = 1 (a delete is an ordinary write, so undo is one too).
    int remove(const QString &table, const QString &id) { return write(table, id, {{QStringLiteral("deleted"), 1}}); }

    bool exists(const QString &table, const QString &id);
    /// The current value of one field (null when the row does not exist).
    Value value(const QString &table, const QString &id, const QString &field);

    /// A new random id (UUIDv4).
    static QString newId();
    /// The id of a link or mark row, derived from its two ends: equal on every replica.
    static QString naturalId(const QString &table, const QString &a, const QString &b);
    /// Where a file lives (device and path), as stored in meta: a file whose stored one differs was
    /// copied and becomes another replica when opened. deviceId empty: this machine's id.
    static QString deviceFingerprint(const QString &path, const QString &deviceId = {});
    /// An id derived from a key within this centre (imports: re-importing updates instead of duplicating).
    QString derivedId(const QString &key) const;

    /// Local changes not yet acknowledged by the server (rejected ones excluded).
    qint64 pendingChanges();

    /// One waiting change of the outbox, as the sync session sends it.
    struct OutboxChange
    {
        qint64 seq = 0;
        int table = 0;
        QString row;
        int field = 0;
        Value value;
        Version version;
        std::optional<Version> base;
    };
    /// The seq that ends the next batch: at most limit waiting (not refused) changes whose estimated
    /// size in a message stays under maxBytes (the first always counts); 0 if none wait.
    qint64 outboxBatchEnd(int limit, qint64 maxBytes);
    /// The waiting changes up to seq, in order.
    std::vector<OutboxChange> outboxUpTo(qint64 seq);
    /// The next batch after seq `after` (its end as outboxBatchEnd gives it, and its changes), read in
    /// one snapshot on a connection of its own to the file at path: SyncSession reads a batch ahead
    /// on another thread while the server merges the one before (docs/sync.md#pipelined-push).
    struct OutboxBatch
    {
        qint64 end = 0; ///< 0: nothing waits after `after`
        std::vector<OutboxChange> changes;
    };
    static OutboxBatch readOutboxBatch(const QString &path, qint64 after, int limit, qint64 maxBytes);
    /// Marks one change refused by the server: it stays, with the reason, out of later batches.
    void refuseOutboxChange(qint64 seq, int field, const QString &reason);
    /// Removes the waiting changes up to seq: the server acknowledged them.
    void dropAcknowledged(qint64 seq);
    /// The distinct reasons the server gave for the changes it refused.
    QStringList refusalReasons();
    /// Keeps a remote change aside that could not be applied here (a clock too far ahead, an unknown
    /// table or field): quarantined, never lost (docs/sync.md).
    void quarantine(int table, const QString &row, int field, const Value &value, const Version &version, const QString &reason);
    /// Puts every field whose current version this replica wrote back into the outbox (without a base),
    /// and the centre of every row it wrote a field of (with its creator's version), unless a change
    /// to it is already there: for a server restored from a backup, which may have lost them. The
    /// merge treats what it already has as duplicates. Returns how many were queued.
    int requeueOwnChanges();

    /// The version of one field, if it was ever written here or merged in.
    std::optional<Version> fieldVersion(const TableDef &t, const QString &row, int field);
    /// Sets one field from a remote change, already validated and decided by the merge: no outbox
    /// (changes that arrive by sync never go back out). Creates the row, and empty placeholder rows for
    /// referenced rows not seen yet (pages may bring a child before its parent). Caller holds a transaction.
    void applyRemote(const TableDef &t, const QString &row, int field, const Value &v, const Version &version);
    struct RemoteField
    {
        int field;
        Value value;
        Version version;
    };
    /// Creates a row this replica has never seen, with all its fields, in one statement (the common case
    /// of a pull); the version its fields share goes in the row's clock columns, any other a
    /// field_clock row each. Returns false, writing no row or field, if the row exists already (even as
    /// a placeholder); the sender's replica number may have been made.
    bool insertRemoteRow(const TableDef &t, const QString &row, const std::vector<RemoteField> &fields);
    /// Takes a remote stamp into account so later local stamps are greater; saved at once.
    void observe(qint64 hlc);
    /// The small integer the database uses for a replica uuid (made on first use).
    int replicaNumber(const QString &uuid);
    QString replicaUuid(int number);

    QString meta(MetaKey key) { return meta(metaKeyName(key)); }
    void setMeta(MetaKey key, const Value &value) { setMeta(metaKeyName(key), value); }
    /// By name, for tools and tests that read what another program stored; code uses MetaKey.
    QString meta(const QString &key);
    void setMeta(const QString &key, const Value &value);

private:
    void checkReplica();
    QString fingerprint() const;
    void deriveColumns(const TableDef &t, const QString &id, const QString &field, const Value &v);
    /// Takes a field out of the row's packed creation waiting in the outbox (not frozen in a batch,
    /// not refused), if it is there (docs/sync.md#outbox); the packed row keeps its place.
    bool takeFromWaitingRow(const TableDef &t, const QString &id, int field);
    /// Removes a field from the packed outbox row at seq; the row goes when it has none left.
    void removeFromPackedRow(qint64 seq, int field);
    /// The version of one field as stored: its hlc and replica number.
    std::optional<std::pair<qint64, qint64>> clockOf(const TableDef &t, const QString &row, int field);

    /// Drops the caches below if a rollback may have undone rows they remember.
    void validateCaches();
    /// The INSERT of a row new to this device with these fields, then its clock columns (clock_hlc,
    /// clock_replica, clock_fields: the mask, null if 0), ON CONFLICT (id) DO NOTHING.
    QString insertRowSql(const TableDef &t, const std::vector<RemoteField> &fields);
    bool isKnownRow(const QString &table, const QString &id) const;
    void forgetKnownRows();
    void rememberRow(const QString &table, const QString &id);
    /// Whether any table's field refers to rows of this one.
    static bool isReferenced(const TableDef &t);

    std::unique_ptr<Database> m_db;
    StoreOptions m_options;
    // Caches for merging many remote changes: replica uuid ↔ number, and rows known to exist.
    QHash<QString, int> m_replicaNumbers;
    QHash<int, QString> m_replicaUuids;
    /// std::hash of the id's UTF-16 (libstdc++'s murmur): a pull asks once per mark, and QString's
    /// seeded hash cost more than the rest of the lookup.
    struct IdHash
    {
        size_t operator()(const QString &s) const noexcept
        {
            return std::hash<std::u16string_view>()(std::u16string_view(reinterpret_cast<const char16_t *>(s.constData()), size_t(s.size())));
        }
    };
    QHash<QString, std::unordered_set<QString, IdHash>> m_knownRows; // by table: the ids known to exist
    qsizetype m_knownCount = 0;
    /// Ids found in m_knownRows, by where their text lives (a page's ids are shared by its changes,
    /// so a person's next mark finds it without hashing): direct-mapped on the text's address.
    struct KnownRef
    {
        // Held, so its text cannot be freed and its address reused while here; a shared text cannot
        // change. (Never an id made with QString::fromRawData, whose text its owner may change.)
        QString id;
        qint64 key = -1; // table code << 32 | field: the same id in another field is looked up again
    };
    std::vector<KnownRef> m_knownRefs;
    std::pair<QString, int> m_lastReplica;     // the last replica number asked for
    // insertRowSql's SQL by shape (table code, then field codes), and the last shape asked for.
    QHash<QList<int>, QString> m_insertSql;
    QList<int> m_lastInsertShape;
    QString m_lastInsertSql;
    quint64 m_cacheRollbacks = 0;
    HybridClock m_clock;
    QString m_replicaId;
    int m_replicaNo = 0;
    QString m_centreId;
};

} // namespace clc
