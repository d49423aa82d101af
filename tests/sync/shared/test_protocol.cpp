#include "error.h"
#include "migrations.h"
#include "protocol.h"
#include "schema.h"
#include "store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;

namespace {
const QString R1 = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString R2 = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString Session = QStringLiteral("33333333-3333-4333-8333-333333333333");
const QString Person = QStringLiteral("44444444-4444-4444-8444-444444444444");
const QString Centre = QStringLiteral("55555555-5555-4555-8555-555555555555");

int code(const char *t) { return table(QLatin1String(t))->code; }
int field(const char *t, const char *f) { return table(QLatin1String(t))->fieldCode(QLatin1String(f)); }

std::vector<Change> markChanges(const QString &person, qint64 hlc, const QString &session = Session, const QString &centre = Centre)
{
    const QString id = Store::naturalId(QStringLiteral("attendance"), session, person);
    const Version v{hlc, R1};
    return {{code("attendance"), id, field("attendance", "centre_id"), centre, v, std::nullopt, false},
            {code("attendance"), id, field("attendance", "session_id"), session, v, std::nullopt, false},
            {code("attendance"), id, field("attendance", "person_id"), person, v, std::nullopt, false},
            {code("attendance"), id, field("attendance", "status"), QStringLiteral("present"), v, std::nullopt, false}};
}

/// A push of this schema from replica R1 as batch b, holding the given changes.
PushRequest pushOf(qint64 batch, std::vector<Change> changes = {})
{
    PushRequest push;
    push.schema = syncSchemaVersion();
    push.replica = R1;
    push.batch = batch;
    push.changes = std::move(changes);
    return push;
}

QByteArray pushWith(const QByteArray &changesJson, int schema = 3)
{
    return QByteArray("{\"p\":1,\"s\":") + QByteArray::number(schema) + ",\"b\":1,\"r\":[\"" + R1.toLatin1() + "\"],\"c\":" + changesJson + "}";
}

QString errorOf(const QByteArray &bytes)
{
    try {
        decodePushRequest(bytes);
    } catch (const Error &e) {
        return e.field() + QStringLiteral(": ") + e.message();
    }
    return {};
}
} // namespace

