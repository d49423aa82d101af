#pragma once
// How the server keeps a row (docs/sync.md#server-store): one record per (centre, table, row id)
// holding the latest write of each of its fields, grouped by the write that set them (a mark's four
// fields are one group), each group with the seq it arrived at. A record moves to the end of its
// centre's stream (a new seq) whenever one of its fields changes, so the stream is a log keyed by
// seq that the stores append to, and a push touches one record per row instead of one row per field.
//
// RecordBuffer holds the records a transaction reads and writes, so the merge of a whole batch
// reads each row once and writes it once, at the end.
#include "serverstore.h"

#include <QHash>
#include <QSet>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace clc::sync {

/// The fields one write set, with who wrote them and the seq they arrived at.
struct RowWrite
{
    Version version;
    QString device;
    QString role;
    int newer = 0;
    /// The seq this write arrived at (kept for the audit trail; a pull sends every write of a row past
    /// the cursor). 0 while it waits in a buffer, and, in a stored record, for the writes that arrived
    /// with the record's own seq (a store learns that seq only as it writes the record).
    qint64 seq = 0;
    struct Field
    {
        int field = 0;
        Value value;
        std::optional<Version> base;
    };
    std::vector<Field> fields;
};

struct RecordKey
{
    QString centre;
    int table = 0;
    QString row;
    bool operator==(const RecordKey &o) const { return table == o.table && row == o.row && centre == o.centre; }
};
size_t qHash(const RecordKey &k, size_t seed = 0);

struct RowRecord
{
    RecordKey key;
    qint64 seq = 0; ///< the greatest seq of its writes: where it stands in its centre's stream
    std::vector<RowWrite> writes;
    bool stored = false; ///< read from the store (else made by this transaction)
};

/// The writes as a store keeps them (a versioned binary form, QDataStream).
QByteArray encodeWrites(const std::vector<RowWrite> &writes);
/// Reads what encodeWrites made; writes with seq 0 take recordSeq. Throws clc::Error on a damaged record.
std::vector<RowWrite> decodeWrites(const QByteArray &bytes, qint64 recordSeq);
/// A stored record, or nothing (logged with its key) when its writes cannot be read: one damaged
/// record must not stop every pull of its centre, and its next write makes it again.
std::optional<RowRecord> decodeRecord(const RecordKey &key, qint64 seq, const QByteArray &writes);

/// The device that made every write of the record, or a null string when several did. The SQLite store
/// keeps it in the stream's index, so that a pull passes over a row only the pulling device wrote
/// without reading it: it would send none of it (PullFilter), and after a push the device's own rows
/// are most of the stream.
QString soleWriter(const RowRecord &r);
/// The latest change of one field of a record.
std::optional<StoredChange> latestIn(const RowRecord &r, int field);

/// What a pull may hand a device (ServerStore::pull's arguments): of a row past the cursor, every
/// write the device may read and did not make itself.
struct PullFilter
{
    std::vector<int> tables;
    int newerTablesAbove = -1;
    QString excludeDevice;
    bool allows(int table, const RowWrite &w) const;
};
/// Appends the changes of r the filter allows, fields in code order, each with the record's seq.
/// Returns how many.
int expand(const RowRecord &r, const PullFilter &filter, std::vector<StoredChange> &out);

/// The estimated size of a change in a message (its value as UTF-8, doubled for JSON escapes, and its
/// frame): what pages and rows are capped by (MaxPullPageBytes, MaxRowBytes).
qint64 messageBytes(const Change &c);
qint64 messageBytes(const QString &row, const Value &value);

/// A pull page being filled with whole rows, in seq order, as a store reads them.
class PageBuilder
{
public:
    PageBuilder(const PullFilter &filter, int limit) : m_filter(filter), m_limit(limit) {}
    /// Adds the row's changes; false (adding nothing, and marking the page as having more) when they
    /// would take a page that already holds some past its limit.
    bool add(const RowRecord &r);
    ServerStore::Page &page() { return m_page; }

private:
    const PullFilter &m_filter;
    int m_limit;
    ServerStore::Page m_page;
    std::vector<StoredChange> m_row;
};

/// Of a device's conflict records (oldest first), the resolved ones to drop so that at most keep are
/// left; resolved says whether a record was marked resolved (an unresolved one holds a lost value).
QStringList conflictsToDrop(const QStringList &owned, qint64 keep, const std::function<bool(const QString &row)> &resolved);

/// An earlier release's changes, one per field in (centre, table, row, seq) order, gathered into
/// records (one write per change, so every seq is kept): add each, then take what is complete.
class RecordAssembler
{
public:
    /// Adds one old change; returns the previous row's record when this change starts another row.
    std::optional<RowRecord> add(const StoredChange &s);
    /// The last row's record, if any.
    std::optional<RowRecord> finish();

private:
    std::optional<RowRecord> m_current;
};

/// The records one transaction touches, read once and written once.
class RecordBuffer
{
public:
    /// load reads a record from the store (nothing if the row does not exist in that centre).
    using Loader = std::function<std::optional<RowRecord>(const RecordKey &)>;
    explicit RecordBuffer(Loader load) : m_load(std::move(load)) {}
    Q_DISABLE_COPY(RecordBuffer) // a copy would share the remembered slot

    std::optional<StoredChange> latest(const RecordKey &key, int field);
    bool exists(const RecordKey &key);
    /// The record's estimated size in a message (messageBytes of each field).
    qint64 bytes(const RecordKey &key);
    /// The change becomes the latest of its field, in a write that waits for the next flush.
    void put(const StoredChange &s);
    /// Records already read elsewhere (a back end that reads many rows in one query).
    void remember(const RecordKey &key, std::optional<RowRecord> record);
    bool knows(const RecordKey &key) const { return m_records.count(key) > 0; }
    /// Room for this many records without growing (the rows a batch names).
    void reserve(size_t records) { m_records.reserve(records); }

    /// The records changed since the last take, in the order they were first changed; the buffer
    /// forgets everything (a later read goes to the store again).
    std::vector<RowRecord> takeChanged();
    void clear();
    bool hasChanges() const { return !m_order.empty(); }

private:
    struct Slot
    {
        std::optional<RowRecord> record;
        bool changed = false; ///< put since the last take (it is in m_order)
    };
    /// A buffer holds one transaction's records, and a transaction merges one centre's: the centre
    /// is compared, not hashed (a key differing only in it shares a bucket, never a slot).
    struct KeyHash
    {
        size_t operator()(const RecordKey &k) const noexcept { return qHash(k.row, QHashSeed::globalSeed()) ^ size_t(k.table) * 0x9e3779b97f4a7c15ULL; }
    };
    Slot &slot(const RecordKey &key);

    Loader m_load;
    // Node-based: a slot stays where it is while others are added, so m_order and m_last point at
    // slots, and a lookup that adds one hashes its key once.
    std::unordered_map<RecordKey, Slot, KeyHash> m_records;
    std::vector<Slot *> m_order; ///< slots changed, first change first
    // The last slot looked up: a batch names a row's fields one after another, and each is asked
    // about several times (exists, size, latest, put), so most lookups hash no strings.
    const RecordKey *m_lastKey = nullptr;
    Slot *m_last = nullptr;
};

} // namespace clc::sync
