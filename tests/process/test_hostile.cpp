// The hostile-input catalogue (docs/security.md#catalogue): every endpoint of a real clc-server, on
// SQLite and on PostgreSQL, given what an attacker or a broken client would send. Each input gets a
// precise 4xx naming what is wrong, the server keeps serving, and what it stores does not change:
// a device that pulls everything exports the same bytes before and after.
#include "office.h"
#include "migrations.h"
#include "protocol.h"
#include "schema.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>

using namespace clctest;
using clc::sync::PullResponse;
using clc::sync::decodePullResponse;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};

/// One request on a fresh connection.
Answer ask(quint16 port, const QByteArray &method, const QByteArray &target, const QByteArray &token = {}, const QByteArray &body = {},
           const QByteArray &extraHeaders = {})
{
    QByteArray req = method + ' ' + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extraHeaders;
    if (!token.isEmpty())
        req += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || method == "POST")
        req += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    req += "\r\n" + body;
    Answer a;
    a.raw = rawHttp(port, req, 30000);
    a.status = statusOf(a.raw);
    a.body = QJsonDocument::fromJson(a.raw.mid(a.raw.indexOf("\r\n\r\n") + 4)).object();
    return a;
}

QByteArray code(const char *tableName) { return QByteArray::number(clc::table(QString::fromLatin1(tableName))->code); }
QByteArray field(const char *tableName, const char *fieldName)
{
    return QByteArray::number(clc::table(QString::fromLatin1(tableName))->fieldCode(QString::fromLatin1(fieldName)));
}

/// A push body: protocol 1, this schema, batch b, one replica, the given changes text.
QByteArray push(qint64 batch, const QByteArray &replica, const QByteArray &changes, int schema = clc::syncSchemaVersion())
{
    return "{\"p\":1,\"s\":" + QByteArray::number(schema) + ",\"b\":" + QByteArray::number(batch) + ",\"r\":[\"" + replica + "\"],\"c\":" + changes + "}";
}

/// A new learner of centre, with the given full name (JSON text, quoted) and birth year.
QByteArray learner(const QByteArray &row, const QByteArray &centre, const QByteArray &nameJson, const QByteArray &birthYear = "1970",
                   qint64 hlc = 0)
{
    if (hlc == 0)
        hlc = QDateTime::currentMSecsSinceEpoch() << 16;
    return "[[" + code("people") + ",\"" + row + "\"," + QByteArray::number(hlc) + ",0,[" + field("people", "centre_id") + ",\"" + centre + "\","
        + field("people", "full_name") + "," + nameJson + "," + field("people", "birth_year") + "," + birthYear + "]]]";
}

struct Snapshot
{
    QByteArray everything; ///< a device that pulled the whole centre
    QByteArray office;     ///< the office computer's own database
};

} // namespace

