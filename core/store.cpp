#include "store.h"
#include "corelog.h"
#include "translate.h"
#include "error.h"
#include "migrations.h"
#include "schema.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStringBuilder>
#include <QSysInfo>
#include <QUuid>
#include <cstring>
#include <nettle/sha1.h>
#include <sys/stat.h>

namespace clc {

QString metaKeyName(MetaKey key)
{
    switch (key) {
    case MetaKey::BatchEpoch:
        return QStringLiteral("batch_epoch");
    case MetaKey::BatchToken:
        return QStringLiteral("batch_token");
    case MetaKey::CentreId:
        return QStringLiteral("centre_id");
    case MetaKey::DemoLoaded:
        return QStringLiteral("demo_loaded");
    case MetaKey::DeviceFingerprint:
        return QStringLiteral("device_fingerprint");
    case MetaKey::DeviceId:
        return QStringLiteral("device_id");
    case MetaKey::DeviceName:
        return QStringLiteral("device_name");
    case MetaKey::Hlc:
        return QStringLiteral("hlc");
    case MetaKey::Language:
        return QStringLiteral("language");
    case MetaKey::LastAckedBatch:
        return QStringLiteral("last_acked_batch");
    case MetaKey::LastSyncOk:
        return QStringLiteral("last_sync_ok");
    case MetaKey::OutboxFrozenTo:
        return QStringLiteral("outbox_frozen_to");
    case MetaKey::PreviousReplicaId:
        return QStringLiteral("previous_replica_id");
    case MetaKey::PullCursor:
        return QStringLiteral("pull_cursor");
    case MetaKey::ReferencesUnchecked:
        return QStringLiteral("references_unchecked");
    case MetaKey::ReplicaId:
        return QStringLiteral("replica_id");
    case MetaKey::Role:
        return QStringLiteral("role");
    case MetaKey::ServerCa:
        return QStringLiteral("server_ca");
    case MetaKey::ServerEpoch:
        return QStringLiteral("server_epoch");
    case MetaKey::ServerBatchLimit:
        return QStringLiteral("server_batch_limit");
    case MetaKey::ServerProtocol:
        return QStringLiteral("server_protocol");
    case MetaKey::ServerUrl:
        return QStringLiteral("server_url");
    case MetaKey::Token:
        return QStringLiteral("token");
    }
    return {};
}

namespace {
// The device's clock (docs/sync.md#device-clock): a field_clock row (tbl, row_id, field) holds the
// version of one field; a synced row's own columns clock_hlc, clock_replica and clock_fields hold the
// version of the fields in its mask (bit n: field n) that have no field_clock row. A row written at
// once (a new mark, a pulled row) has its version in itself; a later edit of a field adds that
// field's own field_clock row, which wins.
constexpr int MaxMaskedField = 62;

// An outbox row past the batch being pushed (frozen until acknowledged: a retry must send the same
// bytes), so a new edit may still change it.
#define CLC_NOT_FROZEN "seq > coalesce((SELECT value FROM meta WHERE key = 'outbox_frozen_to'), 0)"

// The field fc.field of row r (table fc.tbl) has no change waiting in the outbox: neither a row of its
// own nor in a packed row, which has the stamp of r's clock (each found by its index, migration 13).
#define CLC_NOT_WAITING                                                                                                       \
    "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.tbl = fc.tbl AND o.row_id = fc.row_id AND o.field = fc.field AND o.field >= 0) " \
    "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.field = -1 AND p.hlc = r.clock_hlc AND p.tbl = fc.tbl AND p.row_id = fc.row_id " \
    "AND (p.fields >> fc.field) & 1)"

/// The effective version of every field of one table's rows, for queries over many rows:
/// fv(tbl, row_id, field, hlc, replica).
QString fieldVersions(const TableDef &t)
{
    return QStringLiteral("WITH RECURSIVE bit(f) AS (SELECT 0 UNION ALL SELECT f + 1 FROM bit WHERE f < 62), "
                          "fv(tbl, row_id, field, hlc, replica) AS ("
                          "  SELECT tbl, row_id, field, hlc, replica FROM field_clock WHERE tbl = %1"
                          "  UNION ALL SELECT %1, r.id, bit.f, r.clock_hlc, r.clock_replica FROM %2 r JOIN bit ON (r.clock_fields >> bit.f) & 1 = 1"
                          "  WHERE r.clock_fields IS NOT NULL AND NOT EXISTS "
                          "    (SELECT 1 FROM field_clock s WHERE s.tbl = %1 AND s.row_id = r.id AND s.field = bit.f)) ")
        .arg(t.code)
        .arg(t.name);
}

// Namespace of every derived id (UUIDv5). Never change it: ids on every device depend on it.
const QUuid IdNamespace(QStringLiteral("{6f1c2a4e-8a53-4d0b-9a57-0c1c1d2e7b31}"));

QString uuidText(const QUuid &u) { return u.toString(QUuid::WithoutBraces); }

/// QUuid::createUuidV5(IdNamespace, name) as text (equal, tested), with fewer allocations: a pull
/// derives one per mark. The name is given in parts, joined as UTF-8.
QString nameBasedId(std::initializer_list<QStringView> parts)
{
    // Nettle's SHA-1 (it uses the CPU's SHA instructions where there are some): a pull derives one id
    // a mark, and QCryptographicHash's took a tenth of an apply (docs/performance.md#wire-session-16).
    static const QByteArray space = IdNamespace.toRfc4122();
    sha1_ctx sha;
    sha1_init(&sha);
    sha1_update(&sha, size_t(space.size()), reinterpret_cast<const uint8_t *>(space.constData()));
    for (const QStringView part : parts) { // joined at ASCII separators: part by part is the whole's UTF-8
        char ascii[128];
        const qsizetype n = asciiInto(part, ascii, sizeof ascii);
        if (n >= 0) {
            sha1_update(&sha, size_t(n), reinterpret_cast<const uint8_t *>(ascii));
        } else {
            const QByteArray utf8 = part.toUtf8();
            sha1_update(&sha, size_t(utf8.size()), reinterpret_cast<const uint8_t *>(utf8.constData()));
        }
    }
    uint8_t digest[SHA1_DIGEST_SIZE];
    sha1_digest(&sha, sizeof digest, digest);
    unsigned char b[16];
    std::memcpy(b, digest, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x50); // version 5
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // the RFC 4122 variant
    static const char hex[] = "0123456789abcdef";
    QString out(36, Qt::Uninitialized);
    QChar *o = out.data();
    for (int k = 0; k < 16; ++k) {
        if (k == 4 || k == 6 || k == 8 || k == 10)
            *o++ = QLatin1Char('-');
        *o++ = QLatin1Char(hex[b[k] >> 4]);
        *o++ = QLatin1Char(hex[b[k] & 0x0F]);
    }
    return out;
}
} // namespace

Store::Store(const QString &path, StoreOptions options)
    : m_db(std::make_unique<Database>(path)), m_options(std::move(options)), m_clock(m_options.wallClock)
{
    if (m_options.reader)
        m_db->exec(QStringLiteral("PRAGMA query_only=1"));
    else {
        // A migration may expect every index: what a pull killed midway left dropped is built first
        // (otherwise the next pull's end builds it). Not building it costs speed only.
        if (m_db->scalar(QStringLiteral("PRAGMA user_version")).toInt() < latestSchemaVersion()) {
            try {
                restoreIndexes();
            } catch (const Error &e) {
                qCWarning(lcStore).noquote() << "indexes a pull dropped are not built yet:" << e.message();
            }
        }
        migrate(*m_db);
    }
    m_replicaId = meta(MetaKey::ReplicaId);
    m_centreId = meta(MetaKey::CentreId);
    m_clock.restore(m_db->scalar(QStringLiteral("SELECT value FROM meta WHERE key='hlc'")).toInt());
    if (isInitialised() && !m_options.reader)
        checkReplica();
}

Store::~Store() = default;

namespace {
QString quoted(const QString &name) { return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"'); }
} // namespace

int Store::deferIndexes(const std::map<int, qint64> &incoming, qint64 minRows)
{
    if (!m_db->inTransaction())
        throw Error(Error::Code::Database, QStringLiteral("deferIndexes needs the caller's transaction"));
    int dropped = 0;
    for (const auto &[code, rows] : incoming) {
        const TableDef *t = tableByCode(code);
        if (!t || rows < minRows)
            continue; // a newer app's table (kept aside, not stored here), or too few to matter
        // Only indexes made by CREATE INDEX that enforce nothing: a unique one is a rule, not a speed-up.
        std::vector<std::pair<QString, QString>> plain; // name, CREATE statement
        {
            auto list = m_db->prepare(QStringLiteral("SELECT i.name, m.sql FROM pragma_index_list(?) i JOIN sqlite_master m ON m.type = 'index' "
                                                     "AND m.name = i.name WHERE i.origin = 'c' AND i.\"unique\" = 0 AND m.sql IS NOT NULL"));
            list.bind(1, t->name);
            while (list.step())
                plain.emplace_back(list.text(0), list.text(1));
        } // no statement may be running while an index is dropped
        if (plain.empty())
            continue; // none, or dropped already
        if (m_db->scalar(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1 LIMIT %2)").arg(quoted(t->name)).arg(rows + 1)).toInt() > rows)
            continue; // it holds more than the page brings: keeping them up to date costs less
        for (const auto &[name, sql] : plain) {
            m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO deferred_indexes (name, tbl, sql) VALUES (?, ?, ?)"))
                .bind(1, name).bind(2, t->name).bind(3, sql).exec();
            m_db->exec(QStringLiteral("DROP INDEX ") + quoted(name));
            ++dropped;
        }
    }
    if (dropped)
        qCInfo(lcStore) << "a large pull into a near-empty device:" << dropped << "indexes are built at its end";
    return dropped;
}

int Store::restoreIndexes()
{
    if (m_db->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes'")).toInt() == 0
        || m_db->scalar(QStringLiteral("SELECT count(*) FROM deferred_indexes")).toInt() == 0)
        return 0;
    struct Waiting
    {
        QString name, table, sql;
    };
    std::vector<Waiting> waiting;
    {
        auto st = m_db->prepare(QStringLiteral("SELECT name, tbl, sql FROM deferred_indexes ORDER BY name"));
        while (st.step())
            waiting.push_back({st.text(0), st.text(1), st.text(2)});
    }
    auto exists = [this](const char *type, const QString &name) {
        return m_db->prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?")).bind(1, QString::fromLatin1(type)).bind(2, name).step();
    };
    // SQLite's sorter may use a helper thread for these sorts, each sorting runs of at most 4 MB
    // (the page cache's size bounds them) and merging them: for the two indexes of 1,000,000 marks
    // 1.5–1.7 s and 31 MB at most, against 2.4–2.7 s and 80 MB in one thread with the 32 MB cache,
    // and 144 MB in two (docs/performance.md#wire-session-16). Everything else keeps the cache and one thread.
    const qint64 cacheSize = m_db->scalar(QStringLiteral("PRAGMA cache_size")).toInt();
    const qint64 threads = m_db->scalar(QStringLiteral("PRAGMA threads")).toInt();
    const auto asBefore = qScopeGuard([this, cacheSize, threads] {
        try {
            m_db->exec(QStringLiteral("PRAGMA threads=%1; PRAGMA cache_size=%2").arg(threads).arg(cacheSize));
        } catch (const Error &e) {
            qCWarning(lcStore).noquote() << "sorting stays on two threads and a small cache:" << e.message();
        }
    });
    m_db->exec(QStringLiteral("PRAGMA threads=2; PRAGMA cache_size=-4096"));
    int built = 0;
    for (const Waiting &w : waiting) { // one a transaction: a tap waits for one index at most
        try {
            Transaction tx(*m_db);
            // Built already (by another connection), or its table is gone (a later migration): done.
            if (!exists("index", w.name) && exists("table", w.table)) {
                m_db->exec(w.sql);
                ++built;
            }
            m_db->prepare(QStringLiteral("DELETE FROM deferred_indexes WHERE name = ?")).bind(1, w.name).exec();
            tx.commit();
        } catch (const Error &e) {
            qCWarning(lcStore).noquote() << "the index" << w.name << "is not built yet:" << e.message();
        }
    }
    if (built)
        qCInfo(lcStore) << built << "indexes deferred by a pull were built again";
    return built;
}

void Store::noteReferencesUnchecked()
{
    if (!m_db->inTransaction())
        throw Error(Error::Code::Database, QStringLiteral("noteReferencesUnchecked needs the caller's transaction"));
    setMeta(MetaKey::ReferencesUnchecked, qint64(1));
}

int Store::checkReferences()
{
    if (meta(MetaKey::ReferencesUnchecked).isEmpty())
        return 0;
    // Found before the write lock is taken (the app's taps go on meanwhile): rows are never deleted
    // and the app's connections check their own references, so what the scan finds stays true.
    struct Dangling
    {
        QString table, parent;
        std::optional<qint64> rowid; // none for a WITHOUT ROWID table
        qint64 key;
    };
    std::vector<Dangling> dangling;
    {
        auto check = m_db->prepare(QStringLiteral("PRAGMA foreign_key_check"));
        while (check.step())
            dangling.push_back({check.text(0), check.text(2), check.optionalInteger(1), check.integer(3)});
    }
    Transaction tx(*m_db);
    std::map<std::pair<QString, QString>, std::pair<int, int>> tally; // (table, parent): placeholders made, left
    for (const Dangling &d : dangling) {
        auto &[repaired, left] = tally[{d.table, d.parent}];
        // Only what the store itself makes placeholders for: a synced table's reference field, by id.
        const TableDef *t = table(d.table);
        const FieldDef *f = nullptr;
        if (t && d.rowid) {
            auto key = m_db->prepare(QStringLiteral("SELECT min(\"from\") FROM pragma_foreign_key_list(?) WHERE id = ? HAVING count(*) = 1"));
            key.bind(1, d.table).bind(2, d.key);
            if (key.step() && !key.isNull(0))
                f = t->field(key.text(0));
        }
        Value id;
        if (f && f->type == FieldType::Ref && f->refTable == d.parent) {
            auto child = m_db->prepare(QStringLiteral("SELECT %1 FROM %2 WHERE rowid = ?").arg(quoted(f->name), quoted(d.table)));
            child.bind(1, *d.rowid);
            if (child.step())
                id = child.value(0);
        }
        if (id.isNull()) {
            ++left;
            continue;
        }
        m_db->prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (id) VALUES (?)").arg(quoted(d.parent))).bind(1, id).exec();
        ++(m_db->changes() > 0 ? repaired : left);
    }
    // It would be a bug in the store's own checks: said once per table and what it refers to.
    int made = 0;
    for (const auto &[where, n] : tally) {
        made += n.first;
        qCCritical(lcStore).noquote() << "a pull left" << n.first + n.second << where.first << "rows referring to missing" << where.second
                                      << "rows:" << n.first << "placeholders made," << n.second << "left as they are";
    }
    setMeta(MetaKey::ReferencesUnchecked, Value());
    tx.commit();
    return made;
}

void Store::requireInitialised() const
{
    if (!isInitialised())
        throw Error(Error::Code::NotInitialised,
                    Tr::tr("the database is not initialised: run `clc --db %1 init` (or `demo`) first").arg(m_db->path()));
}

QString Store::fingerprint() const { return deviceFingerprint(m_db->path(), m_options.deviceId); }

QString Store::deviceFingerprint(const QString &path, const QString &deviceId)
{
    // A copy of the file on another device, or at another path or inode on this one, is another replica.
    QString device = deviceId;
    if (device.isEmpty())
        device = QString::fromLatin1(QSysInfo::machineUniqueId());
    QString where = path;
    if (where != QLatin1String(":memory:")) {
        const QFileInfo fi(where);
        where = fi.canonicalFilePath();
        struct stat st {};
        if (::stat(QFile::encodeName(where).constData(), &st) == 0)
            where += QLatin1Char('#') + QString::number(qulonglong(st.st_ino));
    }
    return QString::fromLatin1(
        QCryptographicHash::hash((device + QLatin1Char('\n') + where).toUtf8(), QCryptographicHash::Sha256).toHex());
}

void Store::checkReplica()
{
    m_replicaNo = replicaNumber(m_replicaId);
    const QString fp = fingerprint();
    if (meta(MetaKey::DeviceFingerprint) == fp)
        return;
    // The file was copied (or moved): this copy must not write with the original's replica id, or two
    // devices would issue the same stamps for different edits.
    Transaction tx(*m_db);
    const QString previous = m_replicaId;
    m_replicaId = newId();
    m_replicaNo = replicaNumber(m_replicaId);
    setMeta(MetaKey::ReplicaId, m_replicaId);
    setMeta(MetaKey::PreviousReplicaId, previous);
    qCWarning(lcStore).noquote() << "the file" << m_db->path() << "was copied or moved: new replica" << m_replicaId << "(was" << previous << ")";
    setMeta(MetaKey::DeviceFingerprint, fp);
    // A copy is another device: it must enrol on its own, not reuse the original's token and batches.
    m_db->exec(QStringLiteral("DELETE FROM meta WHERE key IN ('token', 'device_id', 'batch_token', 'last_acked_batch', 'outbox_frozen_to')"));
    tx.commit();
}

void Store::validateCaches()
{
    // Bounded, so memory stays flat however large a pull is.
    if (m_knownCount > 20000)
        forgetKnownRows();
    if (m_cacheRollbacks == m_db->rollbacks())
        return;
    m_replicaNumbers.clear();
    m_replicaUuids.clear();
    m_lastReplica = {};
    forgetKnownRows();
    m_cacheRollbacks = m_db->rollbacks();
}

void Store::forgetKnownRows()
{
    m_knownRows.clear();
    m_knownRefs.clear();
    m_knownCount = 0;
}

bool Store::isKnownRow(const QString &table, const QString &id) const
{
    const auto rows = m_knownRows.constFind(table);
    return rows != m_knownRows.constEnd() && rows->count(id) > 0;
}

void Store::rememberRow(const QString &table, const QString &id)
{
    if (m_knownRows[table].insert(id).second)
        ++m_knownCount;
}

int Store::replicaNumber(const QString &uuid)
{
    validateCaches();
    // A page's changes mostly come from one replica: the last one asked is checked first.
    if (!m_lastReplica.first.isNull() && uuid == m_lastReplica.first)
        return m_lastReplica.second;
    const auto cached = m_replicaNumbers.constFind(uuid);
    if (cached != m_replicaNumbers.constEnd()) {
        m_lastReplica = {uuid, *cached};
        return *cached;
    }
    m_db->prepare(QStringLiteral("INSERT OR IGNORE INTO replicas (uuid) VALUES (?)")).bind(1, uuid).exec();
    auto st = m_db->prepare(QStringLiteral("SELECT no FROM replicas WHERE uuid = ?"));
    st.bind(1, uuid);
    st.step();
    const int no = int(st.integer(0));
    m_replicaNumbers.insert(uuid, no);
    m_replicaUuids.insert(no, uuid);
    return no;
}

QString Store::init(const QString &centreName)
{
    if (isInitialised())
        throw Error(Error::Code::InvalidInput,
                    Tr::tr("the database is already initialised (replica %1)").arg(m_replicaId), QStringLiteral("init"));
    const QString name = centreName.trimmed();
    if (name.isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("must not be empty"), QStringLiteral("--centre"));
    Transaction tx(*m_db);
    m_replicaId = newId();
    m_replicaNo = replicaNumber(m_replicaId);
    m_centreId = newId();
    setMeta(MetaKey::ReplicaId, m_replicaId);
    setMeta(MetaKey::DeviceFingerprint, fingerprint());
    setMeta(MetaKey::CentreId, m_centreId);
    write(QStringLiteral("centres"), m_centreId, {{QStringLiteral("name"), name}});
    tx.commit();
    return m_centreId;
}

void Store::initMember(const QString &centreId)
{
    if (isInitialised())
        throw Error(Error::Code::InvalidInput,
                    Tr::tr("the database is already initialised (replica %1)").arg(m_replicaId), QStringLiteral("init"));
    Transaction tx(*m_db);
    m_replicaId = newId();
    m_replicaNo = replicaNumber(m_replicaId);
    m_centreId = centreId;
    setMeta(MetaKey::ReplicaId, m_replicaId);
    setMeta(MetaKey::DeviceFingerprint, fingerprint());
    setMeta(MetaKey::CentreId, m_centreId);
    tx.commit();
}

bool Store::holdsOnlyItsCentre()
{
    requireInitialised();
    for (const TableDef &t : tables()) {
        const QString sql = t.name == QLatin1String("centres")
            ? QStringLiteral("SELECT count(*) FROM centres WHERE id <> ?")
            : QStringLiteral("SELECT count(*) FROM \"%1\"").arg(t.name);
        auto st = m_db->prepare(sql);
        if (t.name == QLatin1String("centres"))
            st.bind(1, m_centreId);
        if (st.step() && st.integer(0) > 0)
            return false;
    }
    for (const char *table : {"conflicts", "quarantine"})
        if (m_db->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toInt() > 0)
            return false;
    return true;
}

void Store::adoptCentre(const QString &centreId)
{
    if (!holdsOnlyItsCentre())
        throw Error(Error::Code::InvalidInput,
                    Tr::tr("this database already holds the data of centre %1; it cannot join another centre").arg(m_centreId),
                    QStringLiteral("--code"));
    Transaction tx(*m_db);
    // Its own centre row was never anyone else's: it goes with its history and anything waiting to be sent.
    // The one DELETE of a data row anywhere: a bulk load relies on rows never going (docs/sync.md#bulk-load),
    // and another Store on this file may remember this row; this one only runs on a file holding
    // nothing but its own centre (holdsOnlyItsCentre), before any pull.
    m_db->exec(QStringLiteral("DELETE FROM centres"));
    m_db->exec(QStringLiteral("DELETE FROM field_clock"));
    m_db->exec(QStringLiteral("DELETE FROM outbox"));
    forgetKnownRows(); // they may name the centre row just deleted
    setMeta(MetaKey::OutboxFrozenTo, qint64(0));
    setMeta(MetaKey::CentreId, centreId);
    tx.commit();
    m_centreId = centreId;
}

QString Store::meta(const QString &key)
{
    auto st = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void Store::setMeta(const QString &key, const Value &value)
{
    m_db->prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"))
        .bind(1, key)
        .bind(2, value)
        .exec();
}

QString Store::newId() { return uuidText(QUuid::createUuid()); }

QString Store::naturalId(const QString &table, const QString &a, const QString &b)
{
    return nameBasedId({table, u":", a, u":", b});
}

QString Store::derivedId(const QString &key) const
{
    return nameBasedId({m_centreId, u"/", key});
}

bool Store::exists(const QString &tableName, const QString &id)
{
    const TableDef *t = table(tableName);
    if (!t)
        return false;
    auto st = m_db->prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(t->name));
    st.bind(1, id);
    return st.step();
}

Value Store::value(const QString &tableName, const QString &id, const QString &field)
{
    const TableDef *t = table(tableName);
    if (!t || !t->field(field))
        throw Error(Error::Code::InvalidInput, Tr::tr("unknown field"), tableName + QLatin1Char('.') + field);
    auto st = m_db->prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(field, t->name));
    st.bind(1, id);
    return st.step() ? st.value(0) : Value();
}

namespace {

qint64 batchEndIn(Database &db, qint64 after, int limit, qint64 maxBytes)
{
    // Counted in changes (a packed row is one per field of its mask), with the running size estimate
    // of the message (the values as UTF-8, doubled for JSON escapes, plus each change's frame); the
    // first row always goes, however large, so the outbox always drains.
    auto st = db.prepare(QStringLiteral("SELECT seq, length(CAST(value AS BLOB)), CASE WHEN field = -1 THEN fields ELSE 0 END "
                                        "FROM outbox WHERE seq > ? AND error IS NULL ORDER BY seq LIMIT ?"));
    st.bind(1, after);
    st.bind(2, qint64(limit));
    qint64 end = 0, total = 0;
    int changes = 0;
    for (int n = 1; st.step(); ++n) {
        const int k = st.integer(2) ? int(qPopulationCount(quint64(st.integer(2)))) : 1;
        changes += k;
        total += 64 * k + 2 * st.integer(1);
        if (n > 1 && (total > maxBytes || changes > limit))
            break;
        end = st.integer(0);
    }
    return end;
}

template <typename ReplicaUuid>
std::vector<Store::OutboxChange> changesIn(Database &db, qint64 after, qint64 upTo, ReplicaUuid replicaUuid)
{
    std::vector<Store::OutboxChange> out;
    auto st = db.prepare(QStringLiteral("SELECT seq, tbl, row_id, field, value, hlc, replica, base_hlc, base_replica "
                                        "FROM outbox_changes WHERE seq > ? AND seq <= ? AND error IS NULL ORDER BY seq"));
    st.bind(1, after);
    st.bind(2, upTo);
    while (st.step()) {
        Store::OutboxChange c;
        c.seq = st.integer(0);
        c.field = int(st.integer(3));
        c.value = st.value(4);
        if (!out.empty() && out.back().seq == c.seq) { // the next field of a packed row: its row and version shared
            c.table = out.back().table;
            c.row = out.back().row;
            c.version = out.back().version;
            c.base = out.back().base;
        } else {
            c.table = int(st.integer(1));
            c.row = st.text(2);
            c.version = Version{st.integer(5), replicaUuid(int(st.integer(6)))};
            if (!st.isNull(7))
                c.base = Version{st.integer(7), replicaUuid(int(st.integer(8)))};
        }
        out.push_back(std::move(c));
    }
    // Seq, then field: a packed row's fields in code order whatever plan SQLite picks, so a retry of
    // a frozen batch sends the same bytes.
    auto before = [](const Store::OutboxChange &a, const Store::OutboxChange &b) { return a.seq != b.seq ? a.seq < b.seq : a.field < b.field; };
    if (!std::is_sorted(out.begin(), out.end(), before))
        std::sort(out.begin(), out.end(), before);
    return out;
}

} // namespace

qint64 Store::outboxBatchEnd(int limit, qint64 maxBytes) { return batchEndIn(*m_db, 0, limit, maxBytes); }

std::vector<Store::OutboxChange> Store::outboxUpTo(qint64 seq)
{
    return changesIn(*m_db, 0, seq, [this](int no) { return replicaUuid(no); });
}

Store::OutboxBatch Store::readOutboxBatch(const QString &path, qint64 after, int limit, qint64 maxBytes)
{
    Database db(path); // this thread's own connection; it only reads, once, in order
    // 2 MB of cache, not the 32 MB of a connection that writes (memory stays flat); SQLite refuses any write on it.
    db.exec(QStringLiteral("PRAGMA cache_size=-2048; PRAGMA query_only=1"));
    OutboxBatch batch;
    db.exec(QStringLiteral("BEGIN")); // one snapshot for the end, the changes and the replicas they name
    try {
        QHash<int, QString> replicas;
        auto st = db.prepare(QStringLiteral("SELECT no, uuid FROM replicas"));
        while (st.step())
            replicas.insert(int(st.integer(0)), st.text(1));
        batch.end = batchEndIn(db, after, limit, maxBytes);
        if (batch.end > 0)
            batch.changes = changesIn(db, after, batch.end, [&replicas](int no) { return replicas.value(no); });
        db.exec(QStringLiteral("COMMIT"));
    } catch (...) {
        try {
            db.exec(QStringLiteral("ROLLBACK"));
        } catch (const Error &) { // already rolled back (an I/O error): the first error is the one to tell
        }
        throw;
    }
    return batch;
}

void Store::refuseOutboxChange(qint64 seq, int field, const QString &reason)
{
    // A field of a packed row is refused alone: it leaves the row as a refused row of its own, and
    // the row's other fields are acknowledged with the batch (the server stored them).
    const bool packed = m_db->prepare(QStringLiteral("SELECT 1 FROM outbox WHERE seq = ? AND field = -1")).bind(1, seq).step();
    if (!packed) {
        m_db->prepare(QStringLiteral("UPDATE outbox SET error = ? WHERE seq = ?")).bind(1, reason).bind(2, seq).exec();
        return;
    }
    m_db->prepare(QStringLiteral("INSERT INTO outbox (tbl, row_id, field, value, hlc, replica, error) "
                                 "SELECT tbl, row_id, field, value, hlc, replica, ? FROM outbox_changes WHERE seq = ? AND field = ?"))
        .bind(1, reason).bind(2, seq).bind(3, qint64(field)).exec();
    removeFromPackedRow(seq, field);
}

void Store::dropAcknowledged(qint64 seq)
{
    m_db->prepare(QStringLiteral("DELETE FROM outbox WHERE seq <= ? AND error IS NULL")).bind(1, seq).exec();
}

QStringList Store::refusalReasons()
{
    QStringList out;
    auto st = m_db->prepare(QStringLiteral("SELECT DISTINCT error FROM outbox WHERE error IS NOT NULL ORDER BY error"));
    while (st.step())
        out << st.text(0);
    return out;
}

void Store::quarantine(int table, const QString &row, int field, const Value &value, const Version &version, const QString &reason)
{
    // One copy per field and reason, the last writer's: a field kept aside again replaces an older
    // copy, and an older one arriving later is not kept (the store stays bounded by what exists).
    Transaction tx(*m_db);
    auto newer = m_db->prepare(QStringLiteral("SELECT count(*) FROM quarantine WHERE tbl = ? AND row_id = ? AND field = ? AND reason = ? "
                                              "AND (hlc > ? OR (hlc = ? AND replica >= ?))"));
    newer.bind(1, qint64(table)).bind(2, row).bind(3, qint64(field)).bind(4, reason).bind(5, version.hlc).bind(6, version.hlc).bind(7, version.replica);
    newer.step();
    if (newer.integer(0) > 0) {
        tx.commit();
        return;
    }
    m_db->prepare(QStringLiteral("DELETE FROM quarantine WHERE tbl = ? AND row_id = ? AND field = ? AND reason = ?"))
        .bind(1, qint64(table)).bind(2, row).bind(3, qint64(field)).bind(4, reason).exec();
    m_db->prepare(QStringLiteral("INSERT INTO quarantine (received_at, tbl, row_id, field, value, hlc, replica, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(1, m_clock.wallMillis()).bind(2, qint64(table)).bind(3, row).bind(4, qint64(field)).bind(5, value)
        .bind(6, version.hlc).bind(7, version.replica).bind(8, reason).exec();
    tx.commit();
}

int Store::requeueOwnChanges()
{
    requireInitialised();
    int queued = 0;
    Transaction tx(*m_db);
    const qint64 waitingTo = m_db->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox")).toInt();
    // First the centre of every row this replica wrote a field of, whoever created the row (with that
    // creator's version): a restored server that lost the row would refuse our fields on it otherwise.
    for (const TableDef &t : tables()) {
        if (t.fields.empty() || t.fields[0].name != QLatin1String("centre_id"))
            continue;
        m_db->prepare(QStringLiteral(
                "INSERT INTO outbox (tbl, row_id, field, value, hlc, replica) %2"
                "SELECT fc.tbl, fc.row_id, fc.field, r.centre_id, fc.hlc, fc.replica FROM fv fc JOIN %1 r ON r.id = fc.row_id "
                "WHERE fc.tbl = ? AND fc.field = 0 AND fc.replica != ? "
                "  AND EXISTS (SELECT 1 FROM fv m WHERE m.tbl = fc.tbl AND m.row_id = fc.row_id AND m.replica = ?) "
                "  AND " CLC_NOT_WAITING)
                         .arg(t.name, fieldVersions(t)))
            .bind(1, qint64(t.code)).bind(2, qint64(m_replicaNo)).bind(3, qint64(m_replicaNo)).exec();
        queued += m_db->changes();
    }
    // Tables in schema order, fields in code order: a row's centre_id (field 0) goes before its other
    // fields, and a referenced table before the tables that refer to it.
    for (const TableDef &t : tables()) {
        for (size_t f = 0; f < t.fields.size(); ++f) {
            m_db->prepare(QStringLiteral(
                    "INSERT INTO outbox (tbl, row_id, field, value, hlc, replica) %3"
                    "SELECT fc.tbl, fc.row_id, fc.field, r.%1, fc.hlc, fc.replica FROM fv fc JOIN %2 r ON r.id = fc.row_id "
                    "WHERE fc.tbl = ? AND fc.field = ? AND fc.replica = ? AND " CLC_NOT_WAITING)
                             .arg(t.fields[f].name, t.name, fieldVersions(t)))
                .bind(1, qint64(t.code)).bind(2, qint64(f)).bind(3, qint64(m_replicaNo)).exec();
            queued += m_db->changes();
        }
    }
    // Changes that were already waiting go behind the re-queued ones: a waiting edit of a row whose
    // creation the server lost must not reach it before the row's centre does.
    if (queued > 0 && waitingTo > 0) {
        m_db->prepare(QStringLiteral("INSERT INTO outbox (tbl, row_id, field, value, hlc, replica, base_hlc, base_replica, error, fields) "
                                     "SELECT tbl, row_id, field, value, hlc, replica, base_hlc, base_replica, error, fields FROM outbox "
                                     "WHERE seq <= ? ORDER BY seq"))
            .bind(1, waitingTo).exec();
        m_db->prepare(QStringLiteral("DELETE FROM outbox WHERE seq <= ?")).bind(1, waitingTo).exec();
    }
    tx.commit();
    return queued;
}

qint64 Store::pendingChanges()
{
    qint64 n = m_db->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE error IS NULL AND field >= 0")).toInt();
    auto packed = m_db->prepare(QStringLiteral("SELECT fields FROM outbox WHERE error IS NULL AND field = -1"));
    while (packed.step())
        n += qint64(qPopulationCount(quint64(packed.integer(0))));
    return n;
}

QString Store::replicaUuid(int number)
{
    validateCaches();
    const auto cached = m_replicaUuids.constFind(number);
    if (cached != m_replicaUuids.constEnd())
        return *cached;
    auto st = m_db->prepare(QStringLiteral("SELECT uuid FROM replicas WHERE no = ?"));
    st.bind(1, qint64(number));
    if (!st.step())
        return {};
    m_replicaUuids.insert(number, st.text(0));
    m_replicaNumbers.insert(st.text(0), number);
    return st.text(0);
}

std::optional<std::pair<qint64, qint64>> Store::clockOf(const TableDef &t, const QString &row, int field)
{
    // The field's own clock row first, else the row's shared clock if its mask has the field.
    {
        auto st = m_db->prepare(QStringLiteral("SELECT hlc, replica FROM field_clock WHERE tbl = ? AND row_id = ? AND field = ?"));
        st.bind(1, qint64(t.code)).bind(2, row).bind(3, qint64(field));
        if (st.step())
            return std::make_pair(st.integer(0), st.integer(1));
    }
    if (field > MaxMaskedField)
        return std::nullopt;
    auto st = m_db->prepare(QStringLiteral("SELECT clock_hlc, clock_replica FROM %1 WHERE id = ? AND (clock_fields >> ?) & 1").arg(t.name));
    st.bind(1, row).bind(2, qint64(field));
    if (st.step())
        return std::make_pair(st.integer(0), st.integer(1));
    return std::nullopt;
}

std::optional<Version> Store::fieldVersion(const TableDef &t, const QString &row, int field)
{
    const auto clock = clockOf(t, row, field);
    if (!clock)
        return std::nullopt;
    return Version{clock->first, replicaUuid(int(clock->second))};
}

void Store::applyRemote(const TableDef &t, const QString &row, int field, const Value &v, const Version &version)
{
    const FieldDef &f = t.fields[size_t(field)];
    validateCaches();
    // Rows are never removed (deleting is a field), so a row seen once stays until a rollback.
    auto ensureRow = [this](const QString &table, const QString &id) {
        if (isKnownRow(table, id))
            return;
        m_db->prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (id) VALUES (?)").arg(table)).bind(1, id).exec();
        rememberRow(table, id);
    };
    if (f.type == FieldType::Ref && !v.isNull())
        ensureRow(f.refTable, v.toText());
    ensureRow(t.name, row);
    m_db->prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(t.name, f.name)).bind(1, v).bind(2, row).exec();
    deriveColumns(t, row, f.name, v);
    m_db->prepare(QStringLiteral("INSERT INTO field_clock (tbl, row_id, field, hlc, replica) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, replica = excluded.replica"))
        .bind(1, qint64(t.code)).bind(2, row).bind(3, qint64(field)).bind(4, version.hlc)
        .bind(5, qint64(replicaNumber(version.replica)))
        .exec();
}

bool Store::insertRemoteRow(const TableDef &t, const QString &row, const std::vector<RemoteField> &fields)
{
    validateCaches();
    // Only rows other rows point to are remembered (a mark is never referred to, and its insert
    // below tells whether it was there).
    const bool referenced = isReferenced(t);
    if (referenced && isKnownRow(t.name, row))
        return false;
    // The rows it refers to must exist first (foreign keys are checked at once). When all are known
    // (a pull brings sessions and people before their marks), the insert itself tells whether the row
    // was there, without a lookup first; otherwise the row is looked up first, so that no placeholder
    // is made for a row that is then not inserted.
    // A page's changes share their ids' texts (a person's marks, a session's): an id found before
    // is recognised by where its text lives, without hashing it (m_knownRefs).
    auto refersToUnknown = [&](const RemoteField &f) {
        const FieldDef &def = t.fields[size_t(f.field)];
        if (def.type != FieldType::Ref || f.value.isNull())
            return false;
        const QString *text = f.value.textIf();
        const QString number = text ? QString() : f.value.toText();
        const QString &id = text ? *text : number;
        constexpr size_t Slots = 1024;
        if (m_knownRefs.size() != Slots)
            m_knownRefs.resize(Slots);
        KnownRef &known = m_knownRefs[(reinterpret_cast<quintptr>(id.constData()) >> 4) % Slots];
        const qint64 key = (qint64(t.code) << 32) | f.field;
        if (known.key == key && known.id.constData() == id.constData() && known.id.size() == id.size())
            return false;
        if (!isKnownRow(def.refTable, id))
            return true;
        known = {id, key};
        return false;
    };
    if (std::any_of(fields.begin(), fields.end(), refersToUnknown)) {
        if (exists(t.name, row))
            return false;
        for (const RemoteField &f : fields) {
            if (refersToUnknown(f)) {
                const QString &table = t.fields[size_t(f.field)].refTable;
                m_db->prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (id) VALUES (?)").arg(table)).bind(1, f.value).exec();
                rememberRow(table, f.value.toText());
            }
        }
    }
    // The fields that share the first field's version keep it in the row itself (its clock columns),
    // the others a field_clock row each.
    qint64 mask = 0;
    for (const RemoteField &f : fields)
        if (f.version == fields.front().version && f.field <= MaxMaskedField)
            mask |= qint64(1) << f.field;
    auto insert = m_db->prepare(insertRowSql(t, fields));
    insert.bind(1, row);
    int at = 2;
    for (const RemoteField &f : fields)
        insert.bind(at++, f.value);
    if (mask) {
        insert.bind(at, fields.front().version.hlc);
        insert.bind(at + 1, qint64(replicaNumber(fields.front().version.replica)));
    } else { // no shared version (a newer app's first field): the clock columns stay null
        insert.bind(at, Value());
        insert.bind(at + 1, Value());
    }
    insert.bind(at + 2, mask);
    insert.exec();
    if (m_db->changes() == 0)
        return false; // it was there (only when every referenced row was known: else looked up above)
    // Remembered only where other rows point (a mark is never referred to): the cache stays small.
    if (referenced)
        rememberRow(t.name, row);
    for (const RemoteField &f : fields) {
        deriveColumns(t, row, t.fields[size_t(f.field)].name, f.value);
        if (f.field <= MaxMaskedField && (mask >> f.field) & 1)
            continue;
        m_db->prepare(QStringLiteral("INSERT INTO field_clock (tbl, row_id, field, hlc, replica) VALUES (?, ?, ?, ?, ?)"))
            .bind(1, qint64(t.code)).bind(2, row).bind(3, qint64(f.field)).bind(4, f.version.hlc)
            .bind(5, qint64(replicaNumber(f.version.replica)))
            .exec();
    }
    return true;
}

QString Store::insertRowSql(const TableDef &t, const std::vector<RemoteField> &fields)
{
    // Kept per table and field list: a pull inserts thousands of rows of the same shape, mostly one
    // after another, so the last shape is compared first (without building its key).
    const auto sameAsLast = [&] {
        if (m_lastInsertShape.size() != qsizetype(fields.size()) + 1 || m_lastInsertShape[0] != t.code)
            return false;
        for (size_t i = 0; i < fields.size(); ++i)
            if (m_lastInsertShape[qsizetype(i) + 1] != fields[i].field)
                return false;
        return true;
    };
    if (!m_lastInsertSql.isNull() && sameAsLast())
        return m_lastInsertSql;
    m_lastInsertShape.clear();
    m_lastInsertShape.append(t.code);
    for (const RemoteField &f : fields)
        m_lastInsertShape.append(f.field);
    const auto found = m_insertSql.constFind(m_lastInsertShape);
    if (found != m_insertSql.constEnd()) {
        m_lastInsertSql = *found;
        return m_lastInsertSql;
    }
    QStringList columns{QStringLiteral("id")};
    QStringList marks{QStringLiteral("?")};
    for (const RemoteField &f : fields) {
        columns << t.fields[size_t(f.field)].name;
        marks << QStringLiteral("?");
    }
    columns << QStringLiteral("clock_hlc") << QStringLiteral("clock_replica") << QStringLiteral("clock_fields");
    marks << QStringLiteral("?") << QStringLiteral("?") << QStringLiteral("nullif(?, 0)");
    m_lastInsertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO NOTHING")
                          .arg(t.name, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(',')));
    if (m_insertSql.size() < 256)
        m_insertSql.insert(m_lastInsertShape, m_lastInsertSql);
    return m_lastInsertSql;
}

bool Store::isReferenced(const TableDef &t)
{
    static const std::vector<bool> referenced = [] { // by table code
        QSet<QString> names;
        int codes = 0;
        for (const TableDef &d : tables()) {
            codes = std::max(codes, d.code + 1);
            for (const FieldDef &f : d.fields)
                if (f.type == FieldType::Ref)
                    names.insert(f.refTable);
        }
        std::vector<bool> byCode(size_t(codes), false);
        for (const TableDef &d : tables())
            byCode[size_t(d.code)] = names.contains(d.name);
        return byCode;
    }();
    return t.code >= 0 && size_t(t.code) < referenced.size() && referenced[size_t(t.code)];
}

void Store::observe(qint64 hlc)
{
    // Another connection may have saved a later stamp: never save a smaller one over it.
    const qint64 saved = m_db->scalar(QStringLiteral("SELECT value FROM meta WHERE key='hlc'")).toInt();
    if (saved > m_clock.last())
        m_clock.restore(saved);
    const qint64 before = saved;
    m_clock.observe(hlc);
    if (m_clock.last() != before)
        setMeta(MetaKey::Hlc, m_clock.last());
}

int Store::write(const QString &tableName, const QString &id, const std::vector<FieldWrite> &input, std::optional<qint64> asOf)
{
    requireInitialised();
    const TableDef *t = table(tableName);
    if (!t)
        throw Error(Error::Code::InvalidInput, Tr::tr("unknown table"), tableName);

    // The write lock first: whether the row exists and whether the rows it refers to exist are read
    // in the same transaction that writes, so a pull creating the same row meanwhile cannot slip in
    // between (that gave a raw SQLite constraint error instead of an update).
    Transaction tx(*m_db);
    std::vector<FieldWrite> fields = input;
    const bool scoped = t->field(QStringLiteral("centre_id")) != nullptr;
    const bool creating = !exists(tableName, id);
    if (creating && scoped) {
        const bool given = std::any_of(fields.begin(), fields.end(), [](const FieldWrite &w) { return w.field == QLatin1String("centre_id"); });
        // First, so the change that places the row in its centre is pushed before (or with) the others.
        if (!given)
            fields.insert(fields.begin(), FieldWrite{QStringLiteral("centre_id"), m_centreId});
    }

    // Validate everything before writing anything.
    std::vector<int> codes;
    for (const FieldWrite &w : fields) {
        const int code = t->fieldCode(w.field);
        if (code < 0)
            throw Error(Error::Code::InvalidInput, Tr::tr("unknown field"), t->name + QLatin1Char('.') + w.field);
        const FieldDef &f = t->fields[size_t(code)];
        validateField(*t, f, w.value);
        if (f.type == FieldType::Ref && !w.value.isNull() && !exists(f.refTable, w.value.toText()) && f.name == QLatin1String("centre_id"))
            throw Error(Error::Code::NotFound, Tr::tr("this device has not received its centre yet: run `clc sync` first"),
                        t->name + QLatin1Char('.') + f.name);
        if (f.type == FieldType::Ref && !w.value.isNull() && !exists(f.refTable, w.value.toText()))
            throw Error(Error::Code::NotFound, Tr::tr("no %1 with id %2").arg(f.refTable, w.value.toText()),
                        t->name + QLatin1Char('.') + f.name);
        codes.push_back(code);
    }
    if (creating) {
        for (const FieldDef &f : t->fields) {
            const bool given = std::any_of(fields.begin(), fields.end(), [&f](const FieldWrite &w) { return w.field == f.name; });
            if (f.required && !given)
                throw Error(Error::Code::InvalidInput, Tr::tr("must not be empty"), t->name + QLatin1Char('.') + f.name);
        }
    }

    if (creating)
        m_db->prepare(QStringLiteral("INSERT INTO %1 (id) VALUES (?)").arg(t->name)).bind(1, id).exec();
    // A new row's fields share one version kept in the row, unless versions of it are somehow kept already (then
    // each field gets its own, which wins over them as before).
    bool shareClock = creating;
    if (creating) {
        auto known = m_db->prepare(QStringLiteral("SELECT 1 FROM field_clock WHERE tbl = ? AND row_id = ? LIMIT 1"));
        known.bind(1, qint64(t->code)).bind(2, id);
        shareClock = !known.step();
    }

    // A new row's fields share one version (in the row) and wait in the outbox as one row (docs/sync.md#outbox);
    // an edit of a field of a row whose creation still waits takes that field out of it (below).
    const bool pack = shareClock && std::all_of(codes.begin(), codes.end(), [](int code) { return code <= MaxMaskedField; });
    std::vector<std::pair<int, Value>> packed; // (field code, value) of the packed row

    qint64 stamp = 0;
    int changed = 0;
    qint64 createdMask = 0; // the fields of a new row that share its version (in the row's clock columns)
    for (size_t i = 0; i < fields.size(); ++i) {
        const FieldWrite &w = fields[i];
        // A new row starts all null except deleted, which the schema makes 0.
        const Value current = creating ? (w.field == QLatin1String("deleted") ? Value(0) : Value()) : value(t->name, id, w.field);
        if (current == w.value)
            continue; // writing the same value again is not a change (a new row starts all null)
        if (stamp == 0 && asOf) {
            stamp = *asOf;
        } else if (stamp == 0) {
            // Another connection to this file (the sync thread, a `clc` command) may have seen a later
            // stamp; under the write lock its saved clock is current, so stamps stay increasing.
            const qint64 saved = m_db->scalar(QStringLiteral("SELECT value FROM meta WHERE key='hlc'")).toInt();
            if (saved > m_clock.last())
                m_clock.restore(saved);
            stamp = m_clock.now();
        }
        m_db->prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(t->name, w.field)).bind(1, w.value).bind(2, id).exec();
        deriveColumns(*t, id, w.field, w.value);

        const int code = codes[i];
        Value baseHlc, baseReplica;
        if (shareClock && code <= MaxMaskedField) {
            createdMask |= qint64(1) << code; // a row new here has no version yet: no base
        } else {
            if (const auto base = clockOf(*t, id, code)) {
                baseHlc = base->first;
                baseReplica = base->second;
            }
            m_db->prepare(QStringLiteral("INSERT INTO field_clock (tbl, row_id, field, hlc, replica) VALUES (?, ?, ?, ?, ?) "
                                         "ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, replica = excluded.replica"))
                .bind(1, qint64(t->code)).bind(2, id).bind(3, qint64(code)).bind(4, stamp).bind(5, qint64(m_replicaNo))
                .exec();
        }

        if (pack) {
            // The same field twice in one write: the last value, as the outbox would coalesce it.
            const auto same = std::find_if(packed.begin(), packed.end(), [code](const auto &p) { return p.first == code; });
            if (same != packed.end())
                same->second = w.value;
            else
                packed.emplace_back(code, w.value);
            ++changed;
            continue;
        }
        // A field of a new row whose creation still waits, packed: it leaves the packed row (which
        // keeps its place, so the row still goes before rows written after it) and waits on its own
        // with no base, as nobody outside has seen a version of it.
        if (!creating && takeFromWaitingRow(*t, id, code)) {
            baseHlc = Value();
            baseReplica = Value();
        }
        // One pending change per field: a second edit before the push replaces the first but keeps the
        // base the first one saw, which is the version known outside this device. A change already in a
        // batch being pushed is frozen (a retry must send the same bytes), so the edit queues behind it.
        // (field >= 0 written out: it lets SQLite use the outbox's partial index.)
        auto pending = m_db->prepare(QStringLiteral("SELECT seq FROM outbox WHERE tbl = ? AND row_id = ? AND field = ? AND field >= 0 "
                                                    "AND error IS NULL AND " CLC_NOT_FROZEN));
        pending.bind(1, qint64(t->code)).bind(2, id).bind(3, qint64(code));
        if (pending.step()) {
            const qint64 seq = pending.integer(0);
            m_db->prepare(QStringLiteral("UPDATE outbox SET value = ?, hlc = ?, replica = ? WHERE seq = ?"))
                .bind(1, w.value).bind(2, stamp).bind(3, qint64(m_replicaNo)).bind(4, seq).exec();
        } else {
            m_db->prepare(QStringLiteral("INSERT INTO outbox (tbl, row_id, field, value, hlc, replica, base_hlc, base_replica) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
                .bind(1, qint64(t->code)).bind(2, id).bind(3, qint64(code)).bind(4, w.value).bind(5, stamp)
                .bind(6, qint64(m_replicaNo)).bind(7, baseHlc).bind(8, baseReplica)
                .exec();
        }
        ++changed;
    }
    if (createdMask)
        m_db->prepare(QStringLiteral("UPDATE %1 SET clock_hlc = ?, clock_replica = ?, clock_fields = ? WHERE id = ?").arg(t->name))
            .bind(1, stamp).bind(2, qint64(m_replicaNo)).bind(3, createdMask).bind(4, id).exec();
    if (!packed.empty()) {
        // Keys in field-code order (its centre, field 0, first): outbox_changes yields them so. At most
        // 63 fields (MaxMaskedField), so json_object gets at most 126 arguments (SQLite allows 127).
        std::sort(packed.begin(), packed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QStringList pairs;
        qint64 mask = 0;
        for (const auto &p : packed) {
            pairs << QStringLiteral("?,?");
            mask |= qint64(1) << p.first;
        }
        auto insert = m_db->prepare(QStringLiteral("INSERT INTO outbox (tbl, row_id, field, value, hlc, replica, fields) "
                                                   "VALUES (?, ?, -1, json_object(%1), ?, ?, ?)").arg(pairs.join(QLatin1Char(','))));
        insert.bind(1, qint64(t->code)).bind(2, id);
        int at = 3;
        for (const auto &p : packed) {
            insert.bind(at, QString::number(p.first)).bind(at + 1, p.second);
            at += 2;
        }
        insert.bind(at, stamp).bind(at + 1, qint64(m_replicaNo)).bind(at + 2, mask).exec();
    }
    if (stamp != 0 && !asOf)
        setMeta(MetaKey::Hlc, m_clock.last());
    tx.commit();
    return changed;
}

bool Store::takeFromWaitingRow(const TableDef &t, const QString &id, int field)
{
    // A packed row is the row's creation here and has the stamp of the row's clock (both written by
    // that one write), by which the outbox finds it (migration 13). Not frozen in a batch being
    // pushed (that one is resent as it is); refused ones stay as they are.
    qint64 seq = 0;
    {
        auto waiting = m_db->prepare(QStringLiteral("SELECT o.seq FROM %1 r CROSS JOIN outbox o ON o.field = -1 AND o.hlc = r.clock_hlc "
                                                    "AND o.tbl = ? AND o.row_id = r.id WHERE r.id = ? AND o.error IS NULL "
                                                    "AND (o.fields >> ?) & 1 AND " CLC_NOT_FROZEN) // seq: the outbox's, no synced table has one
                                         .arg(t.name));
        waiting.bind(1, qint64(t.code)).bind(2, id).bind(3, qint64(field));
        if (!waiting.step())
            return false;
        seq = waiting.integer(0);
    }
    removeFromPackedRow(seq, field);
    return true;
}

void Store::removeFromPackedRow(qint64 seq, int field)
{
    m_db->prepare(QStringLiteral("UPDATE outbox SET value = json_remove(value, ?), fields = fields & ~(1 << ?) WHERE seq = ? AND field = -1"))
        .bind(1, QStringLiteral("$.\"%1\"").arg(field)).bind(2, qint64(field)).bind(3, seq).exec();
    m_db->prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ? AND field = -1 AND fields = 0")).bind(1, seq).exec();
}

void Store::deriveColumns(const TableDef &t, const QString &id, const QString &field, const Value &v)
{
    if (t.name == QLatin1String("people") && field == QLatin1String("full_name"))
        m_db->prepare(QStringLiteral("UPDATE people SET search_key = ? WHERE id = ?")).bind(1, vn::fold(v.toText())).bind(2, id).exec();
}

} // namespace clc
