#include "protocol.h"
#include "error.h"
#include "migrations.h"
#include "schema.h"
#include "translate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QHash>

#include <algorithm>
#include <array>
#include <type_traits>

namespace clc::sync {

bool Change::operator==(const Change &o) const
{
    return table == o.table && row == o.row && field == o.field && value == o.value && version == o.version
        && base == o.base && unknown == o.unknown && invalid == o.invalid;
}

namespace {

[[noreturn]] void bad(const QString &path, const QString &why) { throw Error(Error::Code::ParseError, why, path); }

/// A message format this build reads and writes.
bool spoken(qint64 protocol) { return protocol >= OldestProtocolVersion && protocol <= ProtocolVersion; }

// Replica uuids (and in protocol 2 the marks' ids) are sent once per message and referred to by index.
class IndexTable
{
public:
    int indexOf(const QString &uuid)
    {
        auto it = m_index.find(uuid);
        if (it != m_index.end())
            return *it;
        m_list.append(uuid);
        return *m_index.insert(uuid, int(m_list.size()) - 1);
    }
    QJsonArray json() const { return QJsonArray::fromStringList(m_list); }

private:
    QStringList m_list;
    QHash<QString, int> m_index;
};

/// Protocol 2's attendance marks: a mark written whole (its centre, session, person and status in one
/// write, nothing else, no base, its id derived) travels in a run of marks of one centre, session and
/// replica instead of as a group: docs/sync.md#marks.
struct MarkCodes
{
    const TableDef *table = nullptr;
    int centre = -1, session = -1, person = -1, status = -1;
    /// The status letters are the protocol's, not the schema's: a status a later schema adds travels
    /// as a group, so a receiver never meets a letter it cannot read.
    static constexpr char Letters[] = "plea";
    static const std::array<QString, 4> &statuses()
    {
        static const std::array<QString, 4> s{QStringLiteral("present"), QStringLiteral("late"), QStringLiteral("excused"),
                                              QStringLiteral("absent")};
        return s;
    }
    static const MarkCodes &get()
    {
        static const MarkCodes m = [] {
            MarkCodes c;
            c.table = clc::table(QStringLiteral("attendance"));
            c.centre = c.table->fieldCode(QStringLiteral("centre_id"));
            c.session = c.table->fieldCode(QStringLiteral("session_id"));
            c.person = c.table->fieldCode(QStringLiteral("person_id"));
            c.status = c.table->fieldCode(QStringLiteral("status"));
            // The letters stand for values the schema takes: a run decodes to changes that pass
            // validateChange without calling it.
            for (const QString &s : statuses())
                if (!c.table->fields[size_t(c.status)].choices.contains(s))
                    qFatal("protocol 2's status '%s' is not a status of the schema", qPrintable(s));
            return c;
        }();
        return m;
    }
    /// The status letter of changes[i, i+4) if they are a whole mark, else 0.
    char letterOf(const std::vector<Change> &changes, size_t i, size_t end) const
    {
        if (end - i != 4 || changes[i].table != table->code)
            return 0;
        const Change &c = changes[i], &s = changes[i + 1], &p = changes[i + 2], &st = changes[i + 3];
        if (c.field != centre || s.field != session || p.field != person || st.field != status)
            return 0;
        for (size_t k = i; k < end; ++k)
            if (changes[k].base || !changes[k].value.isText())
                return 0;
        // The decoder takes only well-formed ids in "u": anything else travels as a group, where a
        // receiver keeps a bad value aside alone instead of refusing the page.
        if (!isId(c.value.toText()) || !isId(s.value.toText()) || !isId(p.value.toText()))
            return 0;
        const auto k = std::find(statuses().begin(), statuses().end(), st.value.toText());
        return k == statuses().end() ? 0 : Letters[k - statuses().begin()];
    }
};

/// One run of protocol 2's marks: [centre, session, replica, [hlc delta…], [person delta…], "letters"],
/// the ids as indexes into "u", person indexes as deltas from the previous mark's.
struct MarkRun
{
    int centre = 0, session = 0, replica = 0, lastPerson = 0;
    QJsonArray hlcs, people;
    QString letters;
    QJsonArray json() const { return QJsonArray{centre, session, replica, hlcs, people, letters}; }
};

// Rows are sent as groups of fields written together:
//   [table, id or null, hlc delta, replica index, [field, value, …], optional [base per field]]
// where id is null when the receiver can derive it (attendance and link rows), hlc deltas are
// relative to the previous group, and a base is [hlc, replica index] or 0 for none. In protocol 2 a
// run of whole marks is an index into "m" in place of their groups (MarkRun; ids in "u").
QJsonArray encodeChanges(const std::vector<Change> &changes, IndexTable &replicas, int protocol, QJsonArray &runs, IndexTable &ids)
{
    const MarkCodes &marks = MarkCodes::get();
    QJsonArray groups;
    std::optional<MarkRun> run;
    auto closeRun = [&] {
        if (run)
            runs.append(run->json());
        run.reset();
    };
    qint64 previousHlc = 0;
    size_t i = 0;
    while (i < changes.size()) {
        const Change &first = changes[i];
        size_t end = i + 1;
        while (end < changes.size() && changes[end].table == first.table && changes[end].row == first.row
               && changes[end].version == first.version)
            ++end;
        const TableDef *t = tableByCode(first.table);
        QString keyA, keyB;
        if (t && !t->naturalKeyA.isEmpty()) {
            for (size_t k = i; k < end; ++k) {
                if (changes[k].field == t->fieldCode(t->naturalKeyA))
                    keyA = changes[k].value.toText();
                if (changes[k].field == t->fieldCode(t->naturalKeyB))
                    keyB = changes[k].value.toText();
            }
        }
        const bool derivable = t && t->code <= LastTableWithDerivedIds && !keyA.isEmpty() && !keyB.isEmpty() && Store::naturalId(t->name, keyA, keyB) == first.row;
        const char letter = protocol >= 2 && derivable ? marks.letterOf(changes, i, end) : 0;
        if (letter) {
            const int centre = ids.indexOf(changes[i].value.toText()), session = ids.indexOf(keyA);
            const int replica = replicas.indexOf(first.version.replica), person = ids.indexOf(keyB);
            if (!run || run->centre != centre || run->session != session || run->replica != replica) {
                closeRun();
                run = MarkRun{centre, session, replica, 0, {}, {}, {}};
                groups.append(int(runs.size()));
            }
            run->hlcs.append(first.version.hlc - previousHlc);
            run->people.append(person - run->lastPerson);
            run->lastPerson = person;
            run->letters.append(QLatin1Char(letter));
            previousHlc = first.version.hlc;
            i = end;
            continue;
        }
        closeRun();
        QJsonArray fields, bases;
        bool anyBase = false;
        for (size_t k = i; k < end; ++k) {
            fields.append(changes[k].field);
            fields.append(changes[k].value.toJson());
            if (changes[k].base) {
                anyBase = true;
                bases.append(QJsonArray{changes[k].base->hlc, replicas.indexOf(changes[k].base->replica)});
            } else {
                bases.append(0);
            }
        }
        QJsonArray g{first.table, derivable ? QJsonValue() : QJsonValue(first.row), first.version.hlc - previousHlc,
                     replicas.indexOf(first.version.replica), fields};
        if (anyBase)
            g.append(bases);
        groups.append(g);
        previousHlc = first.version.hlc;
        i = end;
    }
    closeRun();
    return groups;
}

/// The whole number at v (path names it in an error). The path is made only when it is needed, for
/// the error: a page decodes two numbers a mark.
template<typename PathFn, typename = std::enable_if_t<std::is_invocable_r_v<QString, PathFn>>>
qint64 integerAt(const QJsonValue &v, PathFn path, qint64 min = std::numeric_limits<qint64>::min())
{
    if (!v.isDouble() || double(v.toInteger()) != v.toDouble())
        bad(path(), Tr::tr("must be a whole number"));
    const qint64 n = v.toInteger();
    if (n < min)
        bad(path(), Tr::tr("must not be below %1").arg(min));
    return n;
}

qint64 integerAt(const QJsonValue &v, const QString &path, qint64 min = std::numeric_limits<qint64>::min())
{
    return integerAt(v, [&path] { return path; }, min);
}

/// An answer's `mb`: 0 when absent (a server before release 10), else at least 1. A newer server may
/// say more than this build takes; the device caps it (SyncSession).
int maxBatchOf(const QJsonObject &o)
{
    const QJsonValue v = o.value(QStringLiteral("mb"));
    if (v.isUndefined())
        return 0;
    return int(std::min<qint64>(integerAt(v, QStringLiteral("mb"), 1), std::numeric_limits<int>::max()));
}

QString replicaAt(const QStringList &replicas, const QJsonValue &v, const QString &path)
{
    const qint64 i = integerAt(v, path, 0);
    if (i >= replicas.size())
        bad(path, Tr::tr("replica index %1 out of range").arg(i));
    return replicas[int(i)];
}

QStringList idsAt(const QJsonValue &value, const QString &path, const QString &what)
{
    if (!value.isArray())
        bad(path, Tr::tr("must be a list"));
    QStringList ids;
    const QJsonArray a = value.toArray();
    ids.reserve(a.size());
    for (int i = 0; i < a.size(); ++i) {
        if (!a[i].isString() || !isId(a[i].toString()))
            bad(QStringLiteral("%1[%2]").arg(path).arg(i), what);
        ids << a[i].toString();
    }
    return ids;
}

/// Protocol 2's run of marks (MarkRun) at m[index], appended to out as four changes per mark.
void decodeMarkRun(const QJsonValue &value, int index, const QStringList &ids, const QStringList &replicas, qint64 &hlc,
                   std::vector<Change> &out)
{
    const MarkCodes &marks = MarkCodes::get();
    const QString rp = QStringLiteral("m[%1]").arg(index);
    const QJsonArray run = value.toArray();
    if (!value.isArray() || run.size() != 6)
        bad(rp, Tr::tr("a run of marks is [centre, session, replica, stamps, people, statuses]"));
    auto idAt = [&](int k) {
        const qint64 i = integerAt(run[k], rp + QStringLiteral("[%1]").arg(k), 0);
        if (i >= ids.size())
            bad(rp + QStringLiteral("[%1]").arg(k), Tr::tr("id index %1 out of range").arg(i));
        return ids[int(i)];
    };
    const QString centre = idAt(0), session = idAt(1);
    const QString replica = replicaAt(replicas, run[2], rp + QStringLiteral("[2]"));
    const QJsonArray hlcs = run[3].toArray(), people = run[4].toArray();
    const QString letters = run[5].toString();
    if (!run[3].isArray() || !run[4].isArray() || !run[5].isString() || letters.isEmpty() || hlcs.size() != letters.size()
        || people.size() != letters.size())
        bad(rp, Tr::tr("a run needs as many stamps and people as statuses, at least one"));
    const size_t needed = out.size() + 4 * size_t(letters.size());
    if (needed > size_t(MaxChanges)) // checked before anything is made of it
        bad(QStringLiteral("c"), Tr::tr("more than %1 changes in one message").arg(MaxChanges));
    if (needed > out.capacity())
        out.reserve(std::max(needed, 2 * out.capacity()));
    qint64 person = 0;
    for (int j = 0; j < letters.size(); ++j) {
        auto at = [&rp, j](int k) { return [&rp, j, k] { return rp + QStringLiteral("[%1][%2]").arg(k).arg(j); }; };
        if (__builtin_add_overflow(hlc, integerAt(hlcs[j], at(3)), &hlc) || hlc < 0)
            bad(at(3)(), Tr::tr("the stamp is negative or too large"));
        if (__builtin_add_overflow(person, integerAt(people[j], at(4)), &person) || person < 0 || person >= ids.size())
            bad(at(4)(), Tr::tr("id index %1 out of range").arg(person));
        const qsizetype letter = QLatin1String(MarkCodes::Letters).indexOf(letters[j]);
        if (letter < 0)
            bad(rp + QStringLiteral("[5][%1]").arg(j), Tr::tr("'%1' is not a status letter (p, l, e or a)").arg(letters[j]));
        const QString &who = ids[int(person)];
        const QString row = Store::naturalId(marks.table->name, session, who);
        const Version version{hlc, replica};
        const std::pair<int, QString> fields[] = {{marks.centre, centre}, {marks.session, session}, {marks.person, who},
                                                  {marks.status, MarkCodes::statuses()[size_t(letter)]}};
        for (const auto &[field, v] : fields)
            out.push_back(Change{marks.table->code, row, field, Value(v), version, std::nullopt, false, {}});
    }
}

/// lenient (a pull page): a change whose value this schema refuses is marked invalid instead of
/// refusing the message; the shape of the message is still checked whole.
std::vector<Change> decodeChanges(const QJsonObject &o, int senderSchema, bool lenient, int protocol)
{
    const QStringList replicas = idsAt(o.value(QStringLiteral("r")), QStringLiteral("r"), Tr::tr("is not a replica id"));
    QStringList ids;
    QJsonArray runs;
    if (protocol >= 2 && o.contains(QStringLiteral("m"))) {
        ids = idsAt(o.value(QStringLiteral("u")), QStringLiteral("u"), Tr::tr("is not an id"));
        if (!o.value(QStringLiteral("m")).isArray())
            bad(QStringLiteral("m"), Tr::tr("must be a list"));
        runs = o.value(QStringLiteral("m")).toArray();
    }
    const QJsonValue groupsValue = o.value(QStringLiteral("c"));
    if (!groupsValue.isArray())
        bad(QStringLiteral("c"), Tr::tr("must be a list"));
    const bool newerSender = senderSchema > syncSchemaVersion();
    std::vector<Change> out;
    // Room for the marks at once (four changes each; a page holds tens of thousands), bounded by
    // what a message may hold: growing the vector moved them all several times.
    qsizetype marks = 0;
    for (const QJsonValue run : std::as_const(runs))
        if (run.isArray() && run.toArray().size() == 6)
            marks += run.toArray().at(5).toString().size();
    out.reserve(size_t(std::min<qsizetype>(4 * marks, MaxChanges)));
    qint64 hlc = 0;
    int runsRead = 0;
    const QJsonArray groups = groupsValue.toArray();
    for (int g = 0; g < groups.size(); ++g) {
        const QString gp = QStringLiteral("c[%1]").arg(g);
        if (groups[g].isDouble() && protocol >= 2) {
            // Runs come in order, each once: a message cannot repeat or reorder marks behind its groups.
            if (integerAt(groups[g], gp) != runsRead || runsRead >= runs.size())
                bad(gp, Tr::tr("must be %1, the next run of marks").arg(runsRead));
            decodeMarkRun(runs[runsRead], runsRead, ids, replicas, hlc, out);
            ++runsRead;
            continue;
        }
        if (!groups[g].isArray())
            bad(gp, Tr::tr("must be a list"));
        const QJsonArray a = groups[g].toArray();
        if (a.size() != 5 && a.size() != 6)
            bad(gp, Tr::tr("must have 5 or 6 elements"));
        const qint64 tableCode = integerAt(a[0], gp + QStringLiteral("[0]"), 0);
        if (tableCode > MaxCode)
            bad(gp + QStringLiteral("[0]"), Tr::tr("table code %1 is out of range (0–%2)").arg(tableCode).arg(MaxCode));
        const TableDef *t = tableByCode(int(tableCode));
        if (!t && !newerSender)
            bad(gp + QStringLiteral("[0]"), Tr::tr("unknown table %1").arg(tableCode));
        if (!t && tableCode > qint64(tables().size()) - 1 + MaxNewCodes)
            bad(gp + QStringLiteral("[0]"), Tr::tr("table code %1 is out of range (a newer schema adds at most %2)").arg(tableCode).arg(MaxNewCodes));
        if (__builtin_add_overflow(hlc, integerAt(a[2], gp + QStringLiteral("[2]")), &hlc) || hlc < 0)
            bad(gp + QStringLiteral("[2]"), Tr::tr("the stamp is negative or too large"));
        const Version version{hlc, replicaAt(replicas, a[3], gp + QStringLiteral("[3]"))};
        if (!a[4].isArray() || a[4].toArray().isEmpty() || a[4].toArray().size() % 2 != 0)
            bad(gp + QStringLiteral("[4]"), Tr::tr("must list field, value pairs"));
        const QJsonArray fields = a[4].toArray();
        const QJsonArray bases = a.size() == 6 ? a[5].toArray() : QJsonArray();
        if (a.size() == 6 && (!a[5].isArray() || bases.size() != fields.size() / 2))
            bad(gp + QStringLiteral("[5]"), Tr::tr("must have one base per field"));

        std::vector<Change> group;
        QString keyA, keyB;
        for (int k = 0; k < fields.size(); k += 2) {
            const QString fp = gp + QStringLiteral("[4][%1]").arg(k);
            Change c;
            c.table = int(tableCode);
            const qint64 fieldCode = integerAt(fields[k], fp, 0);
            if (fieldCode > MaxCode)
                bad(fp, Tr::tr("field code %1 is out of range (0–%2)").arg(fieldCode).arg(MaxCode));
            c.field = int(fieldCode);
            c.version = version;
            const QJsonValue v = fields[k + 1];
            if (!v.isNull() && !v.isString() && !(v.isDouble() && double(v.toInteger()) == v.toDouble()))
                bad(fp, Tr::tr("a value must be text, a whole number or null"));
            c.value = v.isDouble() ? Value(v.toInteger()) : Value::fromJson(v);
            if (!bases.isEmpty() && !bases[k / 2].isDouble()) {
                const QString bp = gp + QStringLiteral("[5][%1]").arg(k / 2);
                const QJsonArray b = bases[k / 2].toArray();
                if (b.size() != 2)
                    bad(bp, Tr::tr("a base is [stamp, replica]"));
                c.base = Version{integerAt(b[0], bp, 0), replicaAt(replicas, b[1], bp)};
            }
            const FieldDef *f = t && size_t(c.field) < t->fields.size() ? &t->fields[size_t(c.field)] : nullptr;
            if (!f) {
                if (!newerSender)
                    bad(fp, Tr::tr("unknown field %1 of %2").arg(c.field).arg(t ? t->name : QString::number(tableCode)));
                if (t && fieldCode > qint64(t->fields.size()) - 1 + MaxNewCodes)
                    bad(fp, Tr::tr("field code %1 is out of range (a newer schema adds at most %2)").arg(fieldCode).arg(MaxNewCodes));
                c.unknown = true;
                if (c.value.isText() && c.value.toText().size() > 100000)
                    bad(fp, Tr::tr("is longer than %1 characters").arg(100000));
                if (c.value.isText()) {
                    try {
                        checkStorableText(c.value.toText(), fp);
                    } catch (const Error &e) {
                        bad(fp, e.message());
                    }
                }
            } else if (!t->naturalKeyA.isEmpty()) {
                if (f->name == t->naturalKeyA)
                    keyA = c.value.toText();
                if (f->name == t->naturalKeyB)
                    keyB = c.value.toText();
            }
            group.push_back(std::move(c));
        }
        QString row;
        if (a[1].isNull()) {
            if (!t || keyA.isEmpty() || keyB.isEmpty())
                bad(gp + QStringLiteral("[1]"), Tr::tr("the row id is missing and cannot be derived"));
            row = Store::naturalId(t->name, keyA, keyB);
        } else if (a[1].isString() && isId(a[1].toString())) {
            row = a[1].toString();
        } else {
            bad(gp + QStringLiteral("[1]"), Tr::tr("is not a row id"));
        }
        for (size_t k = 0; k < group.size(); ++k) {
            group[k].row = row;
            if (!group[k].unknown) {
                try {
                    validateChange(group[k], gp + QStringLiteral("[4][%1]").arg(2 * k + 1));
                } catch (const Error &e) {
                    if (!lenient)
                        throw;
                    group[k].invalid = e.describe();
                }
            }
            out.push_back(std::move(group[k]));
        }
        if (out.size() > size_t(MaxChanges))
            bad(QStringLiteral("c"), Tr::tr("more than %1 changes in one message").arg(MaxChanges));
    }
    if (runsRead != runs.size())
        bad(QStringLiteral("m"), Tr::tr("%1 runs of marks, of which %2 are placed in c").arg(runs.size()).arg(runsRead));
    return out;
}

/// How many members the top-level object of valid JSON text has, duplicates counted: QJsonDocument
/// keeps only the last of a repeated key, so a message could mean one thing to a reader that takes
/// the first. Only strings and brackets are tracked (the text is already known to be valid JSON).
qsizetype topLevelMembers(const QByteArray &json)
{
    qsizetype members = 0;
    int depth = 0;
    bool inString = false, expectKey = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char ch = json[i];
        if (inString) {
            if (ch == '\\')
                ++i;
            else if (ch == '"')
                inString = false;
            continue;
        }
        switch (ch) {
        case '"':
            inString = true;
            if (depth == 1 && expectKey)
                ++members;
            expectKey = false;
            break;
        case '{':
        case '[':
            ++depth;
            expectKey = depth == 1;
            break;
        case '}':
        case ']':
            --depth;
            break;
        case ',':
            expectKey = depth == 1;
            break;
        default:
            break;
        }
    }
    return members;
}

QJsonObject parseObject(const QByteArray &bytes)
{
    if (bytes.size() > MaxMessageBytes)
        bad(QStringLiteral("body"), Tr::tr("the message is larger than %1 bytes").arg(MaxMessageBytes));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString ignored = utf8.decode(bytes);
    if (utf8.hasError())
        bad(QStringLiteral("body"), Tr::tr("the message is not valid UTF-8"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        bad(QStringLiteral("body"), Tr::tr("not valid JSON at byte %1: %2").arg(err.offset).arg(err.errorString()));
    if (!doc.isObject())
        bad(QStringLiteral("body"), Tr::tr("must be a JSON object"));
    const QJsonObject o = doc.object();
    if (topLevelMembers(bytes) != o.size())
        bad(QStringLiteral("body"), Tr::tr("a key appears twice in the message"));
    const qint64 p = integerAt(o.value(QStringLiteral("p")), QStringLiteral("p"));
    if (!spoken(p))
        bad(QStringLiteral("p"), Tr::tr("unsupported protocol version %1 (this side speaks %2 to %3)").arg(p).arg(OldestProtocolVersion).arg(ProtocolVersion));
    return o;
}

int protocolOf(const QJsonObject &o) { return int(o.value(QStringLiteral("p")).toInteger()); }

/// The message's changes, in protocol 2 with the marks' ids and runs beside them.
void insertChanges(QJsonObject &o, const std::vector<Change> &changes, IndexTable &replicas, int protocol)
{
    QJsonArray runs;
    IndexTable ids;
    o.insert(QStringLiteral("c"), encodeChanges(changes, replicas, protocol, runs, ids));
    o.insert(QStringLiteral("r"), replicas.json());
    if (!runs.isEmpty()) {
        o.insert(QStringLiteral("u"), ids.json());
        o.insert(QStringLiteral("m"), runs);
    }
}

int checkedProtocol(int protocol)
{
    if (!spoken(protocol))
        throw Error(Error::Code::InvalidInput, QStringLiteral("protocol version %1 is not spoken here").arg(protocol), QStringLiteral("p"));
    return protocol;
}

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

} // namespace

void validateChange(const Change &c, const QString &path)
{
    const TableDef *t = tableByCode(c.table);
    if (!t)
        bad(path, Tr::tr("unknown table %1").arg(c.table));
    if (c.field < 0 || size_t(c.field) >= t->fields.size())
        bad(path, Tr::tr("unknown field %1 of %2").arg(c.field).arg(t->name));
    if (!isId(c.row))
        bad(path, Tr::tr("'%1' is not a row id").arg(c.row));
    try {
        validateField(*t, t->fields[size_t(c.field)], c.value);
    } catch (const Error &e) {
        bad(path + QStringLiteral(" (") + e.field() + QLatin1Char(')'), e.message());
    }
}

QByteArray encode(const PushRequest &m)
{
    IndexTable replicas;
    replicas.indexOf(m.replica);
    QJsonObject o{{QStringLiteral("p"), checkedProtocol(m.protocol)}, {QStringLiteral("s"), m.schema}, {QStringLiteral("b"), m.batch}};
    insertChanges(o, m.changes, replicas, m.protocol);
    return compact(o);
}

PushRequest decodePushRequest(const QByteArray &bytes)
{
    const QJsonObject o = parseObject(bytes);
    PushRequest m;
    m.protocol = protocolOf(o);
    m.schema = int(integerAt(o.value(QStringLiteral("s")), QStringLiteral("s"), 1));
    m.batch = integerAt(o.value(QStringLiteral("b")), QStringLiteral("b"), 1);
    const QJsonArray r = o.value(QStringLiteral("r")).toArray();
    if (r.isEmpty() || !isId(r[0].toString()))
        bad(QStringLiteral("r[0]"), Tr::tr("the sending replica is missing"));
    m.replica = r[0].toString();
    m.changes = decodeChanges(o, m.schema, false, m.protocol);
    return m;
}

QByteArray encode(const PushResponse &m)
{
    QJsonArray rejected;
    for (const Rejection &r : m.rejected)
        rejected.append(QJsonArray{r.index, r.code, r.reason});
    QJsonObject o{{QStringLiteral("p"), checkedProtocol(m.protocol)}, {QStringLiteral("b"), m.batch},
                  {QStringLiteral("replay"), m.replay}, {QStringLiteral("x"), rejected},
                  {QStringLiteral("t"), m.serverTime}};
    if (!m.epoch.isEmpty())
        o.insert(QStringLiteral("e"), m.epoch);
    if (m.maxBatch > 0)
        o.insert(QStringLiteral("mb"), m.maxBatch);
    return compact(o);
}

PushResponse decodePushResponse(const QByteArray &bytes)
{
    const QJsonObject o = parseObject(bytes);
    PushResponse m;
    m.protocol = protocolOf(o);
    m.batch = integerAt(o.value(QStringLiteral("b")), QStringLiteral("b"), 0);
    m.replay = o.value(QStringLiteral("replay")).toBool();
    m.serverTime = integerAt(o.value(QStringLiteral("t")), QStringLiteral("t"), 0);
    m.epoch = o.value(QStringLiteral("e")).toString(); // absent from servers before the epoch
    m.maxBatch = maxBatchOf(o);
    const QJsonArray x = o.value(QStringLiteral("x")).toArray();
    for (int i = 0; i < x.size(); ++i) {
        const QJsonArray r = x[i].toArray();
        if (r.size() != 3)
            bad(QStringLiteral("x[%1]").arg(i), Tr::tr("a rejection is [index, code, reason]"));
        m.rejected.push_back({int(integerAt(r[0], QStringLiteral("x[%1][0]").arg(i), 0)), r[1].toString(), r[2].toString()});
    }
    return m;
}

QByteArray encode(const PullResponse &m)
{
    IndexTable replicas;
    QJsonObject o{{QStringLiteral("p"), checkedProtocol(m.protocol)}, {QStringLiteral("s"), m.schema},
                  {QStringLiteral("k"), m.cursor}, {QStringLiteral("more"), m.more},
                  {QStringLiteral("t"), m.serverTime}};
    insertChanges(o, m.changes, replicas, m.protocol);
    if (!m.epoch.isEmpty())
        o.insert(QStringLiteral("e"), m.epoch);
    if (m.maxBatch > 0)
        o.insert(QStringLiteral("mb"), m.maxBatch);
    return compact(o);
}

namespace {
PullResponse decodePull(const QByteArray &bytes, bool changes)
{
    const QJsonObject o = parseObject(bytes);
    PullResponse m;
    m.protocol = protocolOf(o);
    m.schema = int(integerAt(o.value(QStringLiteral("s")), QStringLiteral("s"), 1));
    // A device never refuses a whole page for one value it cannot take: that would stop its sync for
    // good. The value is kept aside with the reason (docs/sync.md#newer).
    if (changes)
        m.changes = decodeChanges(o, m.schema, true, m.protocol);
    if (!o.value(QStringLiteral("k")).isString())
        bad(QStringLiteral("k"), Tr::tr("the cursor is missing"));
    m.cursor = o.value(QStringLiteral("k")).toString();
    m.more = o.value(QStringLiteral("more")).toBool();
    m.serverTime = integerAt(o.value(QStringLiteral("t")), QStringLiteral("t"), 0);
    m.epoch = o.value(QStringLiteral("e")).toString();
    m.maxBatch = maxBatchOf(o);
    return m;
}
} // namespace

PullResponse decodePullResponse(const QByteArray &bytes) { return decodePull(bytes, true); }

PullResponse decodePullHeader(const QByteArray &bytes) { return decodePull(bytes, false); }

} // namespace clc::sync