TEST_CASE("push and pull messages survive an encode and decode unchanged", "[protocol]")
{
    PushRequest push = pushOf(7, markChanges(Person, 1'000'000'000'000'000LL));
    Change edit{code("people"), Person, field("people", "full_name"), QStringLiteral("Nguyễn Văn Ân"), Version{1'000'000'000'000'500LL, R2},
                Version{999, R1}, false};
    push.changes.push_back(edit);
    push.changes.push_back(Change{code("activities"), Person, field("activities", "budget"), qint64(1500000), Version{5, R1}, std::nullopt, false});
    const PushRequest back = decodePushRequest(encode(push));
    CHECK(back.batch == 7);
    CHECK(back.replica == R1);
    REQUIRE(back.changes.size() == push.changes.size());
    for (size_t i = 0; i < push.changes.size(); ++i)
        CHECK(back.changes[i] == push.changes[i]);

    PullResponse pull;
    pull.schema = syncSchemaVersion();
    pull.changes = push.changes;
    pull.cursor = QStringLiteral("abc");
    pull.more = true;
    pull.serverTime = 42;
    const PullResponse pb = decodePullResponse(encode(pull));
    CHECK(pb.cursor == QStringLiteral("abc"));
    CHECK(pb.more);
    CHECK(pb.serverTime == 42);
    REQUIRE(pb.changes.size() == pull.changes.size());
    for (size_t i = 0; i < pull.changes.size(); ++i)
        CHECK(pb.changes[i] == pull.changes[i]);
}

TEST_CASE("answers say how many changes the server takes in a push, and an answer that does not say reads as 0", "[protocol][batch-size]")
{
    PushResponse push;
    push.batch = 3;
    CHECK_FALSE(encode(push).contains("\"mb\"")); // a server of an earlier release: not said
    CHECK(decodePushResponse(encode(push)).maxBatch == 0);
    push.maxBatch = MaxChanges;
    CHECK(decodePushResponse(encode(push)).maxBatch == MaxChanges);
    PullResponse page;
    page.schema = syncSchemaVersion();
    page.cursor = QStringLiteral("k");
    CHECK(decodePullResponse(encode(page)).maxBatch == 0);
    page.maxBatch = 123456; // a later server may take more than this build sends; the device caps it
    CHECK(decodePullResponse(encode(page)).maxBatch == 123456);
    for (const char *bad : {"0", "-5", "1.5", "\"80000\"", "null"}) {
        INFO(bad);
        const QByteArray answer = QByteArray("{\"p\":2,\"b\":3,\"replay\":false,\"x\":[],\"t\":1,\"mb\":") + bad + "}";
        try {
            decodePushResponse(answer);
            FAIL("accepted");
        } catch (const Error &e) {
            CHECK(e.field() == QLatin1String("mb"));
        }
    }
}

TEST_CASE("an attendance mark's id is not sent: the receiver derives it from session and person", "[protocol]")
{
    PushRequest push = pushOf(1, markChanges(Person, 123456789));
    const QByteArray bytes = encode(push);
    CHECK_FALSE(bytes.contains(Store::naturalId(QStringLiteral("attendance"), Session, Person).toLatin1()));
    CHECK(decodePushRequest(bytes).changes[0].row == Store::naturalId(QStringLiteral("attendance"), Session, Person));
}

TEST_CASE("malformed messages are refused with the element that is wrong", "[protocol][errors]")
{
    const int att = code("attendance");
    // [table, id (derived), hlc, replica, [session_id, …, person_id, …, status, …]]
    auto mark = [&](const QByteArray &statusField, const QByteArray &status) {
        return "[[" + QByteArray::number(att) + ",null,5,0,[" + QByteArray::number(field("attendance", "session_id")) + ",\"" + Session.toLatin1()
            + "\"," + QByteArray::number(field("attendance", "person_id")) + ",\"" + Person.toLatin1() + "\"," + statusField + "," + status + "]]]";
    };
    const QByteArray ok = mark(QByteArray::number(field("attendance", "status")), "\"present\"");
    CHECK(errorOf(pushWith(ok)).isEmpty());
    CHECK(errorOf(pushWith("[[99,\"" + Person.toLatin1() + "\",5,0,[1,\"x\"]]]")).contains(QStringLiteral("unknown table 99")));
    CHECK(errorOf(pushWith(mark("40", "\"x\""))).contains(QStringLiteral("unknown field 40")));
    CHECK(errorOf(pushWith(mark(QByteArray::number(field("attendance", "status")), "\"maybe\""))).contains(QStringLiteral("maybe")));
    CHECK(errorOf(pushWith(mark(QByteArray::number(field("attendance", "status")), "7"))).contains(QStringLiteral("text")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"not-an-id\",5,0,[1,\"A\"]]]")).startsWith(QStringLiteral("c[0][1]")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[6,1950]]]")).contains(QStringLiteral("text")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[3,1850]]]")).contains(QStringLiteral("people.birth_year")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"" + QByteArray(300, 'a') + "\"]]]"))
              .contains(QStringLiteral("200")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,3,[1,\"A\"]]]")).contains(QStringLiteral("replica index")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"\xC3\x28\"]]]")).contains(QStringLiteral("UTF-8")));
    // Text no store keeps exactly (PostgreSQL cuts at a NUL, SQLite keeps it): refused, the field named.
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"L\\u0000An\"]]]"))
              .contains(QStringLiteral("people.full_name")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"L\\u0000An\"]]]"))
              .contains(QStringLiteral("NUL")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"L\\ud800An\"]]]"))
              .startsWith(QStringLiteral("c[0][4]")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[40,\"x\\u0000\"]]]", syncSchemaVersion() + 1))
              .startsWith(QStringLiteral("c[0][4][0]")));
    CHECK(errorOf("{\"p\":3,\"s\":3,\"b\":1,\"r\":[],\"c\":[]}").contains(QStringLiteral("protocol version 3")));
    CHECK(errorOf("{\"p\":0,\"s\":3,\"b\":1,\"r\":[],\"c\":[]}").contains(QStringLiteral("protocol version 0")));
    CHECK(errorOf("{\"p\":1,\"s\":3,\"b\":0,\"r\":[\"" + R1.toLatin1() + "\"],\"c\":[]}").startsWith(QStringLiteral("b")));
    CHECK(errorOf("[1,2,3]").contains(QStringLiteral("object")));
    CHECK(errorOf("{\"p\":1,").contains(QStringLiteral("JSON")));
    // A repeated key could mean one thing to this decoder (the last wins) and another to a reader
    // that takes the first: refused, even where both would be valid.
    const QByteArray twice = "{\"p\":1,\"s\":3,\"b\":1,\"b\":2,\"r\":[\"" + R1.toLatin1() + "\"],\"c\":[]}";
    CHECK(errorOf(twice).contains(QStringLiteral("twice")));
    CHECK(errorOf(twice).startsWith(QStringLiteral("body")));
    // Keys inside strings and nested arrays are not members; escaped quotes do not end a string.
    CHECK(errorOf("{\"p\":1, \"s\":3,\"b\":1,\"x\":[\"b\",{\"b\":1}],\"y\":\"\\\",\\\"b\\\":\",\"r\":[\"" + R1.toLatin1() + "\"],\"c\":[]}").isEmpty());
}

