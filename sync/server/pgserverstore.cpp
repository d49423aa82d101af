// The PostgreSQL back end (libpq), for a district or province where several stateless clc-server
// processes share one database. Writers of one centre are serialised by a transaction-scoped advisory
// lock, so a centre's changes commit in the order of their seq and a pull never skips one that
// commits late.
#include "error.h"
#include "serverstore.h"
#include "serverlog.h"

#include <QSet>
#include <QUuid>
#include <tuple>

#include <libpq-fe.h>
#include <memory>

namespace clc::sync {

namespace {

const char *const Schema = R"SQL(
CREATE TABLE IF NOT EXISTS clc_changes (
  seq BIGSERIAL PRIMARY KEY,
  centre TEXT NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL, field INTEGER NOT NULL,
  value_int BIGINT, value_text TEXT,
  hlc BIGINT NOT NULL, replica TEXT NOT NULL, base_hlc BIGINT, base_replica TEXT,
  device TEXT NOT NULL, role TEXT NOT NULL,
  UNIQUE (tbl, row_id, field));
CREATE INDEX IF NOT EXISTS clc_changes_by_centre ON clc_changes (centre, seq);
CREATE TABLE IF NOT EXISTS clc_rows (tbl INTEGER NOT NULL, row_id TEXT NOT NULL, centre TEXT NOT NULL, PRIMARY KEY (tbl, row_id));
CREATE TABLE IF NOT EXISTS clc_device_batches (device TEXT PRIMARY KEY, batch BIGINT NOT NULL, response TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clc_devices (id TEXT PRIMARY KEY, centre TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
  code_hash TEXT UNIQUE, code_expires BIGINT, token_hash TEXT UNIQUE, enrolled_at BIGINT, revoked_at BIGINT);
CREATE TABLE IF NOT EXISTS clc_quarantine (id BIGSERIAL PRIMARY KEY, centre TEXT, tbl INTEGER, row_id TEXT, field INTEGER,
  value_int BIGINT, value_text TEXT, hlc BIGINT, replica TEXT, device TEXT, role TEXT, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clc_conflict_owners (id BIGSERIAL PRIMARY KEY, row_id TEXT NOT NULL UNIQUE, device TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS clc_conflict_owners_by_device ON clc_conflict_owners (device, id);
CREATE TABLE IF NOT EXISTS clc_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";

const char *const Columns = "seq, centre, tbl, row_id, field, value_int, value_text, hlc, replica, base_hlc, base_replica, device, role, newer";

struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Parameters as text, the way libpq takes them; a null QString is SQL NULL.
class Params
{
public:
    Params &add(const QString &s)
    {
        m_bytes.push_back(s.isNull() ? QByteArray() : s.toUtf8());
        m_null.push_back(s.isNull());
        return *this;
    }
    Params &add(qint64 n) { return add(QString::number(n)); }
    Params &addNull()
    {
        m_bytes.emplace_back();
        m_null.push_back(true);
        return *this;
    }
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
    int size() const { return int(m_bytes.size()); }

private:
    std::vector<QByteArray> m_bytes;
    std::vector<bool> m_null;
};

class PgServerStore : public ServerStore
{
public:
    PgServerStore(const QString &conninfo, const QString &schema) : m_schema(schema)
    {
        m_conn = PQconnectdb(conninfo.toUtf8().constData());
        if (PQstatus(m_conn) != CONNECTION_OK) {
            const QString why = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            PQfinish(m_conn);
            m_conn = nullptr;
            throw Error(Error::Code::Database, QStringLiteral("cannot connect to PostgreSQL: %1").arg(why), QStringLiteral("--postgres"));
        }
        if (!schema.isEmpty())
            exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"%1\"").arg(schema));
        setUpSession();
        // Several servers may start at once: create the tables under a lock.
        exec(QStringLiteral("BEGIN; SELECT pg_advisory_xact_lock(4242001);") + QString::fromLatin1(Schema) + QStringLiteral("COMMIT;"));
        // Columns added by later releases: ALTER TABLE locks the table, so only when one is missing
        // (not at every start, which would stall the other processes behind a long pull).
        for (const auto &[table, column, type] : {std::tuple<const char *, const char *, const char *>{"clc_device_batches", "request_hash", "TEXT"},
                                                  {"clc_changes", "newer", "INTEGER NOT NULL DEFAULT 0"}}) {
            Result has = query("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                               "AND table_name = $1 AND column_name = $2",
                               Params().add(QString::fromLatin1(table)).add(QString::fromLatin1(column)));
            if (QByteArray(PQgetvalue(has.get(), 0, 0)) == "0")
                exec(QStringLiteral("BEGIN; SELECT pg_advisory_xact_lock(4242001); ALTER TABLE %1 ADD COLUMN IF NOT EXISTS %2 %3; COMMIT;")
                         .arg(QLatin1String(table), QLatin1String(column), QLatin1String(type)));
        }
    }
    ~PgServerStore() override { PQfinish(m_conn); }

    void transaction(const QString &centre, const std::function<void()> &fn) override
    {
        exec(QStringLiteral("BEGIN"));
        m_inTransaction = true;
        try {
            query("SELECT pg_advisory_xact_lock(hashtext($1))", Params().add(centre));
            fn();
            exec(QStringLiteral("COMMIT"));
            m_inTransaction = false;
        } catch (...) {
            m_inTransaction = false;
            PQclear(PQexec(m_conn, "ROLLBACK"));
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

    std::optional<StoredChange> latest(int table, const QString &row, int field) override
    {
        Result r = prepared("clc_latest", QByteArray("SELECT ") + Columns + " FROM clc_changes WHERE tbl = $1 AND row_id = $2 AND field = $3",
                            Params().add(qint64(table)).add(row).add(qint64(field)));
        if (PQntuples(r.get()) == 0)
            return std::nullopt;
        return read(r.get(), 0);
    }

    void put(const StoredChange &s) override
    {
        const Change &c = s.change;
        Params p;
        p.add(s.centre).add(qint64(c.table)).add(c.row).add(qint64(c.field)).add(c.value).add(c.version.hlc).add(c.version.replica);
        if (c.base)
            p.add(c.base->hlc).add(c.base->replica);
        else
            p.addNull().addNull();
        p.add(s.device).add(s.role).add(qint64(s.newer));
        // The newer change replaces the field's older one and moves to the end of the centre's stream.
        prepared("clc_put", "INSERT INTO clc_changes (centre, tbl, row_id, field, value_int, value_text, hlc, replica, base_hlc, base_replica, device, role, newer) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
              "ON CONFLICT (tbl, row_id, field) DO UPDATE SET centre = EXCLUDED.centre, value_int = EXCLUDED.value_int, "
              "value_text = EXCLUDED.value_text, hlc = EXCLUDED.hlc, replica = EXCLUDED.replica, base_hlc = EXCLUDED.base_hlc, "
              "base_replica = EXCLUDED.base_replica, device = EXCLUDED.device, role = EXCLUDED.role, "
              "newer = EXCLUDED.newer, seq = nextval(pg_get_serial_sequence('clc_changes', 'seq'))",
              p);
    }

    std::optional<QString> rowCentre(int table, const QString &row) override
    {
        Result r = prepared("clc_row_centre", "SELECT centre FROM clc_rows WHERE tbl = $1 AND row_id = $2", Params().add(qint64(table)).add(row));
        if (PQntuples(r.get()) == 0)
            return std::nullopt;
        return QString::fromUtf8(PQgetvalue(r.get(), 0, 0));
    }

    void setRowCentre(int table, const QString &row, const QString &centre) override
    {
        prepared("clc_set_row_centre", "INSERT INTO clc_rows (tbl, row_id, centre) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                 Params().add(qint64(table)).add(row).add(centre));
    }

    Page pull(const QString &centre, qint64 afterSeq, int limit, const std::vector<int> &tables, int newerTablesAbove,
              const QString &excludeDevice) override
    {
        QStringList codes;
        for (int t : tables)
            codes << QString::number(t);
        Page page;
        // One snapshot for the page and the top: nothing committed between them can be skipped.
        exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        try {
            Result r = query(QByteArray("SELECT ") + Columns + " FROM clc_changes WHERE centre = $1 AND seq > $2 "
                                                                "AND ((tbl = ANY($3::int[]) AND (newer = 0 OR $6 >= 0)) OR ($6 >= 0 AND newer > 0 AND tbl > $6)) "
                                                                "AND device <> $4 ORDER BY seq LIMIT $5",
                             Params().add(centre).add(afterSeq).add(QLatin1Char('{') + codes.join(QLatin1Char(',')) + QLatin1Char('}'))
                                 .add(excludeDevice).add(qint64(limit)).add(qint64(newerTablesAbove)));
            for (int i = 0; i < PQntuples(r.get()); ++i)
                page.changes.push_back(read(r.get(), i));
            Result top = query("SELECT coalesce(max(seq), 0) FROM clc_changes WHERE centre = $1", Params().add(centre));
            page.topSeq = QByteArray(PQgetvalue(top.get(), 0, 0)).toLongLong();
            exec(QStringLiteral("COMMIT"));
        } catch (...) {
            PQclear(PQexec(m_conn, "ROLLBACK"));
            throw;
        }
        return page;
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

    void noteConflict(const QString &device, const QString &row) override
    {
        query("INSERT INTO clc_conflict_owners (row_id, device) VALUES ($1, $2) ON CONFLICT DO NOTHING", Params().add(row).add(device));
    }

    qint64 trimConflicts(const QString &device, qint64 keep, int conflictsTable, int resolvedField) override
    {
        Result r = query("SELECT o.row_id FROM clc_conflict_owners o JOIN clc_changes c ON c.tbl = $2 AND c.row_id = o.row_id AND c.field = $3 "
                         "AND c.value_int = 1 WHERE o.device = $1 ORDER BY o.id "
                         "LIMIT GREATEST(0, (SELECT count(*) FROM clc_conflict_owners WHERE device = $1) - $4)",
                         Params().add(device).add(qint64(conflictsTable)).add(qint64(resolvedField)).add(keep));
        const int n = PQntuples(r.get());
        for (int i = 0; i < n; ++i) {
            const QString row = QString::fromUtf8(PQgetvalue(r.get(), i, 0));
            query("DELETE FROM clc_changes WHERE tbl = $1 AND row_id = $2", Params().add(qint64(conflictsTable)).add(row));
            query("DELETE FROM clc_rows WHERE tbl = $1 AND row_id = $2", Params().add(qint64(conflictsTable)).add(row));
            query("DELETE FROM clc_conflict_owners WHERE row_id = $1", Params().add(row));
        }
        Result left = query("SELECT count(*) FROM clc_conflict_owners WHERE device = $1", Params().add(device));
        return QByteArray(PQgetvalue(left.get(), 0, 0)).toLongLong();
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
    static DeviceRecord record(PGresult *r, int row)
    {
        return DeviceRecord{QString::fromUtf8(PQgetvalue(r, row, 0)), QString::fromUtf8(PQgetvalue(r, row, 1)),
                            QString::fromUtf8(PQgetvalue(r, row, 2)), QString::fromUtf8(PQgetvalue(r, row, 3)), true, false};
    }

    /// What each session needs: quiet notices, the schema.
    void setUpSession()
    {
        exec(QStringLiteral("SET client_min_messages = warning"));
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

    /// The statements run once per change of a push (docs/performance.md#wire): parsed and planned once
    /// per connection, then only executed.
    Result prepared(const char *name, const QByteArray &sql, const Params &params)
    {
        reconnectIfLost();
        if (!m_prepared.contains(QByteArray(name))) {
            Result p(PQprepare(m_conn, name, sql.constData(), int(params.size()), nullptr));
            check(p.get(), sql);
            m_prepared.insert(QByteArray(name));
        }
        const auto values = params.pointers();
        Result r(PQexecPrepared(m_conn, name, int(params.size()), values.data(), nullptr, nullptr, 0));
        check(r.get(), sql);
        return r;
    }

    Result query(const QByteArray &sql, const Params &params)
    {
        reconnectIfLost();
        const auto values = params.pointers();
        Result r(PQexecParams(m_conn, sql.constData(), params.size(), nullptr, values.data(), nullptr, nullptr, 0));
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
            throw Error(Error::Code::Database, why);
        }
    }

    static StoredChange read(PGresult *r, int row)
    {
        auto text = [r, row](int col) { return QString::fromUtf8(PQgetvalue(r, row, col)); };
        auto isNull = [r, row](int col) { return PQgetisnull(r, row, col) != 0; };
        auto integer = [r, row](int col) { return QByteArray(PQgetvalue(r, row, col)).toLongLong(); };
        StoredChange s;
        s.seq = integer(0);
        s.centre = text(1);
        s.change.table = int(integer(2));
        s.change.row = text(3);
        s.change.field = int(integer(4));
        s.change.value = !isNull(5) ? Value(integer(5)) : !isNull(6) ? Value(text(6)) : Value();
        s.change.version = Version{integer(7), text(8)};
        if (!isNull(9))
            s.change.base = Version{integer(9), text(10)};
        s.device = text(11);
        s.role = text(12);
        s.newer = int(integer(13));
        return s;
    }

    QString m_schema;
    bool m_inTransaction = false;
    QSet<QByteArray> m_prepared; ///< the statements prepared on this connection
    PGconn *m_conn = nullptr;
};

} // namespace

std::unique_ptr<ServerStore> openPostgresServerStore(const QString &conninfo, const QString &schema)
{
    return std::make_unique<PgServerStore>(conninfo, schema);
}

} // namespace clc::sync