TEST_CASE("hostile-input catalogue: every endpoint of a real server refuses what it must with a precise 4xx and stores nothing", "[net][hostile]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    // The server closes a stalled connection after 2 s here (30 s by default).
    Office o(backend, true, {QStringLiteral("--idle-timeout"), QStringLiteral("2")});
    o.converge();
    const quint16 port = o.server->port();
    const QByteArray centre = o.centre.toLatin1();

    // Who asks: a coordinator speaking raw HTTP, a viewer, a revoked device, another centre's admin.
    auto enrolRaw = [&](const QString &role) {
        const Answer a = ask(port, "POST", "/v1/enroll", {}, "{\"code\":\"" + o.server->enrollCode(o.centre, role, QStringLiteral("raw")).toLatin1() + "\"}");
        REQUIRE(a.status == 200);
        return a.body.value(QStringLiteral("token")).toString().toLatin1();
    };
    const QByteArray coordinator = enrolRaw(QStringLiteral("coordinator"));
    const QByteArray viewer = enrolRaw(QStringLiteral("viewer"));
    const QByteArray revoked = metaOf(o.c, QStringLiteral("token")).toLatin1();
    REQUIRE(run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("revoke"), metaOf(o.c, QStringLiteral("device_id"))}).code == 0);
    const QString otherDb = o.dir.path(QStringLiteral("other.db"));
    REQUIRE(runClc(otherDb, {QStringLiteral("init"), QStringLiteral("--centre"), QStringLiteral("TTHTCĐ phường khác")}).code == 0);
    REQUIRE(runClc(otherDb, {QStringLiteral("enroll"), QStringLiteral("--server"), o.server->url(), QStringLiteral("--code"),
                             o.server->enrollCode(centreOf(otherDb), QStringLiteral("admin"), QStringLiteral("Máy phường khác"))}).code == 0);
    const QByteArray stranger = metaOf(otherDb, QStringLiteral("token")).toLatin1();

    // One batch the server took, to replay; then what the server holds, seen from two devices.
    const QByteArray replica = "5b0c1c1e-0000-4000-8000-00000000000a";
    const QByteArray firstBatch = push(1, replica, learner("5b0c1c1e-0000-4000-8000-0000000000a1", centre, "\"Lò Thị Hoa\""));
    REQUIRE(ask(port, "POST", "/v1/push", coordinator, firstBatch).status == 200);
    const QString everything = o.dir.path(QStringLiteral("everything.db"));
    o.enrol(everything, QStringLiteral("admin"));
    auto snapshot = [&] {
        REQUIRE(runClc(everything, {QStringLiteral("sync")}).code == 0);
        REQUIRE(runClc(o.a, {QStringLiteral("sync")}).code == 0);
        return Snapshot{exported(everything), exported(o.a)};
    };
    const Snapshot before = snapshot();
    REQUIRE(before.everything.contains("Lò Thị Hoa"));

    const QByteArray person = QJsonDocument::fromJson(before.office).object().value(QStringLiteral("people")).toArray().at(0).toObject()
                                  .value(QStringLiteral("id")).toString().toLatin1();
    const QByteArray sql = "\"'); DROP TABLE changes; --\"";
    const QByteArray deep = QByteArray(10000, '[') + QByteArray(10000, ']');
    const QByteArray tenMegabytes = '"' + QByteArray(10 * 1024 * 1024, 'a') + '"';
    struct Case
    {
        const char *what;
        QByteArray method, target, token, body, headers;
        int status;
        const char *error; ///< the "error" code expected, or nullptr
        const char *field; ///< the "field" expected to start with this, or nullptr
    };
    const QByteArray n = push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b1", centre, "\"Cà Văn Sơn\""));
    const std::vector<Case> cases = {
        // Routes and methods.
        {"an unknown endpoint", "GET", "/v1/admin", {}, {}, {}, 404, "not_found", nullptr},
        {"a path that climbs", "GET", "/v1/../../etc/passwd", {}, {}, {}, 404, nullptr, nullptr},
        {"health by POST", "POST", "/v1/health", {}, "{}", {}, 405, "method", nullptr},
        {"push by GET", "GET", "/v1/push", coordinator, {}, {}, 405, "method", nullptr},
        {"pull by POST", "POST", "/v1/pull", coordinator, "{}", {}, 405, "method", nullptr},
        // Tokens and roles.
        {"push without a token", "POST", "/v1/push", {}, n, {}, 401, "unauthenticated", nullptr},
        {"pull without a token", "GET", "/v1/pull", {}, {}, {}, 401, "unauthenticated", nullptr},
        {"push with a revoked token", "POST", "/v1/push", revoked, n, {}, 401, "unauthenticated", nullptr},
        {"pull with a revoked token", "GET", "/v1/pull", revoked, {}, {}, 401, "unauthenticated", nullptr},
        {"SQL text as the token", "GET", "/v1/pull", "' OR '1'='1", {}, {}, 401, "unauthenticated", nullptr},
        {"a viewer pushing", "POST", "/v1/push", viewer, n, {}, 403, "forbidden", "role"},
        // Another centre.
        {"another centre's device placing a row here", "POST", "/v1/push", stranger,
         push(1, "5b0c1c1e-0000-4000-8000-00000000000b", learner("5b0c1c1e-0000-4000-8000-0000000000c1", centre, "\"Kẻ lạ\"")), {}, 403, "forbidden", "centre_id"},
        // Sizes.
        {"a push body over 16 MiB, announced", "POST", "/v1/push", coordinator, {}, "Content-Length: 17000000\r\n", 413, nullptr, nullptr},
        {"an enrolment body over 4 KiB", "POST", "/v1/enroll", {}, "{\"code\":\"" + QByteArray(5000, 'A') + "\"}", {}, 413, nullptr, nullptr},
        {"a health request with a body over 4 KiB", "GET", "/v1/health", {}, QByteArray(5000, ' '), {}, 413, nullptr, nullptr},
        {"a text of 10 MB", "POST", "/v1/push", coordinator, push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b2", centre, tenMegabytes)), {},
         400, "invalid", "c[0][4]"},
        {"more changes than a client sends", "POST", "/v1/push", coordinator,
         push(2, replica, "[" + [&] {
             QByteArray many;
             for (int i = 0; i < 7000; ++i)
                 many += (i ? "," : "") + learner(QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1(), centre, "\"X\"").mid(1).chopped(1);
             return many;
         }() + "]"), {}, 400, "invalid", "c"},
        // Broken JSON.
        {"truncated JSON", "POST", "/v1/push", coordinator, n.left(n.size() / 2), {}, 400, "invalid", "body"},
        {"JSON nested 10,000 deep", "POST", "/v1/push", coordinator, "{\"p\":1,\"c\":" + deep + "}", {}, 400, "invalid", "body"},
        {"JSON nested 10,000 deep, enrolment", "POST", "/v1/enroll", {}, deep.left(2000) + deep.right(2000), {}, 400, "invalid", "code"},
        {"truncated JSON, enrolment", "POST", "/v1/enroll", {}, "{\"code\":\"AB", {}, 400, "invalid", "code"},
        {"invalid UTF-8", "POST", "/v1/push", coordinator, push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b3", centre, "\"L\xC3\x28\"")), {},
         400, "invalid", "body"},
        {"a NUL byte in a text", "POST", "/v1/push", coordinator, push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b4", centre, "\"L\\u0000An\"")), {},
         400, "invalid", "c[0][4]"},
        {"a lone surrogate in a text", "POST", "/v1/push", coordinator, push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b5", centre, "\"L\\ud800\"")), {},
         400, "invalid", "c[0][4]"},
        {"a key given twice", "POST", "/v1/push", coordinator, push(2, replica, "[]").replace("\"b\":2", "\"b\":2,\"b\":1"), {}, 400, "invalid", "body"},
        // Numbers out of range.
        {"a birth year of 99999", "POST", "/v1/push", coordinator, push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b6", centre, "\"A\"", "99999")), {},
         400, "invalid", "c[0][4]"},
        {"a batch number past 64 bits", "POST", "/v1/push", coordinator, push(2, replica, "[]").replace("\"b\":2", "\"b\":99999999999999999999"), {},
         400, "invalid", "b"},
        {"a negative batch number", "POST", "/v1/push", coordinator, push(2, replica, "[]").replace("\"b\":2", "\"b\":-1"), {}, 400, "invalid", "b"},
        {"a table code past 32 bits", "POST", "/v1/push", coordinator,
         push(2, replica, "[[4294967307,\"5b0c1c1e-0000-4000-8000-0000000000b7\",5,0,[1,\"x\"]]]", clc::syncSchemaVersion() + 1), {}, 400, "invalid", "c[0][0]"},
        {"a replica index that is not there", "POST", "/v1/push", coordinator,
         push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b8", centre, "\"A\"").replace(",0,[", ",7,[")), {}, 400, "invalid", "c[0]"},
        {"a pull limit that is negative", "GET", "/v1/pull?limit=-5", coordinator, {}, {}, 400, "invalid", "limit"},
        {"a pull limit past 32 bits", "GET", "/v1/pull?limit=99999999999", coordinator, {}, {}, 400, "invalid", "limit"},
        {"SQL text as the pull limit", "GET", "/v1/pull?limit=1%3B%20DROP%20TABLE%20changes", coordinator, {}, {}, 400, "invalid", "limit"},
        {"SQL text as the cursor", "GET", "/v1/pull?cursor=%27%20OR%201%3D1%20--", coordinator, {}, {}, 400, "invalid", "cursor"},
        // Unknown to this schema although the sender claims this schema.
        {"an unknown field", "POST", "/v1/push", coordinator,
         push(2, replica, "[[" + code("people") + ",\"" + person + "\",5,0,[40,\"x\"]]]"), {}, 400, "invalid", "c[0]"},
        {"an unknown table", "POST", "/v1/push", coordinator, push(2, replica, "[[99,\"" + person + "\",5,0,[1,\"x\"]]]"), {}, 400, "invalid", "c[0]"},
        // Batches out of step.
        {"a batch number used before with other changes", "POST", "/v1/push", coordinator,
         push(1, replica, learner("5b0c1c1e-0000-4000-8000-0000000000b9", centre, "\"Người khác\"")), {}, 409, "batch_reused", nullptr},
        {"a batch number from the future", "POST", "/v1/push", coordinator, push(99, replica, "[]"), {}, 409, "batch_gap", nullptr},
        // Enrolment codes.
        {"SQL text as the enrolment code", "POST", "/v1/enroll", {}, "{\"code\":" + sql + "}", {}, 401, "invalid_code", "code"},
        {"a NUL in the enrolment code", "POST", "/v1/enroll", {}, "{\"code\":\"AAAA\\u0000\"}", {}, 401, "invalid_code", "code"},
    };
    for (const Case &c : cases) {
        INFO(c.what);
        const Answer a = ask(port, c.method, c.target, c.token, c.body, c.headers);
        CHECK(a.status == c.status);
        if (c.error)
            CHECK(a.body.value(QStringLiteral("error")).toString() == QLatin1String(c.error));
        if (c.field)
            CHECK(a.body.value(QStringLiteral("field")).toString().startsWith(QLatin1String(c.field)));
        if (a.status >= 400 && a.status != 413 && a.status != 404) // every refusal says why
            CHECK_FALSE(a.body.value(QStringLiteral("message")).toString().isEmpty());
        CHECK_FALSE(a.raw.contains("SELECT"));
        CHECK(ask(port, "GET", "/v1/health").status == 200); // and the server keeps serving
    }

    // A true replay is answered as before and applies nothing.
    const Answer replay = ask(port, "POST", "/v1/push", coordinator, firstBatch);
    CHECK(replay.status == 200);
    CHECK(replay.body.value(QStringLiteral("replay")).toBool());
    // Another centre's device naming a row of this centre: rows are keyed by centre, so for it that id
    // is a row it does not have (refused per change, nothing stored here).
    const Answer foreign = ask(port, "POST", "/v1/push", stranger,
                               push(1, "5b0c1c1e-0000-4000-8000-00000000000b", "[[" + code("people") + ",\"" + person + "\"," + QByteArray::number(QDateTime::currentMSecsSinceEpoch() << 16)
                                                                                    + ",0,[" + field("people", "full_name") + ",\"Bị đổi\"]]]"));
    CHECK(foreign.status == 200);
    CHECK(foreign.body.value(QStringLiteral("x")).toArray().at(0).toArray().at(1).toString() == QStringLiteral("unknown_row"));

    // Slowloris: a head that never ends and a body that never comes are cut off; others are served meanwhile.
    for (const QByteArray &stall : {QByteArray("POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthor"),
                                    QByteArray("POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"co")}) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        REQUIRE(s.waitForConnected(5000));
        s.write(stall);
        s.waitForBytesWritten(5000);
        CHECK(ask(port, "GET", "/v1/health").status == 200);
        QElapsedTimer t;
        t.start();
        while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < 15000)
            s.waitForDisconnected(500);
        CHECK(s.state() != QAbstractSocket::ConnectedState); // closed by the server, about 2 s later
    }

    // Nothing of it was stored.
    const Snapshot after = snapshot();
    CHECK(after.everything == before.everything);
    CHECK(after.office == before.office);
    const QString fresh = o.dir.path(QStringLiteral("fresh.db"));
    o.enrol(fresh, QStringLiteral("admin"));
    REQUIRE(runClc(fresh, {QStringLiteral("sync")}).code == 0);
    CHECK(exported(fresh) == before.everything);

    // SQL in every text field of a real change is only text: stored and handed on exactly.
    const QByteArray sqlText = "'); DROP TABLE changes; -- \\\" ; DELETE FROM devices";
    const Answer stored = ask(port, "POST", "/v1/push", coordinator,
                              push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000000d1", centre, '"' + sqlText + '"')));
    CHECK(stored.status == 200);
    CHECK(stored.body.value(QStringLiteral("x")).toArray().isEmpty());
    REQUIRE(runClc(fresh, {QStringLiteral("sync")}).code == 0);
    CHECK(exported(fresh).contains(QByteArray("'); DROP TABLE changes; -- \\\" ; DELETE FROM devices")));
    CHECK(ask(port, "GET", "/v1/health").status == 200);
}

TEST_CASE("next year's app through a real server: its new fields reach devices as new as it, and today's devices keep them aside", "[net][compat]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    Office o(backend);
    o.converge();
    const quint16 port = o.server->port();
    const QByteArray centre = o.centre.toLatin1();
    auto enrolRaw = [&](const QString &role) {
        const Answer a = ask(port, "POST", "/v1/enroll", {}, "{\"code\":\"" + o.server->enrollCode(o.centre, role, QStringLiteral("next")).toLatin1() + "\"}");
        REQUIRE(a.status == 200);
        return a.body.value(QStringLiteral("token")).toString().toLatin1();
    };
    const QByteArray nextTablet = enrolRaw(QStringLiteral("coordinator")), nextPhone = enrolRaw(QStringLiteral("viewer")),
                     nextOffice = enrolRaw(QStringLiteral("admin"));
    const QJsonObject all = QJsonDocument::fromJson(exported(o.a)).object();
    const QByteArray person = all.value(QStringLiteral("people")).toArray().at(0).toObject().value(QStringLiteral("id")).toString().toLatin1();
    const QByteArray session = all.value(QStringLiteral("sessions")).toArray().at(0).toObject().value(QStringLiteral("id")).toString().toLatin1();
    const QByteArray before = exported(o.b);

    // Next year's tablet writes a new field of people, a new field of sessions and a row of a new table.
    const qint64 hlc = QDateTime::currentMSecsSinceEpoch() << 16;
    const int next = clc::syncSchemaVersion() + 1;
    const QByteArray newPeopleField = QByteArray::number(clc::table(QStringLiteral("people"))->fields.size() + 2);
    const QByteArray newSessionField = QByteArray::number(clc::table(QStringLiteral("sessions"))->fields.size() + 1);
    const QByteArray newTable = QByteArray::number(int(clc::tables().size()) + 2);
    const QByteArray changes = "[[" + code("people") + ",\"" + person + "\"," + QByteArray::number(hlc) + ",0,[" + newPeopleField + ",\"dân tộc Mông\"]],"
        + "[" + code("sessions") + ",\"" + session + "\",1,0,[" + newSessionField + ",\"Địa điểm của năm sau\"]],"
        + "[" + newTable + ",\"5b0c1c1e-0000-4000-8000-0000000000e1\",1,0,[0,\"" + centre + "\",1,\"khảo sát nhu cầu học\"]]]";
    const Answer pushed = ask(port, "POST", "/v1/push", nextTablet, push(1, "5b0c1c1e-0000-4000-8000-00000000000e", changes, next));
    REQUIRE(pushed.status == 200);
    CHECK(pushed.body.value(QStringLiteral("x")).toArray().isEmpty());

    // Every page a device pulls from the start; the schema the last one says it takes.
    auto pullEverything = [&](const QByteArray &token, int *schema) {
        QByteArray pages;
        QString cursor;
        for (int i = 0; i < 100; ++i) {
            const Answer a = ask(port, "GET", "/v1/pull?limit=10000&cursor=" + QUrl::toPercentEncoding(cursor), token);
            REQUIRE(a.status == 200);
            pages += a.raw;
            *schema = a.body.value(QStringLiteral("s")).toInt();
            cursor = a.body.value(QStringLiteral("k")).toString();
            if (!a.body.value(QStringLiteral("more")).toBool())
                break;
        }
        return pages;
    };
    // Next year's office computer receives all of it as sent, in a page that says it takes schema `next`.
    int schema = 0;
    const QByteArray office = pullEverything(nextOffice, &schema);
    CHECK(schema == next);
    for (const char *text : {"dân tộc Mông", "Địa điểm của năm sau", "khảo sát nhu cầu học"})
        CHECK(office.contains(QByteArray(text)));
    // Next year's phone: none of it (this server cannot tell whether a new field is for residents'
    // eyes), but the schedule as ever.
    const QByteArray phone = pullEverything(nextPhone, &schema);
    CHECK_FALSE(phone.contains("Địa điểm của năm sau"));
    CHECK_FALSE(phone.contains("khảo sát nhu cầu học"));
    CHECK_FALSE(phone.contains("dân tộc Mông"));
    CHECK(phone.contains(all.value(QStringLiteral("activities")).toArray().at(0).toObject().value(QStringLiteral("title")).toString().toUtf8()));

    // Today's tablet syncs as ever: it keeps the four aside (the new table's row has two), says so, and its data is unchanged.
    const Result sync = runClc(o.b, {QStringLiteral("sync")});
    INFO(sync.out.toStdString() << sync.err.toStdString());
    CHECK(sync.code == 0);
    CHECK(sync.err.contains(QStringLiteral("Kept aside 4 changes this version of the app cannot use")));
    CHECK(exported(o.b) == before);
    CHECK(runClc(o.b, {QStringLiteral("sync")}).code == 0); // not stuck on that page
    // And it still syncs both ways with everyone.
    REQUIRE(runClc(o.b, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Giàng A Páo")}).code == 0);
    o.converge();
    CHECK(exported(o.a).contains("Giàng A Páo"));
}

TEST_CASE("a device of release 8 speaks protocol 1 to a real server and is answered in it, and protocol 2 pages carry the same changes", "[net][compat]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    Office o(backend);
    o.converge();
    const quint16 port = o.server->port();
    const Answer enrolled = ask(port, "POST", "/v1/enroll", {},
                                "{\"code\":\"" + o.server->enrollCode(o.centre, QStringLiteral("coordinator"), QStringLiteral("release 8")).toLatin1() + "\"}");
    REQUIRE(enrolled.status == 200);
    const QByteArray token = enrolled.body.value(QStringLiteral("token")).toString().toLatin1();
    auto body = [](const Answer &a) { return a.raw.mid(a.raw.indexOf("\r\n\r\n") + 4); };

    // The same first page asked for as release 8 asks (no p), in 2, and in a version from the future.
    const Answer v1 = ask(port, "GET", "/v1/pull?limit=20000&cursor=", token);
    const Answer v2 = ask(port, "GET", "/v1/pull?limit=20000&cursor=&p=2", token);
    const Answer v9 = ask(port, "GET", "/v1/pull?limit=20000&cursor=&p=9", token);
    REQUIRE(v1.status == 200);
    REQUIRE(v2.status == 200);
    CHECK(v1.body.value(QStringLiteral("p")).toInt() == 1);
    CHECK_FALSE(v1.body.contains(QStringLiteral("m")));
    CHECK(v2.body.value(QStringLiteral("p")).toInt() == 2);
    CHECK(v2.body.value(QStringLiteral("m")).toArray().size() > 0);
    CHECK(v9.body.value(QStringLiteral("p")).toInt() == 2); // the newest this server speaks
    const PullResponse p1 = decodePullResponse(body(v1)), p2 = decodePullResponse(body(v2));
    REQUIRE(p1.changes.size() > 1000);
    CHECK(p1.changes == p2.changes);
    CHECK(body(v2).size() * 2 < body(v1).size());
    for (const QByteArray bad : {"0", "x", "-1"}) {
        const Answer a = ask(port, "GET", "/v1/pull?cursor=&p=" + bad, token);
        CHECK(a.status == 400);
        CHECK(a.body.value(QStringLiteral("field")).toString() == QStringLiteral("p"));
    }

    // A push in protocol 1 is answered in 1 (release 8 refuses any other); one in 3 is refused naming p.
    const QByteArray replica = "5b0c1c1e-0000-4000-8000-00000000008a";
    const QByteArray centre = o.centre.toLatin1();
    const Answer pushed = ask(port, "POST", "/v1/push", token, push(1, replica, learner("5b0c1c1e-0000-4000-8000-0000000008a1", centre, "\"Vi Thị Én\"")));
    REQUIRE(pushed.status == 200);
    CHECK(pushed.body.value(QStringLiteral("p")).toInt() == 1);
    QByteArray future = push(2, replica, learner("5b0c1c1e-0000-4000-8000-0000000008a2", centre, "\"Vi Văn Ba\""));
    future.replace("\"p\":1", "\"p\":3");
    const Answer refused = ask(port, "POST", "/v1/push", token, future);
    CHECK(refused.status == 400);
    CHECK(refused.body.value(QStringLiteral("field")).toString() == QStringLiteral("p"));
    o.converge();
    CHECK(exported(o.a).contains("Vi Thị Én"));
    CHECK_FALSE(exported(o.a).contains("Vi Văn Ba"));
}