TEST_CASE("fields unknown here are kept, not dropped, when the sender's schema is newer", "[protocol]")
{
    const QByteArray newer = pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"Lê An\",20,\"future\"]]]",
                                      syncSchemaVersion() + 1);
    const PushRequest m = decodePushRequest(newer);
    REQUIRE(m.changes.size() == 2);
    CHECK_FALSE(m.changes[0].unknown);
    CHECK(m.changes[1].unknown);
    CHECK(m.changes[1].value == Value(QStringLiteral("future")));
    // A newer schema adds a few codes, not thousands: far past the last known one is refused.
    const int far = int(table(QStringLiteral("people"))->fields.size()) + MaxNewCodes;
    CHECK(errorOf(pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,[" + QByteArray::number(far) + ",\"x\"]]]",
                           syncSchemaVersion() + 1)).contains(QStringLiteral("out of range")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(int(tables().size()) + MaxNewCodes) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"x\"]]]",
                           syncSchemaVersion() + 1)).contains(QStringLiteral("out of range")));
    CHECK(errorOf(pushWith("[[" + QByteArray::number(int(tables().size()) + MaxNewCodes - 1) + ",\"" + Person.toLatin1() + "\",5,0,[1,\"x\"]]]",
                           syncSchemaVersion() + 1)).isEmpty());
}

TEST_CASE("a pulled value this schema refuses is marked to keep aside, and the page is still read", "[protocol][compat]")
{
    // A page from a server that handed on a newer app's value, which this (newer) schema refuses.
    const QByteArray page = "{\"p\":1,\"s\":" + QByteArray::number(syncSchemaVersion()) + ",\"r\":[\"" + R1.toLatin1() + "\"],\"c\":[[" + QByteArray::number(code("people"))
        + ",\"" + Person.toLatin1() + "\",5,0,[" + QByteArray::number(field("people", "full_name")) + ",\"Lê An\","
        + QByteArray::number(field("people", "birth_year")) + ",99999]]],\"k\":\"YzE6MA\",\"more\":false,\"t\":1}";
    const PullResponse m = decodePullResponse(page);
    REQUIRE(m.changes.size() == 2);
    CHECK(m.changes[0].invalid.isEmpty());
    CHECK(m.changes[1].invalid.contains(QStringLiteral("birth_year")));
    // The same in a push is refused whole: the server takes nothing it cannot check.
    const QByteArray push = pushWith("[[" + QByteArray::number(code("people")) + ",\"" + Person.toLatin1() + "\",5,0,["
                                     + QByteArray::number(field("people", "birth_year")) + ",99999]]]", syncSchemaVersion());
    CHECK(errorOf(push).contains(QStringLiteral("birth_year")));
}

TEST_CASE("a batch of attendance marks costs tens of bytes per mark after gzip", "[protocol][size]")
{
    PushRequest push = pushOf(1);
    qint64 hlc = 1'700'000'000'000LL << 16;
    for (int i = 0; i < 2000; ++i) {
        hlc += 1 + (i % 7) * 65536;
        const auto marks = markChanges(Store::newId(), hlc);
        push.changes.insert(push.changes.end(), marks.begin(), marks.end());
    }
    const QByteArray bytes = encode(push);
    const QByteArray gz = qCompress(bytes, 9); // zlib: the same deflate as gzip, minus an 18-byte header
    const double perMark = double(gz.size()) / 2000.0;
    INFO("bytes per mark: raw " << bytes.size() / 2000.0 << ", compressed " << perMark);
    CHECK(perMark < 40.0);
}

