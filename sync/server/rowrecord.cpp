#include "rowrecord.h"
#include "error.h"
#include "serverlog.h"

#include <QDataStream>
#include <QIODevice>
#include <QVarLengthArray>
#include <algorithm>
#include <utility>

namespace clc::sync {

namespace {

constexpr quint8 Format = 1;

QString readText(QDataStream &in)
{
    QByteArray b;
    in >> b;
    return QString::fromUtf8(b);
}

} // namespace

size_t qHash(const RecordKey &k, size_t seed) { return qHashMulti(seed, k.centre, k.table, k.row); }

QByteArray encodeWrites(const std::vector<RowWrite> &writes)
{
    // The bytes QDataStream (Qt_6_0) writes for this layout, written directly: through a QBuffer it
    // was a tenth of a push's server time. Big-endian integers; a byte array as its 32-bit length
    // and bytes, a null one as 0xFFFFFFFF. decodeWrites reads it with QDataStream;
    // tests/sync/server/test_rowrecord.cpp checks the two forms are the same bytes.
    // Built in a buffer whose appends are inline, texts without a conversion where they are ASCII
    // (ids, roles, statuses: their UTF-8 is their UTF-16 narrowed): the encoding was a fifth of the
    // server's writing of records.
    QVarLengthArray<char, 1024> out;
    auto put = [&out](quint64 v, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
            out.append(char((v >> shift) & 0xff));
    };
    auto text = [&](const QString &s) {
        const char16_t *u = reinterpret_cast<const char16_t *>(s.constData());
        const qsizetype n = s.size();
        if (n > 0 && std::all_of(u, u + n, [](char16_t c) { return c < 0x80; })) {
            put(quint32(n), 4);
            for (qsizetype i = 0; i < n; ++i)
                out.append(char(u[i]));
            return;
        }
        const QByteArray utf8 = s.toUtf8(); // null stays null (0xFFFFFFFF), empty stays empty
        if (utf8.isNull()) {
            put(0xffffffffu, 4);
            return;
        }
        put(quint32(utf8.size()), 4);
        out.append(utf8.constData(), utf8.size());
    };
    out.reserve(64 * qsizetype(writes.size()));
    put(Format, 1);
    put(quint32(writes.size()), 4);
    for (const RowWrite &w : writes) {
        put(quint64(w.version.hlc), 8);
        text(w.version.replica);
        text(w.device);
        text(w.role);
        put(quint32(qint32(w.newer)), 4);
        put(quint64(w.seq), 8);
        put(quint32(w.fields.size()), 4);
        for (const RowWrite::Field &f : w.fields) {
            put(quint32(qint32(f.field)), 4);
            if (f.value.isInt()) {
                put(1, 1);
                put(quint64(f.value.toInt()), 8);
            } else if (f.value.isText()) {
                put(2, 1);
                text(f.value.toText());
            } else {
                put(0, 1);
            }
            put(f.base ? 1 : 0, 1);
            if (f.base) {
                put(quint64(f.base->hlc), 8);
                text(f.base->replica);
            }
        }
    }
    return QByteArray(out.constData(), out.size());
}

std::vector<RowWrite> decodeWrites(const QByteArray &bytes, qint64 recordSeq)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    quint8 format = 0;
    quint32 count = 0;
    in >> format >> count;
    auto damaged = [] { return Error(Error::Code::Database, QStringLiteral("a stored row record is damaged")); };
    if (format != Format || count > 100000)
        throw damaged();
    std::vector<RowWrite> writes(count);
    for (RowWrite &w : writes) {
        quint32 fields = 0;
        qint32 newer = 0;
        in >> w.version.hlc;
        w.version.replica = readText(in);
        w.device = readText(in);
        w.role = readText(in);
        in >> newer >> w.seq >> fields;
        w.newer = newer;
        if (w.seq == 0)
            w.seq = recordSeq;
        if (fields > 100000 || in.status() != QDataStream::Ok)
            throw damaged();
        w.fields.resize(fields);
        for (RowWrite::Field &f : w.fields) {
            qint32 code = 0;
            quint8 type = 0, hasBase = 0;
            in >> code >> type;
            f.field = code;
            if (type == 1) {
                qint64 i = 0;
                in >> i;
                f.value = Value(i);
            } else if (type == 2) {
                f.value = Value(readText(in));
            }
            in >> hasBase;
            if (hasBase) {
                Version b;
                in >> b.hlc;
                b.replica = readText(in);
                f.base = b;
            }
        }
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        throw damaged();
    return writes;
}

std::optional<RowRecord> decodeRecord(const RecordKey &key, qint64 seq, const QByteArray &writes)
{
    try {
        return RowRecord{key, seq, decodeWrites(writes, seq), true};
    } catch (const Error &e) {
        qCCritical(lcServerStore).noquote() << e.message() << "- skipped: centre" << key.centre << "table" << key.table << "row" << key.row;
        return std::nullopt;
    }
}

std::optional<StoredChange> latestIn(const RowRecord &r, int field)
{
    for (const RowWrite &w : r.writes)
        for (const RowWrite::Field &f : w.fields)
            if (f.field == field)
                return StoredChange{Change{r.key.table, r.key.row, field, f.value, w.version, f.base, false, {}}, r.key.centre, w.device, w.role,
                                    w.seq ? w.seq : r.seq, w.newer};
    return std::nullopt;
}

QString soleWriter(const RowRecord &r)
{
    if (r.writes.empty())
        return {};
    for (const RowWrite &w : r.writes)
        if (w.device != r.writes.front().device)
            return {};
    return r.writes.front().device;
}

bool PullFilter::allows(int table, const RowWrite &w) const
{
    // Every write of a row that moved past the cursor goes, not only those that arrived after it: a
    // device may have passed a write's old place after the row had already moved on from there.
    if (w.device == excludeDevice)
        return false;
    const bool listed = std::find(tables.begin(), tables.end(), table) != tables.end();
    return (listed && (w.newer == 0 || newerTablesAbove >= 0)) || (newerTablesAbove >= 0 && w.newer > 0 && table > newerTablesAbove);
}

int expand(const RowRecord &r, const PullFilter &filter, std::vector<StoredChange> &out)
{
    // A row's fields in code order, as a device wrote them: its centre (field 0) first.
    struct At
    {
        int field;
        size_t write, index;
    };
    std::vector<At> at;
    for (size_t w = 0; w < r.writes.size(); ++w)
        if (filter.allows(r.key.table, r.writes[w]))
            for (size_t i = 0; i < r.writes[w].fields.size(); ++i)
                at.push_back(At{r.writes[w].fields[i].field, w, i});
    std::sort(at.begin(), at.end(), [](const At &a, const At &b) { return a.field < b.field; });
    for (const At &a : at) {
        const RowWrite &w = r.writes[a.write];
        const RowWrite::Field &f = w.fields[a.index];
        out.push_back(StoredChange{Change{r.key.table, r.key.row, f.field, f.value, w.version, f.base, false, {}}, r.key.centre, w.device, w.role,
                                   r.seq, w.newer});
    }
    return int(at.size());
}

qint64 messageBytes(const Change &c) { return messageBytes(c.row, c.value); }

qint64 messageBytes(const QString &row, const Value &value)
{
    return 64 + row.size() + (value.isText() ? value.toText().toUtf8().size() * 2 : 0);
}

bool PageBuilder::add(const RowRecord &r)
{
    m_row.clear();
    if (expand(r, m_filter, m_row) == 0)
        return true;
    if (!m_page.changes.empty() && m_page.changes.size() + m_row.size() > size_t(m_limit)) {
        m_page.more = true;
        return false;
    }
    m_page.changes.insert(m_page.changes.end(), m_row.begin(), m_row.end());
    return true;
}

QStringList conflictsToDrop(const QStringList &owned, qint64 keep, const std::function<bool(const QString &row)> &resolved)
{
    QStringList drop;
    qint64 over = owned.size() - keep;
    for (int i = 0; i < owned.size() && over > 0; ++i)
        if (resolved(owned[i])) {
            drop << owned[i];
            --over;
        }
    return drop;
}

std::optional<RowRecord> RecordAssembler::add(const StoredChange &s)
{
    const RecordKey key{s.centre, s.change.table, s.change.row};
    std::optional<RowRecord> done;
    if (m_current && !(m_current->key == key))
        done = std::exchange(m_current, std::nullopt);
    if (!m_current)
        m_current = RowRecord{key, 0, {}};
    m_current->writes.push_back(RowWrite{s.change.version, s.device, s.role, s.newer, s.seq, {{s.change.field, s.change.value, s.change.base}}});
    m_current->seq = std::max(m_current->seq, s.seq);
    return done;
}

std::optional<RowRecord> RecordAssembler::finish() { return std::exchange(m_current, std::nullopt); }

RecordBuffer::Slot &RecordBuffer::slot(const RecordKey &key)
{
    if (m_last && *m_lastKey == key)
        return *m_last;
    auto [it, added] = m_records.try_emplace(key);
    if (added) {
        try {
            it->second.record = m_load(key);
        } catch (...) {
            m_records.erase(it); // not read: the next lookup reads it again
            throw;
        }
    }
    m_lastKey = &it->first;
    m_last = &it->second;
    return *m_last;
}

std::optional<StoredChange> RecordBuffer::latest(const RecordKey &key, int field)
{
    const std::optional<RowRecord> &r = slot(key).record;
    return r ? latestIn(*r, field) : std::nullopt;
}

bool RecordBuffer::exists(const RecordKey &key) { return slot(key).record.has_value(); }

qint64 RecordBuffer::bytes(const RecordKey &key)
{
    const std::optional<RowRecord> &r = slot(key).record;
    qint64 total = 0;
    if (r)
        for (const RowWrite &w : r->writes)
            for (const RowWrite::Field &f : w.fields)
                total += messageBytes(key.row, f.value);
    return total;
}

void RecordBuffer::remember(const RecordKey &key, std::optional<RowRecord> record)
{
    m_records.try_emplace(key, Slot{std::move(record), false}); // a slot already there stays as it is
}

void RecordBuffer::put(const StoredChange &s)
{
    const Change &c = s.change;
    Slot &entry = slot(RecordKey{s.centre, c.table, c.row});
    std::optional<RowRecord> &r = entry.record;
    if (!r)
        r = RowRecord{RecordKey{s.centre, c.table, c.row}, 0, {}};
    if (!entry.changed) {
        entry.changed = true;
        m_order.push_back(&entry);
    }
    // The field leaves the write that set it before (a write left with no field is gone).
    for (auto w = r->writes.begin(); w != r->writes.end();) {
        w->fields.erase(std::remove_if(w->fields.begin(), w->fields.end(), [&c](const RowWrite::Field &f) { return f.field == c.field; }),
                        w->fields.end());
        w = w->fields.empty() ? r->writes.erase(w) : w + 1;
    }
    auto pending = std::find_if(r->writes.begin(), r->writes.end(), [&](const RowWrite &w) {
        return w.seq == 0 && w.version == c.version && w.device == s.device && w.role == s.role && w.newer == s.newer;
    });
    if (pending == r->writes.end()) {
        r->writes.push_back(RowWrite{c.version, s.device, s.role, s.newer, 0, {}});
        pending = r->writes.end() - 1;
    }
    pending->fields.push_back(RowWrite::Field{c.field, c.value, c.base});
}

std::vector<RowRecord> RecordBuffer::takeChanged()
{
    std::vector<RowRecord> out;
    out.reserve(m_order.size());
    for (Slot *changed : m_order)
        if (changed->record.has_value())
            out.push_back(std::move(*changed->record)); // forgotten below
    clear();
    return out;
}

void RecordBuffer::clear()
{
    m_records.clear();
    m_order.clear();
    m_last = nullptr;
    m_lastKey = nullptr;
}

} // namespace clc::sync
