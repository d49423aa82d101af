#include "syncservice.h"
#include "serverlog.h"
#include "error.h"
#include "merge.h"
#include "migrations.h"
#include "rowrecord.h"
#include "schema.h"
#include "translate.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <set>
#include <unordered_map>

namespace clc::sync {

namespace {

/// A row of the pushing device's centre, and one of its fields, as sets in a push key them.
struct RowKey
{
    int table;
    QString row;
    bool operator==(const RowKey &o) const { return table == o.table && row == o.row; }
};
size_t qHash(const RowKey &k, size_t seed = 0) { return qHashMulti(seed, k.table, k.row); }
struct FieldKey
{
    RowKey row;
    int field;
    bool operator==(const FieldKey &o) const { return field == o.field && row == o.row; }
};
size_t qHash(const FieldKey &k, size_t seed = 0) { return qHashMulti(seed, k.row.table, k.row.row, k.field); }

QByteArray cursorMac(const QByteArray &key, qint64 seq)
{
    return QMessageAuthenticationCode::hash("c2:" + QByteArray::number(seq), key, QCryptographicHash::Sha256).toHex().left(16);
}

/// An opaque cursor: base64url of "c1:SEQ", or with a key "c2:SEQ:MAC", so the server can tell a
/// cursor it made from one a device made up (only its own may start a new epoch, lostHistory).
QString encodeCursor(qint64 seq, const QByteArray &key)
{
    const QByteArray raw = key.isEmpty() ? "c1:" + QByteArray::number(seq) : "c2:" + QByteArray::number(seq) + ':' + cursorMac(key, seq);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// The seq of a cursor; *made is set when this server signed it.
qint64 decodeCursor(const QString &cursor, const QByteArray &key, bool *made)
{
    *made = false;
    if (cursor.isEmpty())
        return 0;
    const QByteArray raw = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    const QList<QByteArray> parts = raw.split(':');
    bool ok = false;
    const qint64 seq = (parts.size() == 2 && parts[0] == "c1") || (parts.size() == 3 && parts[0] == "c2") ? parts[1].toLongLong(&ok) : -1;
    if (!ok || seq < 0)
        throw Error(Error::Code::InvalidInput, Tr::tr("not a cursor this server made"), QStringLiteral("cursor"));
    *made = parts.size() == 3 && !key.isEmpty() && parts[2] == cursorMac(key, seq);
    return seq;
}

} // namespace

SyncService::SyncService(ServerStore &store, HybridClock::WallClock wall)
    : m_store(store), m_wall(wall ? std::move(wall) : HybridClock::WallClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

bool SyncService::isKnown(const Change &c)
{
    const TableDef *t = tableByCode(c.table);
    return !c.unknown && t && c.field >= 0 && size_t(c.field) < t->fields.size();
}

void SyncService::checkMayPush(const Device &device)
{
    if (device.role == Role::Viewer)
        throw Error(Error::Code::Forbidden, Tr::tr("a viewer device cannot send changes"), QStringLiteral("role"));
}

PushResponse SyncService::push(const Device &device, const PushRequest &request, const QByteArray &body)
{
    PushResponse response;
    response.protocol = request.protocol;
    response.batch = request.batch;
    response.serverTime = m_wall();
    response.epoch = m_store.epoch();
    response.maxBatch = MaxChanges; // devices send up to LegacyMaxChanges until told (docs/sync.md#batch-size)
    checkMayPush(device);

    // What the batch holds, to tell a true retry from a reused number: the bytes as they came (cheap),
    // or, compared on a retry only, the request encoded again in each protocol (what earlier releases
    // stored, and what a device sends that changed protocol between push and retry: an app upgraded
    // meanwhile, or one that fell back to 1). Encoders are deterministic, so the same changes give
    // the same bytes in the same protocol.
    auto encodedHash = [&request](int protocol) {
        PushRequest r = request;
        r.protocol = protocol;
        return QCryptographicHash::hash(encode(r), QCryptographicHash::Sha256).toHex();
    };
    auto sameContent = [&](const QByteArray &stored, const QByteArray &hash) {
        if (stored.isEmpty() || stored == hash)
            return true;
        for (int p = OldestProtocolVersion; p <= ProtocolVersion; ++p)
            if (stored == encodedHash(p))
                return true;
        return false;
    };
    const QByteArray hash = body.isEmpty() ? encodedHash(OldestProtocolVersion) : QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    m_store.transaction(device.centre, [&] {
        const auto last = m_store.lastBatch(device.id);
        const qint64 lastNo = last ? last->number : 0;
        if (request.batch <= lastNo) {
            // A device only ever resends its last batch (a retry after a lost acknowledgement), with
            // the same content: answer as before, apply nothing. An older number, or the same number
            // with other content, is a device out of step (restored from an older copy): applying
            // nothing and acknowledging would lose its new edits, so it is told where to go on.
            if (request.batch < lastNo || !sameContent(last->requestHash, hash))
                throw BatchGap(Tr::tr("batch %1 was already used with other changes; send them as batch %2").arg(request.batch).arg(lastNo + 1),
                               lastNo + 1, m_store.epoch(), true);
            response = decodePushResponse(last->response);
            response.protocol = request.protocol;
            response.replay = true;
            response.serverTime = m_wall();
            response.epoch = m_store.epoch();
            response.maxBatch = MaxChanges;
            return;
        }
        if (request.batch != lastNo + 1)
            throw BatchGap(Tr::tr("batch %1 was expected, not %2").arg(lastNo + 1).arg(request.batch), lastNo + 1, m_store.epoch());

        // Rows this batch creates: their centre is the one the batch gives them. A batch that places
        // anything in another centre is refused whole: that is a device out of its scope, not a race.
        // Rows are the centre's own: an id another centre uses is another row (docs/sync.md#server-store).
        // Each row the batch names is looked up once, when a run of its fields starts; every change
        // then finds its row's state by index (a row's fields come one after another).
        struct RowState
        {
            bool givenCentre = false; ///< the batch sets its centre_id (to the sender's centre)
            bool seen = false;        ///< a change of it passed the checks below
            bool isNew = false;       ///< not stored before this batch
            quint64 fields = 0;       ///< of a new row, the fields the batch has set so far (bit n: field n)
        };
        struct RowKeyHash
        {
            size_t operator()(const RowKey &k) const noexcept { return qHash(k, QHashSeed::globalSeed()); }
        };
        std::vector<RowState> rows;
        std::vector<int> rowOf(request.changes.size()); // each change's row, an index into rows
        std::unordered_map<RowKey, int, RowKeyHash> rowIndex;
        QSet<FieldKey> farFields; // of a new row, fields set so far past bit 63 (a newer app's)
        const TableDef *centres = table(QStringLiteral("centres"));
        std::vector<std::pair<int, QString>> touched; // every row the batch touches, read at once below
        // A row's fields come one after another: a change of the row before it needs no lookup.
        auto sameRow = [](const Change *a, const Change &b) { return a && a->table == b.table && a->row == b.row; };
        {
            size_t runs = 0;
            const Change *previous = nullptr;
            for (const Change &c : request.changes) {
                runs += !sameRow(previous, c);
                previous = &c;
            }
            rowIndex.reserve(runs);
            rows.reserve(runs);
            touched.reserve(runs);
        }
        const Change *previous = nullptr;
        int current = -1;
        for (size_t i = 0; i < request.changes.size(); ++i) {
            const Change &c = request.changes[i];
            if (c.table == centres->code && c.row != device.centre) // a newer app's field of it too
                throw Error(Error::Code::Forbidden, Tr::tr("the batch changes another centre"), QStringLiteral("centres"));
            if (!sameRow(previous, c)) {
                const auto [at, added] = rowIndex.try_emplace(RowKey{c.table, c.row}, int(rows.size()));
                if (added) {
                    rows.emplace_back();
                    if (c.table != centres->code)
                        touched.emplace_back(c.table, c.row);
                }
                current = at->second;
            }
            previous = &c;
            rowOf[i] = current;
            if (!isKnown(c))
                continue;
            const TableDef *t = tableByCode(c.table);
            if (t && t->fields[size_t(c.field)].name == QLatin1String("centre_id")) {
                if (c.value.toText() != device.centre)
                    throw Error(Error::Code::Forbidden, Tr::tr("the batch places a row in another centre"), QStringLiteral("centre_id"));
                rows[size_t(current)].givenCentre = true;
            }
        }
        m_store.prefetch(device.centre, touched);
        int keptAside = 0;
        const QString roleText = roleName(device.role);
        const TableDef *conflictsTable = table(QStringLiteral("conflicts"));
        const int resolvedField = conflictsTable->fieldCode(QStringLiteral("resolved"));
        qint64 owned = -1; // conflict records this device's pushes made, asked at its first conflict
        int overCap = 0;
        int lastSeen = -1; // the row of the last change that passed the checks
        for (int i = 0; i < int(request.changes.size()); ++i) {
            const Change &c = request.changes[size_t(i)];
            auto reject = [&](const char *code, const QString &reason) { response.rejected.push_back({i, QString::fromLatin1(code), reason}); };
            // A newer app's table or field: never looked up in this schema. Stored as sent and handed on
            // (devices that know it apply it, older ones keep it aside) when this server can still check
            // who may write it: a field of a table it knows, by that table's rule; a table it does not
            // know, only from a role that writes everything. Otherwise kept aside here, acknowledged.
            const bool known = isKnown(c);
            const TableDef *t = tableByCode(c.table);
            if (!known && (c.table == conflictsTable->code || !(t ? mayWrite(device.role, c.table) : mayWriteNewTable(device.role)))) {
                m_store.quarantine(StoredChange{c, device.centre, device.id, roleName(device.role), 0}, QStringLiteral("newer_schema"));
                ++keptAside;
                continue;
            }
            if (known && c.table == conflictsTable->code) {
                // Conflict records are made by the server alone (a forged one could make a coordinator
                // restore a value into the plan); a device may only mark one resolved.
                if (c.field != resolvedField) {
                    reject("role", Tr::tr("conflict records are made by the server; a device may only mark one resolved"));
                    continue;
                }
                if (!m_store.rowExists(device.centre, c.table, c.row)) {
                    m_store.confirmAbsent(device.centre, c.table, c.row);
                    continue; // a record this server no longer keeps (bounded below), or never made: nothing to mark
                }
            }
            if (known && !mayWrite(device.role, c.table)) {
                reject("role", Tr::tr("a %1 may not change %2").arg(roleText, t->name));
                continue;
            }
            // The row: the centre's own (looked up once per row), or new, placed in the centre by this
            // batch. A new row of a table this schema does not know belongs to the sender's centre.
            RowState &row = rows[size_t(rowOf[size_t(i)])];
            const bool again = rowOf[size_t(i)] == lastSeen;
            bool stored = true;
            if (c.table != centres->code && !again && !row.seen && !m_store.rowExists(device.centre, c.table, c.row)) {
                if (!row.givenCentre && t) {
                    m_store.confirmAbsent(device.centre, c.table, c.row);
                    reject("unknown_row", Tr::tr("the row %1 is new but its centre was not sent").arg(c.row));
                    continue;
                }
                stored = false;
            }
            const QString &centre = device.centre;
            StoredChange change{c, centre, device.id, roleText, 0, known ? 0 : std::max(request.schema, syncSchemaVersion() + 1)};
            if (isTooFarAhead(c.version.hlc, response.serverTime)) {
                m_store.quarantine(change, QStringLiteral("clock_ahead"));
                ++keptAside;
                reject("clock_ahead", Tr::tr("the device clock is %1 hours ahead of the server; set the date and time")
                                          .arg((HybridClock::millis(c.version.hlc) - response.serverTime) / 3600000));
                continue;
            }
            // A row stays small enough for a page to carry it whole (a newer app's fields could grow
            // one without bound): what would take it past is kept aside, never dropped silently.
            if (messageBytes(c) + (stored ? m_store.rowBytes(centre, c.table, c.row) : 0) > MaxRowBytes) {
                m_store.quarantine(change, QStringLiteral("row_too_large"));
                ++keptAside;
                reject("row_too_large", Tr::tr("the row would be larger than a message can carry"));
                continue;
            }
            if (!again) {
                if (!stored)
                    row.isNew = true;
                row.seen = true;
                lastSeen = rowOf[size_t(i)];
            }
            // A row new to the server has no earlier change of a field this batch has not set yet.
            bool firstOfNewRow = false;
            if (row.isNew && c.field >= 0 && c.field < 64) {
                firstOfNewRow = !((row.fields >> c.field) & 1);
                row.fields |= quint64(1) << c.field;
            } else if (row.isNew) {
                const FieldKey key{RowKey{c.table, c.row}, c.field};
                firstOfNewRow = !farFields.contains(key);
                farFields.insert(key);
            }
            auto merge = [&](const StoredChange &s, bool detect) {
                const auto latest = &s == &change && firstOfNewRow ? std::nullopt
                                                                   : m_store.latest(s.centre, s.change.table, s.change.row, s.change.field);
                const Decision d = decide(latest ? std::optional<Current>(Current{latest->change.version, latest->change.value})
                                                 : std::nullopt,
                                          s.change);
                if (d.apply)
                    m_store.put(s);
                return detect ? d.loser : std::nullopt;
            };
            if (const auto loser = merge(change, known)) {
                const TableDef *conflicts = table(QStringLiteral("conflicts"));
                // One device, broken or hostile, cannot fill the server (and every device) with
                // records: past its bound, its oldest resolved ones make room; if none is resolved,
                // the lost value is kept aside in the quarantine instead, never dropped silently.
                if (owned < 0 || owned >= maxConflictsPerDevice)
                    owned = m_store.trimConflicts(device.centre, device.id, maxConflictsPerDevice - 1, conflicts->code, resolvedField);
                if (owned >= maxConflictsPerDevice) {
                    m_store.quarantine(StoredChange{*loser, centre, device.id, roleText, 0}, QStringLiteral("conflict_cap"));
                    ++keptAside;
                    ++overCap;
                    continue;
                }
                const std::vector<Change> record = conflictRecord(*loser, centre);
                for (const Change &r : record)
                    merge(StoredChange{r, centre, QStringLiteral("server"), QStringLiteral("server"), 0}, false);
                if (!record.empty()) {
                    m_store.noteConflict(device.centre, device.id, record.front().row);
                    ++owned;
                }
            }
        }
        if (keptAside)
            m_store.trimQuarantine(device.id, MaxQuarantinedPerDevice);
        if (overCap)
            qCWarning(lcApi).noquote() << "device" << device.id << "has" << maxConflictsPerDevice << "unresolved conflict records; kept"
                                       << overCap << "more lost values aside in the quarantine";
        // Kept in protocol 1, which every release reads (a server rolled back can still answer a retry).
        PushResponse stored = response;
        stored.protocol = OldestProtocolVersion;
        m_store.setLastBatch(device.id, ServerStore::LastBatch{request.batch, encode(stored), hash});
    });
    // Committed (a replay is answered from the stored answer and stores nothing). The load test reads
    // these lines to prove no batch was stored twice, whichever process received its retries.
    if (!response.replay)
        qCDebug(lcApi).noquote() << "device" << device.id << "batch" << request.batch << "stored:" << request.changes.size() << "changes";
    return response;
}

PullResponse SyncService::pull(const Device &device, const PullRequest &request)
{
    PullResponse response;
    response.protocol = std::clamp(request.protocol, OldestProtocolVersion, ProtocolVersion);
    response.schema = syncSchemaVersion();
    response.serverTime = m_wall();
    const QByteArray key = m_store.cursorKey();
    bool made = false;
    const qint64 after = decodeCursor(request.cursor, key, &made);
    if (made && after > 0 && m_store.lostHistory(after)) {
        // This device saw changes the store no longer holds: devices must send theirs again.
        qCWarning(lcApi).noquote() << "device" << device.id << "has seen changes up to" << after
                                   << "that the store lost; starting a new epoch so devices send them again:" << m_store.renewEpoch();
    }
    response.epoch = m_store.epoch();
    response.maxBatch = MaxChanges;
    const int limit = std::clamp(request.limit, 1, MaxChanges);
    std::vector<int> tables;
    for (const TableDef &t : clc::tables())
        if (mayRead(device.role, t.code))
            tables.push_back(t.code);
    // Changes this server did not know when they arrived: not to a viewer (this server cannot tell
    // whether a new field is for residents' eyes); to others by the table's rule, or for a table this
    // server never knew, to roles that read everything.
    const int newerTablesAbove = mayReadNewTable(device.role) ? int(clc::tables().size()) - 1 : -1;
    ServerStore::Page page = m_store.pull(device.centre, after, limit, tables, newerTablesAbove, device.id);
    response.more = page.more;
    // Capped by size as well as count: a few hundred long texts must still make a page every client
    // can decode (MaxMessageBytes). A row's changes share its seq and are never split (the cursor
    // moves past whole rows); at least one row goes, so the cursor always moves.
    qint64 bytes = 0;
    for (size_t i = 0; i < page.changes.size(); ++i) {
        const Change &c = page.changes[i].change;
        bytes += messageBytes(c);
        if (i > 0 && bytes > MaxPullPageBytes) {
            size_t cut = i;
            while (cut > 0 && page.changes[cut].seq == page.changes[cut - 1].seq)
                --cut;
            if (cut == 0) // one row larger than the cap: it goes alone
                while (cut < page.changes.size() && page.changes[cut].seq == page.changes[0].seq)
                    ++cut;
            if (cut < page.changes.size()) {
                page.changes.resize(cut);
                response.more = true;
            }
            break;
        }
    }
    qint64 last = after;
    for (const StoredChange &s : page.changes) {
        Change c = s.change;
        c.unknown = false; // as the newer device sent it; the page says which schema it takes to know it
        response.changes.push_back(std::move(c));
        response.schema = std::max(response.schema, s.newer);
        last = s.seq;
    }
    // Nothing more to see: skip past the device's own changes and tables it may not read.
    if (!response.more)
        last = std::max(last, page.topSeq);
    response.cursor = encodeCursor(last, key);
    return response;
}

} // namespace clc::sync