namespace {
QString personNo(int i) { return QStringLiteral("44444444-4444-4444-8444-%1").arg(i, 12, 10, QLatin1Char('0')); }

/// A push as a tablet makes it after a morning: whole marks of two sessions, two centres and two
/// replicas, with other writes between them: a person's name, a mark changed later (status only), a
/// mark written with a base.
std::vector<Change> mixedChanges()
{
    std::vector<Change> out;
    auto add = [&out](std::vector<Change> cs) { out.insert(out.end(), cs.begin(), cs.end()); };
    const char *statuses[] = {"present", "late", "excused", "absent"};
    for (int i = 0; i < 6; ++i) {
        std::vector<Change> m = markChanges(personNo(i), 1'000'000 + i * 65536);
        for (Change &c : m)
            if (c.field == field("attendance", "status"))
                c.value = QString::fromLatin1(statuses[i % 4]);
        add(m);
    }
    out.push_back(Change{code("people"), personNo(3), field("people", "full_name"), QStringLiteral("Trần Thị Ánh"), Version{2'000'000, R1},
                         std::nullopt, false});
    add(markChanges(personNo(9), 2'000'100)); // a new run after the name
    std::vector<Change> other = markChanges(personNo(10), 2'000'200);
    for (Change &c : other)
        c.version.replica = R2; // another replica's marks (a pull page): a run of their own
    add(other);
    std::vector<Change> statusOnly = markChanges(personNo(1), 2'000'300);
    out.push_back(statusOnly[3]); // a status changed later travels as a group
    std::vector<Change> based = markChanges(personNo(11), 2'000'400);
    based[3].base = Version{1'000'000, R2};
    add(based);
    add(markChanges(personNo(12), 1'500'000)); // a stamp older than the one before: a negative delta
    const QString session2 = QStringLiteral("33333333-3333-4333-8333-000000000002");
    add(markChanges(personNo(13), 2'000'500, session2));                                               // another session
    add(markChanges(personNo(14), 2'000'600, session2, QStringLiteral("55555555-5555-4555-8555-000000000002"))); // another centre
    return out;
}
} // namespace

TEST_CASE("protocol 2 sends whole marks in runs and decodes them to the same changes in the same order", "[protocol]")
{
    PushRequest push = pushOf(3, mixedChanges());
    for (const int version : {1, 2}) {
        push.protocol = version;
        const QByteArray bytes = encode(push);
        CHECK(bytes.contains("\"m\":") == (version == 2));
        const PushRequest back = decodePushRequest(bytes);
        CHECK(back.protocol == version);
        REQUIRE(back.changes.size() == push.changes.size());
        for (size_t i = 0; i < push.changes.size(); ++i)
            CHECK(back.changes[i] == push.changes[i]);
    }
    // Runs: marks 0–5 (one session, replica R1), mark 9 after the name, R2's mark 10, mark 12, mark 13
    // of another session, mark 14 of another centre; the status-only change and the based mark are groups.
    push.protocol = 2;
    const QJsonObject o = QJsonDocument::fromJson(encode(push)).object();
    CHECK(o.value(QStringLiteral("m")).toArray().size() == 6);
    CHECK(o.value(QStringLiteral("m")).toArray()[0].toArray()[5].toString() == QStringLiteral("pleapl"));
    CHECK(o.value(QStringLiteral("c")).toArray().size() == 9);
    // A mark whose ids are not well formed travels as a group, where a receiver keeps it aside alone.
    std::vector<Change> odd = markChanges(personNo(20), 3'000'000);
    odd[2].value = QStringLiteral("not-an-id");
    PushRequest oddPush = push;
    oddPush.changes = odd;
    CHECK_FALSE(encode(oddPush).contains("\"m\":"));

    PullResponse pull;
    pull.protocol = 2;
    pull.schema = syncSchemaVersion();
    pull.changes = push.changes;
    pull.cursor = QStringLiteral("k");
    const PullResponse pb = decodePullResponse(encode(pull));
    CHECK(pb.protocol == 2);
    REQUIRE(pb.changes.size() == pull.changes.size());
    for (size_t i = 0; i < pull.changes.size(); ++i)
        CHECK(pb.changes[i] == pull.changes[i]);
}

