// The PostgreSQL back end (libpq), for a district or province where several stateless clc-server
// processes share one database. Writers of one centre are serialised by a transaction-scoped advisory
// lock, so a centre's changes commit in the order of their seq and a pull never skips one that
// commits late.
#include "error.h"
#include "rowrecord.h"
#include "schema.h"
#include "serverstore.h"
#include "serverlog.h"

#include <QElapsedTimer>
#include <QSet>
#include <QtEndian>
#include <QUuid>
#include <tuple>

#include <libpq-fe.h>
#include <limits>
#include <memory>

namespace clc::sync {

namespace {

// Records name their centre by a number from clc_names (docs/sync.md#numbers): the key's and the
// stream's index entries are 33 bytes shorter than with the 36-character id, and integers compare
// faster than text.
const char *const Schema = R"SQL(
CREATE TABLE IF NOT EXISTS clc_names (no SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS clc_records (centre INTEGER NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL,
  seq BIGINT NOT NULL, writes BYTEA NOT NULL, PRIMARY KEY (centre, tbl, row_id));
CREATE INDEX IF NOT EXISTS clc_records_by_seq ON clc_records (centre, seq);
CREATE SEQUENCE IF NOT EXISTS clc_record_seq;
CREATE TABLE IF NOT EXISTS clc_device_batches (device TEXT PRIMARY KEY, batch BIGINT NOT NULL, response TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clc_devices (id TEXT PRIMARY KEY, centre TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
  code_hash TEXT UNIQUE, code_expires BIGINT, token_hash TEXT UNIQUE, enrolled_at BIGINT, revoked_at BIGINT);
CREATE TABLE IF NOT EXISTS clc_quarantine (id BIGSERIAL PRIMARY KEY, centre TEXT, tbl INTEGER, row_id TEXT, field INTEGER,
  value_int BIGINT, value_text TEXT, hlc BIGINT, replica TEXT, device TEXT, role TEXT, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clc_conflict_owners (id BIGSERIAL PRIMARY KEY, centre TEXT NOT NULL, row_id TEXT NOT NULL,
  device TEXT NOT NULL, UNIQUE (centre, row_id));
CREATE INDEX IF NOT EXISTS clc_conflict_owners_by_device ON clc_conflict_owners (device, id);
CREATE TABLE IF NOT EXISTS clc_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";

/// Rows are written and read in statements of this many (parameters stay far below libpq's 65,535).
constexpr int RowsPerStatement = 1000;

/// A one-dimensional array parameter in PostgreSQL's binary form (what array_recv reads: a header,
/// then each element as its length and its bytes, numbers big-endian): a statement takes a thousand
/// rows as a few arrays and unnest(), so it is parsed and planned once per connection. Binary, not
/// text: the server parses no quoted text, and writes need no hex (docs/performance.md#wire).
class ArrayParam
{
public:
    /// The element types used, by their OIDs (pg_type.h); the statement's cast must name the same.
    enum class Type : quint32 { Bool = 16, Bytea = 17, Int8 = 20, Int4 = 23, Text = 25 };
    explicit ArrayParam(Type type) : m_type(type) {}

    ArrayParam &addInt(qint64 n)
    {
        if (m_type == Type::Int4) {
            if (n < std::numeric_limits<qint32>::min() || n > std::numeric_limits<qint32>::max())
                throw Error(Error::Code::Database, QStringLiteral("PostgreSQL store: %1 does not fit an integer column").arg(n));
            element(4);
            put32(quint32(qint32(n)));
        } else {
            expect(Type::Int8);
            element(8);
            put32(quint32(quint64(n) >> 32));
            put32(quint32(quint64(n)));
        }
        return *this;
    }
    /// Text (UTF-8, any characters: nothing is quoted) or a bytea's bytes.
    ArrayParam &addBytes(const QByteArray &bytes)
    {
        if (m_type != Type::Bytea)
            expect(Type::Text);
        element(qint32(bytes.size()));
        m_elements += bytes;
        return *this;
    }
    ArrayParam &addText(const QString &s) { return addBytes(s.toUtf8()); }
    ArrayParam &addBool(bool b)
    {
        expect(Type::Bool);
        element(1);
        m_elements += char(b ? 1 : 0);
        return *this;
    }
    int size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    /// The parameter's bytes: one dimension of size() elements from index 1, none null.
    QByteArray bytes() const
    {
        QByteArray header;
        for (const quint32 v : {1u, 0u, quint32(m_type), quint32(m_size), 1u}) {
            const quint32 be = qToBigEndian(v);
            header.append(reinterpret_cast<const char *>(&be), 4);
        }
        return header + m_elements;
    }

private:
    void expect(Type t) const
    {
        if (m_type != t) // a programming error: the server would refuse the array as of the wrong type
            throw Error(Error::Code::Database, QStringLiteral("PostgreSQL store: an array element of the wrong type"));
    }
    void element(qint32 length)
    {
        ++m_size;
        put32(quint32(length));
    }
    void put32(quint32 v)
    {
        const quint32 be = qToBigEndian(v);
        m_elements.append(reinterpret_cast<const char *>(&be), 4);
    }
    Type m_type;
    QByteArray m_elements;
    int m_size = 0;
};

/// unnest() of arrays of different lengths pads the short ones with NULL: rows would be paired
/// with another row's values. Never run a statement so.
void checkSameLength(std::initializer_list<const ArrayParam *> arrays)
{
    for (const ArrayParam *a : arrays)
        if (a->size() != (*arrays.begin())->size())
            throw Error(Error::Code::Database, QStringLiteral("PostgreSQL store: array parameters of different lengths"));
}

struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

/// Records read in binary (the columns tbl int4, row_id text, seq int8, writes bytea, asked for with
/// Binary): no numbers or hex to parse, and a result half the size of its text form.
constexpr int Binary = 1;
struct RecordColumns
{
    static int table(PGresult *r, int i) { return int(qint32(qFromBigEndian<quint32>(field(r, i, 0, 4)))); }
    static QString row(PGresult *r, int i) { return QString::fromUtf8(PQgetvalue(r, i, 1), PQgetlength(r, i, 1)); }
    static qint64 seq(PGresult *r, int i) { return qint64(qFromBigEndian<quint64>(field(r, i, 2, 8))); }
    static QByteArray writes(PGresult *r, int i) { return QByteArray(PQgetvalue(r, i, 3), PQgetlength(r, i, 3)); }

private:
    static const char *field(PGresult *r, int i, int column, int bytes)
    {
        if (PQgetlength(r, i, column) != bytes || PQfformat(r, column) != Binary)
            throw Error(Error::Code::Database, QStringLiteral("PostgreSQL store: a record's column %1 is not the expected binary number").arg(column));
        return PQgetvalue(r, i, column);
    }
};

// Parameters the way libpq takes them: as text (a null QString is SQL NULL), or arrays in binary.
class Params
{
public:
    Params &add(const ArrayParam &a)
    {
        m_bytes.push_back(a.bytes());
        m_null.push_back(false);
        m_binary.push_back(1);
        return *this;
    }
    Params &add(const QString &s)
    {
        m_bytes.push_back(s.isNull() ? QByteArray() : s.toUtf8());
        m_null.push_back(s.isNull());
        m_binary.push_back(0);
        return *this;
    }
    Params &add(qint64 n) { return add(QString::number(n)); }
    Params &addNull() { return add(QString()); }
    Params &add(const Value &v)
    {
        // value_int, value_text
        if (v.isInt())
            add(v.toInt()).addNull();
        else if (v.isText())
            addNull().add(v.toText());
        else
            addNull().addNull();
        return *this;
    }
    std::vector<const char *> pointers() const
    {
        std::vector<const char *> p;
        for (size_t i = 0; i < m_bytes.size(); ++i)
            p.push_back(m_null[i] ? nullptr : m_bytes[i].constData());
        return p;
    }
    /// Each parameter's length (read only for binary ones) and format (1: binary).
    std::vector<int> lengths() const
    {
        std::vector<int> l;
        for (const QByteArray &b : m_bytes)
            l.push_back(int(b.size()));
        return l;
    }
    const int *formats() const { return m_binary.data(); }
    int size() const { return int(m_bytes.size()); }

private:
    std::vector<QByteArray> m_bytes;
    std::vector<bool> m_null;
    std::vector<int> m_binary;
};

class PgServerStore : public ServerStore
{
public:
    PgServerStore(const QString &conninfo, const QString &schema) : m_schema(schema)
    {
        // Limits on waiting for a PostgreSQL whose machine or network is gone: a connection or a
        // PQreset gives up after 10 s (per address tried), and a connection whose packets go
        // unanswered for a minute is closed, so the request gets a 503 and the device tries again
        // later, instead of a server thread waiting minutes (the kernel's own limits) or hours
        // (keepalives' defaults). What the operator's conninfo says comes after, and wins (libpq
        // expands dbname into its settings in order), and PGCONNECT_TIMEOUT is left to libpq
        // (docs/operations.md#postgresql).
        const QByteArray given = conninfo.toUtf8();
        std::vector<const char *> keys{"keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout"};
        std::vector<const char *> values{"30", "10", "3", "60000"};
        if (qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT")) {
            keys.push_back("connect_timeout");
            values.push_back("10");
        }
        keys.push_back("dbname");
        values.push_back(given.constData());
        keys.push_back(nullptr);
        values.push_back(nullptr);
        m_conn = PQconnectdbParams(keys.data(), values.data(), 1);
        if (PQstatus(m_conn) != CONNECTION_OK) {
            const QString why = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            PQfinish(m_conn);
            m_conn = nullptr;
            throw Error(Error::Code::Database, QStringLiteral("cannot connect to PostgreSQL: %1").arg(why), QStringLiteral("--postgres"));
        }
        if (!schema.isEmpty())
            exec(QStringLiteral("SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS \"%1\"").arg(schema)); // no NOTICE when it exists
        setUpSession();
        // Several servers may start at once: create the tables under a lock.
        exec(QStringLiteral("BEGIN; SELECT pg_advisory_xact_lock(4242001);") + QString::fromLatin1(Schema) + QStringLiteral("COMMIT;"));
        // Columns added by later releases: ALTER TABLE locks the table, so only when one is missing
        // (not at every start, which would stall the other processes behind a long pull).
        for (const auto &[table, column, type] : {std::tuple<const char *, const char *, const char *>{"clc_device_batches", "request_hash", "TEXT"}}) {
            Result has = query("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                               "AND table_name = $1 AND column_name = $2",
                               Params().add(QString::fromLatin1(table)).add(QString::fromLatin1(column)));
            if (QByteArray(PQgetvalue(has.get(), 0, 0)) == "0")
                exec(QStringLiteral("BEGIN; SELECT pg_advisory_xact_lock(4242001); ALTER TABLE %1 ADD COLUMN IF NOT EXISTS %2 %3; COMMIT;")
                         .arg(QLatin1String(table), QLatin1String(column), QLatin1String(type)));
        }
        if (centreType() == "text")
            migrateCentreNumbers();
        Result old = query("SELECT to_regclass('clc_changes') IS NOT NULL", Params());
        if (QByteArray(PQgetvalue(old.get(), 0, 0)) == "t")
            migrateFieldRows();
    }
    ~PgServerStore() override { PQfinish(m_conn); }

    void transaction(const QString &centre, const std::function<void()> &fn) override
    {
        exec(QStringLiteral("BEGIN"));
        m_inTransaction = true;
        try {
            query("SELECT pg_advisory_xact_lock(hashtext($1))", Params().add(centre));
            m_lockedCentre = centre;
            fn();
            flush();
            exec(QStringLiteral("COMMIT"));
            ended();
        } catch (...) {
            PQclear(PQexec(m_conn, "ROLLBACK"));
            ended();
            throw;
        }
    }

    std::optional<LastBatch> lastBatch(const QString &device) override
    {
        Result r = query("SELECT batch, response, coalesce(request_hash, '') FROM clc_device_batches WHERE device = $1", Params().add(device));
        if (PQntuples(r.get()) == 0)
            return std::nullopt;
        return LastBatch{QByteArray(PQgetvalue(r.get(), 0, 0)).toLongLong(), QByteArray(PQgetvalue(r.get(), 0, 1)),
                         QByteArray(PQgetvalue(r.get(), 0, 2))};
    }

    void setLastBatch(const QString &device, const LastBatch &b) override
    {
        query("INSERT INTO clc_device_batches (device, batch, response, request_hash) VALUES ($1, $2, $3, $4) "
              "ON CONFLICT (device) DO UPDATE SET batch = EXCLUDED.batch, response = EXCLUDED.response, request_hash = EXCLUDED.request_hash",
              Params().add(device).add(b.number).add(QString::fromUtf8(b.response)).add(QString::fromLatin1(b.requestHash)));
    }

    std::optional<StoredChange> latest(const QString &centre, int table, const QString &row, int field) override
    {
        return m_buffer.latest(RecordKey{centre, table, row}, field);
    }

    void put(const StoredChange &s) override
    {
        if (!m_inTransaction) // read and written under the centre's lock
            return transaction(s.centre, [&] { put(s); });
        m_buffer.put(s);
    }

    bool rowExists(const QString &centre, int table, const QString &row) override { return m_buffer.exists(RecordKey{centre, table, row}); }
    qint64 rowBytes(const QString &centre, int table, const QString &row) override { return m_buffer.bytes(RecordKey{centre, table, row}); }

    void prefetch(const QString &centre, const std::vector<std::pair<int, QString>> &rows) override
    {
        // One round trip per thousand rows instead of one per row. Each row is an index lookup (the
        // LIMIT keeps the planner from joining the list with a scan of the whole centre, whose cost
        // grows with the table: docs/performance.md#wire-session-13).
        if (rows.empty())
            return;
        m_buffer.reserve(rows.size());
        auto allNew = [&](size_t from, size_t to) {
            for (size_t i = from; i < to; ++i) // (remember keeps what the buffer already knows)
                m_buffer.remember(RecordKey{centre, rows[i].first, rows[i].second}, std::nullopt);
        };
        const std::optional<qint64> no = number(centre, false);
        if (!no) // nothing is stored for the centre yet
            return allNew(0, rows.size());
        for (size_t from = 0; from < rows.size(); from += RowsPerStatement) {
            const size_t to = std::min(rows.size(), from + RowsPerStatement);
            ArrayParam tables(ArrayParam::Type::Int4), ids(ArrayParam::Type::Text);
            for (size_t i = from; i < to; ++i) {
                if (m_buffer.knows(RecordKey{centre, rows[i].first, rows[i].second}))
                    continue;
                tables.addInt(rows[i].first);
                ids.addText(rows[i].second);
            }
            if (ids.empty())
                continue;
            checkSameLength({&tables, &ids});
            Result r = prepared("clc_prefetch",
                                "SELECT k.tbl, k.row_id, x.seq, x.writes FROM unnest($2::int[], $3::text[]) AS k(tbl, row_id), "
                                "LATERAL (SELECT seq, writes FROM clc_records WHERE centre = $1 AND tbl = k.tbl AND row_id = k.row_id LIMIT 1) x",
                                Params().add(*no).add(tables).add(ids), Binary);
            for (int i = 0; i < PQntuples(r.get()); ++i) {
                const RecordKey key{centre, RecordColumns::table(r.get(), i), RecordColumns::row(r.get(), i)};
                rememberRead(key, readRecord(r.get(), i, key));
            }
            allNew(from, to); // the others are new to the centre
        }
    }

    Page pull(const QString &centre, qint64 afterSeq, int limit, const std::vector<int> &tables, int newerTablesAbove,
              const QString &excludeDevice) override
    {
        ArrayParam codes(ArrayParam::Type::Int4);
        for (int t : tables)
            codes.addInt(t);
        const PullFilter filter{tables, newerTablesAbove, excludeDevice};
        PageBuilder page(filter, limit);
        // One snapshot for the centre's number, the page and the top: nothing committed between
        // them can be skipped.
        exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        try {
            const std::optional<qint64> no = number(centre, false);
            if (!no) { // nothing stored for the centre: an empty page, top 0
                exec(QStringLiteral("COMMIT"));
                return std::move(page.page());
            }
            qint64 from = afterSeq;
            const int chunk = std::max(limit, 200);
            bool done = false;
            while (!done) {
                Result r = query("SELECT tbl, row_id, seq, writes FROM clc_records WHERE centre = $1 AND seq > $2 "
                                 "AND (tbl = ANY($3::int[]) OR ($4 >= 0 AND tbl > $4)) ORDER BY seq LIMIT $5",
                                 Params().add(*no).add(from).add(codes).add(qint64(newerTablesAbove)).add(qint64(chunk)), Binary);
                const int n = PQntuples(r.get());
                for (int i = 0; i < n && !done; ++i) {
                    const RecordKey key{centre, RecordColumns::table(r.get(), i), RecordColumns::row(r.get(), i)};
                    from = RecordColumns::seq(r.get(), i);
                    const auto rec = readRecord(r.get(), i, key);
                    done = rec && !page.add(*rec);
                }
                done = done || n < chunk;
            }
            Result top = query("SELECT coalesce(max(seq), 0) FROM clc_records WHERE centre = $1", Params().add(*no));
            page.page().topSeq = QByteArray(PQgetvalue(top.get(), 0, 0)).toLongLong();
            exec(QStringLiteral("COMMIT"));
        } catch (...) {
            PQclear(PQexec(m_conn, "ROLLBACK"));
            throw;
        }
        return std::move(page.page());
    }

    void quarantine(const StoredChange &s, const QString &reason) override
    {
        const Change &c = s.change;
        query("INSERT INTO clc_quarantine (centre, tbl, row_id, field, value_int, value_text, hlc, replica, device, role, reason) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
              Params().add(s.centre).add(qint64(c.table)).add(c.row).add(qint64(c.field)).add(c.value).add(c.version.hlc)
                  .add(c.version.replica).add(s.device).add(s.role).add(reason));
    }

    void trimQuarantine(const QString &device, qint64 keep) override
    {
        query("DELETE FROM clc_quarantine WHERE device = $1 AND id < "
              "(SELECT id FROM clc_quarantine WHERE device = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)",
              Params().add(device).add(keep - 1));
    }

    void noteConflict(const QString &centre, const QString &device, const QString &row) override
    {
        query("INSERT INTO clc_conflict_owners (centre, row_id, device) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
              Params().add(centre).add(row).add(device));
    }

    qint64 trimConflicts(const QString &centre, const QString &device, qint64 keep, int conflictsTable, int resolvedField) override
    {
        flush();
        Result r = query("SELECT row_id FROM clc_conflict_owners WHERE device = $1 AND centre = $2 ORDER BY id", Params().add(device).add(centre));
        QStringList owned;
        for (int i = 0; i < PQntuples(r.get()); ++i)
            owned << QString::fromUtf8(PQgetvalue(r.get(), i, 0));
        const QStringList drop = conflictsToDrop(owned, keep, [&](const QString &row) {
            const auto resolved = m_buffer.latest(RecordKey{centre, conflictsTable, row}, resolvedField);
            return resolved && resolved->change.value == Value(1);
        });
        m_buffer.clear();
        m_damaged.clear(); // (what was stored is now as the flush left it)
        const std::optional<qint64> no = drop.isEmpty() ? std::nullopt : number(centre, false);
        for (const QString &row : drop) {
            if (no)
                query("DELETE FROM clc_records WHERE centre = $1 AND tbl = $2 AND row_id = $3", Params().add(*no).add(qint64(conflictsTable)).add(row));
            query("DELETE FROM clc_conflict_owners WHERE centre = $1 AND row_id = $2", Params().add(centre).add(row));
        }
        return owned.size() - drop.size();
    }

    qint64 quarantined() override
    {
        Result r = query("SELECT count(*) FROM clc_quarantine", Params());
        return QByteArray(PQgetvalue(r.get(), 0, 0)).toLongLong();
    }

    void addDevice(const DeviceRecord &d, const QByteArray &codeHash, qint64 expiresMs) override
    {
        query("INSERT INTO clc_devices (id, centre, role, name, code_hash, code_expires) VALUES ($1, $2, $3, $4, $5, $6)",
              Params().add(d.id).add(d.centre).add(d.role).add(d.name).add(QString::fromLatin1(codeHash.toHex())).add(expiresMs));
    }

    std::optional<DeviceRecord> redeemCode(const QByteArray &codeHash, const QByteArray &tokenHash, qint64 nowMs) override
    {
        // One statement: two servers redeeming the same code at once cannot both succeed.
        Result r = query("UPDATE clc_devices SET token_hash = $1, code_hash = NULL, enrolled_at = $2 "
                         "WHERE code_hash = $3 AND code_expires > $2 AND revoked_at IS NULL RETURNING id, centre, role, name",
                         Params().add(QString::fromLatin1(tokenHash.toHex())).add(nowMs).add(QString::fromLatin1(codeHash.toHex())));
        if (PQntuples(r.get()) != 1)
            return std::nullopt;
        return record(r.get(), 0);
    }

    QString epoch() override
    {
        // Read on every answer (one key lookup): processes behind a load balancer agree at once.
        Result r = query("SELECT value FROM clc_meta WHERE key = 'epoch'", Params());
        if (PQntuples(r.get()) != 1) {
            query("INSERT INTO clc_meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING",
                  Params().add(QUuid::createUuid().toString(QUuid::WithoutBraces)));
            r = query("SELECT value FROM clc_meta WHERE key = 'epoch'", Params());
        }
        return QString::fromUtf8(PQgetvalue(r.get(), 0, 0));
    }

    QString renewEpoch() override
    {
        const QString e = QUuid::createUuid().toString(QUuid::WithoutBraces);
        query("INSERT INTO clc_meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", Params().add(e));
        return e;
    }

    std::optional<QString> codeCentre(const QByteArray &codeHash, qint64 nowMs) override
    {
        Result r = query("SELECT centre FROM clc_devices WHERE code_hash = $1 AND code_expires > $2 AND revoked_at IS NULL",
                         Params().add(QString::fromLatin1(codeHash.toHex())).add(nowMs));
        if (PQntuples(r.get()) != 1)
            return std::nullopt;
        return QString::fromUtf8(PQgetvalue(r.get(), 0, 0));
    }

    std::optional<DeviceRecord> deviceByToken(const QByteArray &tokenHash) override
    {
        Result r = query("SELECT id, centre, role, name FROM clc_devices WHERE token_hash = $1 AND revoked_at IS NULL",
                         Params().add(QString::fromLatin1(tokenHash.toHex())));
        if (PQntuples(r.get()) != 1)
            return std::nullopt;
        return record(r.get(), 0);
    }

    bool revokeDevice(const QString &id) override
    {
        Result r = query("UPDATE clc_devices SET revoked_at = (extract(epoch from now()) * 1000)::bigint, code_hash = NULL WHERE id = $1",
                         Params().add(id));
        return QByteArray(PQcmdTuples(r.get())) == "1";
    }

    std::vector<DeviceRecord> devices() override
    {
        Result r = query("SELECT id, centre, role, name, token_hash IS NOT NULL, revoked_at IS NOT NULL FROM clc_devices ORDER BY name, id", Params());
        std::vector<DeviceRecord> out;
        for (int i = 0; i < PQntuples(r.get()); ++i) {
            DeviceRecord d = record(r.get(), i);
            d.enrolled = QByteArray(PQgetvalue(r.get(), i, 4)) == "t";
            d.revoked = QByteArray(PQgetvalue(r.get(), i, 5)) == "t";
            out.push_back(d);
        }
        return out;
    }

private:
    /// The record in row i of r (RecordColumns), or nothing when it cannot be read.
    static std::optional<RowRecord> readRecord(PGresult *r, int i, const RecordKey &key)
    {
        return decodeRecord(key, RecordColumns::seq(r, i), RecordColumns::writes(r, i));
    }

    std::optional<RowRecord> load(const RecordKey &k)
    {
        const std::optional<qint64> no = number(k.centre, false);
        if (!no)
            return std::nullopt;
        Result r = prepared("clc_record", "SELECT tbl, row_id, seq, writes FROM clc_records WHERE centre = $1 AND tbl = $2 AND row_id = $3",
                            Params().add(*no).add(qint64(k.table)).add(k.row), Binary);
        if (PQntuples(r.get()) == 0)
            return std::nullopt;
        auto record = readRecord(r.get(), 0, k);
        if (!record)
            m_damaged.insert(k);
        return record;
    }

    /// A record a query of many rows read; a damaged one reads as nothing, a row to write again from
    /// what devices send, over the stored one (flush).
    void rememberRead(const RecordKey &k, std::optional<RowRecord> record)
    {
        if (!record)
            m_damaged.insert(k);
        m_buffer.remember(k, std::move(record));
    }

    /// The number of a centre, made (in clc_names) if it has none and make says so; nothing if it has
    /// none. Looked up afresh in each transaction and kept only until it ends: a number made by a
    /// transaction that rolls back names nothing (a sequence never hands it out again), and a restore
    /// or a failover may give a number to another centre than before (docs/sync.md#numbers).
    std::optional<qint64> number(const QString &name, bool make)
    {
        if (const auto it = m_txNumbers.constFind(name); it != m_txNumbers.cend())
            return *it;
        if (name.isNull())
            throw Error(Error::Code::Database, QStringLiteral("a record names no centre"));
        if (make)
            prepared("clc_make_name", "INSERT INTO clc_names (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", Params().add(name));
        Result r = prepared("clc_name", "SELECT no FROM clc_names WHERE name = $1", Params().add(name));
        if (PQntuples(r.get()) == 0) {
            if (make)
                throw Error(Error::Code::Database, QStringLiteral("no number was made for %1").arg(name));
            return std::nullopt;
        }
        const qint64 no = QByteArray(PQgetvalue(r.get(), 0, 0)).toLongLong();
        if (m_inTransaction)
            m_txNumbers.insert(name, no);
        return no;
    }

    /// A transaction committed or rolled back: nothing it read is kept (another process may change
    /// it next).
    void ended()
    {
        m_inTransaction = false;
        m_buffer.clear();
        m_damaged.clear();
        m_txNumbers.clear();
        m_lockedCentre.clear();
    }

    /// Under the schema's lock (creating or changing tables; several processes may start at once),
    /// with no time limit a role's settings might set (a large upgrade takes minutes); logged when
    /// another process holds the lock, so a start that waits says why.
    void beginSchemaChange()
    {
        exec(QStringLiteral("BEGIN; SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0;"));
        m_inTransaction = true;
        Result got = query("SELECT pg_try_advisory_xact_lock(4242001)", Params());
        if (QByteArray(PQgetvalue(got.get(), 0, 0)) != "t") {
            qCInfo(lcServerStore) << "waiting for another server process to finish changing the database's tables…";
            query("SELECT pg_advisory_xact_lock(4242001)", Params());
        }
    }

    /// The type of clc_records.centre: "integer", or "text" in a database an earlier release wrote.
    QByteArray centreType()
    {
        Result r = query("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                         "AND table_name = 'clc_records' AND column_name = 'centre'", Params());
        return PQntuples(r.get()) == 1 ? QByteArray(PQgetvalue(r.get(), 0, 0)) : QByteArray();
    }

    /// Writes the records changed in this transaction, each with a new seq at the end of its centre's stream.
    void flush()
    {
        if (m_buffer.hasChanges())
            writeRecords(m_buffer.takeChanged(), true);
    }

    /// Writes records a thousand per statement: with a new seq each, replacing what is stored (newSeqs),
    /// or with their own seqs, leaving a record already stored as it is (a migration's old changes).
    void writeRecords(const std::vector<RowRecord> &records, bool newSeqs)
    {
        for (size_t from = 0; from < records.size(); from += RowsPerStatement) {
            ArrayParam centres(ArrayParam::Type::Int4), tables(ArrayParam::Type::Int4), ids(ArrayParam::Type::Text),
                writes(ArrayParam::Type::Bytea), seqs(ArrayParam::Type::Int8), fresh(ArrayParam::Type::Bool);
            for (size_t i = from; i < std::min(records.size(), from + RowsPerStatement); ++i) {
                centres.addInt(*number(records[i].key.centre, true));
                tables.addInt(records[i].key.table);
                ids.addText(records[i].key.row);
                writes.addBytes(encodeWrites(records[i].writes));
                if (!newSeqs)
                    seqs.addInt(records[i].seq);
                else // not read from the store, not a damaged record read as nothing, and of the locked centre: a new row
                    fresh.addBool(!records[i].stored && !m_damaged.contains(records[i].key) && records[i].key.centre == m_lockedCentre);
            }
            checkSameLength({&centres, &tables, &ids, &writes});
            checkSameLength({&centres, newSeqs ? &fresh : &seqs});
            Params p;
            p.add(centres).add(tables).add(ids).add(writes);
            // New seqs in the arrays' order (ORDER BY n), the order the records were first changed, new
            // rows and stored ones alike. A new row is a plain insert: ON CONFLICT's speculative insert
            // cost half as much again (docs/performance.md#wire). Every writer of a centre holds its
            // lock, so no other process adds the row meanwhile; if one is there after all (a session
            // without the lock), the insert fails and nothing of the batch is kept (tested).
            if (newSeqs)
                prepared("clc_write_records",
                         "WITH u AS (SELECT c, t, r, nextval('clc_record_seq') AS s, w, f "
                         "FROM unnest($1::int[], $2::int[], $3::text[], $4::bytea[], $5::bool[]) WITH ORDINALITY AS u(c, t, r, w, f, n) ORDER BY n), "
                         "fresh AS (INSERT INTO clc_records (centre, tbl, row_id, seq, writes) SELECT c, t, r, s, w FROM u WHERE f) "
                         "INSERT INTO clc_records (centre, tbl, row_id, seq, writes) SELECT c, t, r, s, w FROM u WHERE NOT f "
                         "ON CONFLICT (centre, tbl, row_id) DO UPDATE SET seq = EXCLUDED.seq, writes = EXCLUDED.writes",
                         p.add(fresh));
            else
                prepared("clc_copy_records",
                         "INSERT INTO clc_records (centre, tbl, row_id, seq, writes) "
                         "SELECT c, t, r, s, w FROM unnest($1::int[], $2::int[], $3::text[], $4::bytea[], $5::bigint[]) AS u(c, t, r, w, s) "
                         "ON CONFLICT DO NOTHING",
                         p.add(seqs));
        }
    }

    /// A database from a release that kept one row per field, keyed by (table, row id) alone (up to
    /// commit adbc361): its changes become row records with the same seqs (devices' cursors stay
    /// valid), its conflict owners learn their centre. One transaction, under the schema lock.
    void migrateFieldRows()
    {
        beginSchemaChange();
        try {
            Result still = query("SELECT to_regclass('clc_changes') IS NOT NULL", Params());
            if (QByteArray(PQgetvalue(still.get(), 0, 0)) == "t") { // another process may have done it meanwhile
                // A process of the earlier release still running would write changes the copy misses.
                exec(QStringLiteral("LOCK TABLE clc_changes IN EXCLUSIVE MODE"));
                Result hasNewer = query("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                                        "AND table_name = 'clc_changes' AND column_name = 'newer'", Params());
                const QByteArray newer = QByteArray(PQgetvalue(hasNewer.get(), 0, 0)) == "0" ? "0" : "newer";
                exec(QString::fromLatin1("DECLARE old_changes NO SCROLL CURSOR FOR SELECT centre, tbl, row_id, field, value_int, value_text, hlc, "
                                         "replica, base_hlc, base_replica, device, role, " + newer + ", seq FROM clc_changes "
                                         "ORDER BY centre, tbl, row_id, seq"));
                RecordAssembler assembler;
                std::vector<RowRecord> ready;
                qint64 rows = 0;
                auto write = [&](bool all) {
                    if (ready.empty() || (!all && ready.size() < size_t(RowsPerStatement)))
                        return;
                    writeRecords(ready, false); // a record already there (written since) is newer than the old change
                    rows += qint64(ready.size());
                    ready.clear();
                };
                for (;;) { // a district's history, ten thousand changes at a time
                    Result r = query("FETCH 10000 FROM old_changes", Params());
                    const int n = PQntuples(r.get());
                    auto text = [&r](int i, int col) { return QString::fromUtf8(PQgetvalue(r.get(), i, col)); };
                    auto integer = [&r](int i, int col) { return QByteArray(PQgetvalue(r.get(), i, col)).toLongLong(); };
                    auto isNull = [&r](int i, int col) { return PQgetisnull(r.get(), i, col) != 0; };
                    for (int i = 0; i < n; ++i) {
                        StoredChange s{Change{int(integer(i, 1)), text(i, 2), int(integer(i, 3)),
                                              !isNull(i, 4) ? Value(integer(i, 4)) : !isNull(i, 5) ? Value(text(i, 5)) : Value(),
                                              Version{integer(i, 6), text(i, 7)}, std::nullopt, false, {}},
                                       text(i, 0), text(i, 10), text(i, 11), integer(i, 13), int(integer(i, 12))};
                        if (!isNull(i, 8))
                            s.change.base = Version{integer(i, 8), text(i, 9)};
                        if (auto done = assembler.add(s))
                            ready.push_back(std::move(*done));
                        write(false);
                    }
                    if (n == 0)
                        break;
                }
                if (auto last = assembler.finish())
                    ready.push_back(std::move(*last));
                write(true);
                exec(QStringLiteral("CLOSE old_changes"));
                // Seqs go on after every one handed out, by either table.
                exec(QStringLiteral("SELECT setval('clc_record_seq', greatest((SELECT coalesce(max(seq), 0) FROM clc_changes), "
                                    "(SELECT last_value FROM clc_changes_seq_seq), (SELECT last_value FROM clc_record_seq), "
                                    "(SELECT coalesce(max(seq), 0) FROM clc_records), 1));"
                                    "ALTER TABLE clc_conflict_owners ADD COLUMN IF NOT EXISTS centre TEXT;"));
                // A conflict record's owner is a device of the record's centre.
                query("UPDATE clc_conflict_owners o SET centre = coalesce((SELECT centre FROM clc_devices d WHERE d.id = o.device), "
                      "(SELECT centre FROM clc_rows r WHERE r.tbl = $1 AND r.row_id = o.row_id), '') WHERE centre IS NULL",
                      Params().add(qint64(table(QStringLiteral("conflicts"))->code)));
                exec(QStringLiteral("ALTER TABLE clc_conflict_owners ALTER COLUMN centre SET NOT NULL;"
                                    "ALTER TABLE clc_conflict_owners DROP CONSTRAINT IF EXISTS clc_conflict_owners_row_id_key;"
                                    "ALTER TABLE clc_conflict_owners ADD UNIQUE (centre, row_id);"
                                    "DROP TABLE clc_changes; DROP TABLE clc_rows;"));
                qCInfo(lcServerStore) << "the server store now keeps one record per row:" << rows << "rows";
            }
            exec(QStringLiteral("COMMIT"));
            ended();
        } catch (...) {
            PQclear(PQexec(m_conn, "ROLLBACK"));
            ended();
            throw;
        }
    }

    /// A database from a release that named records' centres by their ids (up to session 17's
    /// release): clc_records is copied into one keyed by the centres' numbers, with the same seqs
    /// and writes, in one transaction under the schema lock. A process of that release still
    /// running fails to write (its text centre is no number) rather than write rows that no pull
    /// would find.
    void migrateCentreNumbers()
    {
        beginSchemaChange();
        try {
            if (centreType() == "text") { // another process may have done it meanwhile
                Result others = query("SELECT count(*) FROM pg_locks WHERE relation = 'clc_records'::regclass AND pid <> pg_backend_pid()", Params());
                if (QByteArray(PQgetvalue(others.get(), 0, 0)) != "0")
                    qCInfo(lcServerStore) << "waiting for the earlier release's processes to leave the records table…";
                exec(QStringLiteral("LOCK TABLE clc_records IN ACCESS EXCLUSIVE MODE"));
                QElapsedTimer took;
                took.start();
                Result n = query("SELECT count(*) FROM clc_records", Params());
                qCInfo(lcServerStore).noquote() << "numbering the centres of" << PQgetvalue(n.get(), 0, 0) << "records (once, at this release's first start)…";
                exec(QStringLiteral(
                    "INSERT INTO clc_names (name) SELECT DISTINCT centre FROM clc_records ORDER BY centre ON CONFLICT (name) DO NOTHING;"
                    "CREATE TABLE clc_records_numbered (centre INTEGER NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL,"
                    "  seq BIGINT NOT NULL, writes BYTEA NOT NULL);"
                    "INSERT INTO clc_records_numbered (centre, tbl, row_id, seq, writes) "
                    "  SELECT n.no, r.tbl, r.row_id, r.seq, r.writes FROM clc_records r JOIN clc_names n ON n.name = r.centre ORDER BY r.seq;"));
                Result copied = query("SELECT count(*) FROM clc_records_numbered", Params());
                if (QByteArray(PQgetvalue(copied.get(), 0, 0)) != QByteArray(PQgetvalue(n.get(), 0, 0)))
                    throw Error(Error::Code::Database, QStringLiteral("numbering the records' centres copied %1 of %2 records: nothing was changed")
                                                           .arg(QString::fromLatin1(PQgetvalue(copied.get(), 0, 0)), QString::fromLatin1(PQgetvalue(n.get(), 0, 0))));
                exec(QStringLiteral(
                    "DROP TABLE clc_records;"
                    "ALTER TABLE clc_records_numbered RENAME TO clc_records;"
                    "ALTER TABLE clc_records ADD CONSTRAINT clc_records_pkey PRIMARY KEY (centre, tbl, row_id);"
                    "CREATE INDEX clc_records_by_seq ON clc_records (centre, seq);"
                    "ANALYZE clc_records;"));
                qCInfo(lcServerStore).noquote() << "the centres of" << PQgetvalue(n.get(), 0, 0) << "records are numbered, in"
                                                << took.elapsed() / 1000.0 << "s";
            }
            exec(QStringLiteral("COMMIT"));
            ended();
        } catch (...) {
            PQclear(PQexec(m_conn, "ROLLBACK"));
            ended();
            throw;
        }
    }

    static DeviceRecord record(PGresult *r, int row)
    {
        return DeviceRecord{QString::fromUtf8(PQgetvalue(r, row, 0)), QString::fromUtf8(PQgetvalue(r, row, 1)),
                            QString::fromUtf8(PQgetvalue(r, row, 2)), QString::fromUtf8(PQgetvalue(r, row, 3)), true, false};
    }

    /// What each session needs: quiet notices, the schema.
    void setUpSession()
    {
        exec(QStringLiteral("SET client_min_messages = warning"));
        // What the writers' locking assumes (a second process making a centre's number waits for the
        // first's commit and then reads it), whatever the database's default.
        exec(QStringLiteral("SET default_transaction_isolation = 'read committed'"));
        if (!m_schema.isEmpty())
            exec(QStringLiteral("SET search_path TO \"%1\"").arg(m_schema));
    }

    /// PostgreSQL restarted or the connection dropped: connect again before the next statement
    /// (never inside a transaction, whose statements are lost with the connection and fail it).
    void reconnectIfLost()
    {
        if (m_inTransaction || PQstatus(m_conn) == CONNECTION_OK)
            return;
        PQreset(m_conn);
        m_prepared.clear(); // a new session has none
        if (PQstatus(m_conn) != CONNECTION_OK) {
            qCWarning(lcServerStore).noquote() << "PostgreSQL is not reachable:" << QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            throw Error(Error::Code::Database, QStringLiteral("PostgreSQL is not reachable"));
        }
        qCWarning(lcServerStore) << "reconnected to PostgreSQL";
        setUpSession();
    }

    void exec(const QString &sql)
    {
        reconnectIfLost();
        Result r(PQexec(m_conn, sql.toUtf8().constData()));
        check(r.get(), sql.toUtf8());
    }

    /// The statements run once per change of a push (docs/performance.md#wire-session-6): parsed and planned once
    /// per connection, then only executed.
    Result prepared(const char *name, const QByteArray &sql, const Params &params, int resultFormat = 0)
    {
        reconnectIfLost();
        if (!m_prepared.contains(QByteArray(name))) {
            Result p(PQprepare(m_conn, name, sql.constData(), int(params.size()), nullptr));
            check(p.get(), sql);
            m_prepared.insert(QByteArray(name));
        }
        const auto values = params.pointers();
        const auto lengths = params.lengths();
        Result r(PQexecPrepared(m_conn, name, int(params.size()), values.data(), lengths.data(), params.formats(), resultFormat));
        check(r.get(), sql);
        return r;
    }

    Result query(const QByteArray &sql, const Params &params, int resultFormat = 0)
    {
        reconnectIfLost();
        const auto values = params.pointers();
        const auto lengths = params.lengths();
        Result r(PQexecParams(m_conn, sql.constData(), params.size(), nullptr, values.data(), lengths.data(), params.formats(), resultFormat));
        check(r.get(), sql);
        return r;
    }

    void check(PGresult *r, const QByteArray &sql)
    {
        const ExecStatusType st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            // The operator's log has the statement; the error (which reaches only the log) names it too.
            const QString why = QStringLiteral("PostgreSQL: %1 (%2)").arg(QString::fromUtf8(PQresultErrorMessage(r)).trimmed(), QString::fromUtf8(sql.left(80)));
            qCWarning(lcServerStore).noquote() << why;
            // 53100 disk_full: PostgreSQL has rolled the statement back; the device is told the server's disk is full.
            if (qstrcmp(PQresultErrorField(r, PG_DIAG_SQLSTATE), "53100") == 0)
                throw Error(Error::Code::StorageFull, why);
            throw Error(Error::Code::Database, why);
        }
    }

    QString m_schema;
    bool m_inTransaction = false;
    QSet<QByteArray> m_prepared; ///< the statements prepared on this connection
    QString m_lockedCentre; ///< the centre whose lock the open transaction holds
    QHash<QString, qint64> m_txNumbers; ///< centres' numbers (clc_names) read or made in the open transaction
    QSet<RecordKey> m_damaged; ///< records this transaction found stored but could not read
    PGconn *m_conn = nullptr;
    RecordBuffer m_buffer{[this](const RecordKey &k) { return load(k); }};
};

} // namespace

std::unique_ptr<ServerStore> openPostgresServerStore(const QString &conninfo, const QString &schema)
{
    return std::make_unique<PgServerStore>(conninfo, schema);
}

} // namespace clc::sync