TEST_CASE("protocol 2 codes each id once per message: a session of marks costs a few bytes a mark", "[protocol]")
{
    PushRequest push = pushOf(1);
    for (int round = 0; round < 5; ++round) // five sessions' worth of the same 200 people
        for (int i = 0; i < 200; ++i) {
            std::vector<Change> m = markChanges(personNo(i), 1'000'000'000 + (round * 200 + i) * 65536LL);
            push.changes.insert(push.changes.end(), m.begin(), m.end());
        }
    push.protocol = 1;
    const QByteArray v1 = encode(push);
    push.protocol = 2;
    const QByteArray v2 = encode(push);
    CHECK(v2.count(personNo(7).toLatin1()) == 1);
    CHECK(v1.count(personNo(7).toLatin1()) == 5);
    CHECK(v2.size() * 4 < v1.size());
}

TEST_CASE("a malformed run of marks is refused with the element that is wrong", "[protocol]")
{
    auto v2 = [](const QByteArray &u, const QByteArray &m, const QByteArray &groups = "[0]") {
        return QByteArray("{\"p\":2,\"s\":3,\"b\":1,\"r\":[\"") + R1.toLatin1() + "\"],\"u\":" + u + ",\"m\":" + m + ",\"c\":" + groups + "}";
    };
    const QByteArray ids = "[\"" + Centre.toLatin1() + "\",\"" + Session.toLatin1() + "\",\"" + Person.toLatin1() + "\"]";
    // A good one first: one mark.
    REQUIRE(errorOf(v2(ids, "[[0,1,0,[5],[2],\"p\"]]")).isEmpty());
    CHECK(decodePushRequest(v2(ids, "[[0,1,0,[5],[2],\"p\"]]")).changes.size() == 4);
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[2],\"x\"]]")).startsWith(QStringLiteral("m[0][5][0]")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[2],\"\\u00e9\"]]")).startsWith(QStringLiteral("m[0][5][0]")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[3],\"p\"]]")).startsWith(QStringLiteral("m[0][4][0]")));  // person index past u
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[-1],\"p\"]]")).startsWith(QStringLiteral("m[0][4][0]")));
    CHECK(errorOf(v2(ids, "[[0,7,0,[5],[2],\"p\"]]")).startsWith(QStringLiteral("m[0][1]")));
    CHECK(errorOf(v2(ids, "[[0,1,1,[5],[2],\"p\"]]")).startsWith(QStringLiteral("m[0][2]")));     // replica index
    CHECK(errorOf(v2(ids, "[[0,1,0,[-5],[2],\"p\"]]")).startsWith(QStringLiteral("m[0][3][0]"))); // a negative stamp
    CHECK(errorOf(v2(ids, "[[0,1,0,[4611686018427387904,4611686018427387904],[2,0],\"pp\"]]")).startsWith(QStringLiteral("m[0][3][1]"))); // past int64
    CHECK(errorOf(v2(ids, "[[0,1,0,[5,5],[2,4611686018427387904],\"pp\"]]")).startsWith(QStringLiteral("m[0][4][1]")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[5,6],[2],\"p\"]]")).startsWith(QStringLiteral("m[0]")));      // lengths differ
    CHECK(errorOf(v2(ids, "[[0,1,0,[],[],\"\"]]")).startsWith(QStringLiteral("m[0]")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[2]]]")).startsWith(QStringLiteral("m[0]")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[1.5],[2],\"p\"]]")).startsWith(QStringLiteral("m[0][3][0]")));
    CHECK(errorOf(v2("[\"not-an-id\"]", "[[0,0,0,[5],[0],\"p\"]]")).startsWith(QStringLiteral("u[0]")));
    CHECK(errorOf(v2(ids, "{}")).startsWith(QStringLiteral("m")));
    // Runs placed once each, in order, all of them.
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[2],\"p\"]]", "[1]")).startsWith(QStringLiteral("c[0]")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[2],\"p\"]]", "[0,0]")).startsWith(QStringLiteral("c[1]")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[2],\"p\"],[0,1,0,[5],[2],\"l\"]]", "[0]")).startsWith(QStringLiteral("m:")));
    CHECK(errorOf(v2(ids, "[[0,1,0,[5],[2],\"p\"]]", "[]")).startsWith(QStringLiteral("m:")));
    // A protocol 1 message has no runs: a number in c is not a group.
    QByteArray v1 = v2(ids, "[[0,1,0,[5],[2],\"p\"]]");
    v1.replace("\"p\":2", "\"p\":1");
    CHECK(errorOf(v1).startsWith(QStringLiteral("c[0]")));
    // More marks than a batch may hold is refused before they are made into changes.
    const int many = MaxChanges / 4 + 1;
    QByteArray stamps = "[", people = "[", letters;
    for (int i = 0; i < many; ++i) {
        stamps += i ? ",1" : "1";
        people += i ? ",0" : "2";
        letters += 'p';
    }
    CHECK(errorOf(v2(ids, "[[0,1,0," + stamps + "]," + people + "],\"" + letters + "\"]]"))
              .contains(QStringLiteral("more than %1 changes").arg(MaxChanges)));
}

TEST_CASE("the fuzz corpus's seeds of protocol 1 and 2 are messages the decoder takes, so the fuzzer starts from valid runs", "[protocol]")
{
    for (const char *name : {"push-mark.json", "push-marks-v2.json"}) {
        QFile f(QStringLiteral(CLC_SOURCE_DIR "/tests/fuzz/corpus/protocol/") + QLatin1String(name));
        REQUIRE(f.open(QIODevice::ReadOnly));
        const PushRequest r = decodePushRequest(f.readAll());
        CHECK(r.changes.size() >= 3);
    }
}
