// The ward office server and the network client as real processes on loopback (docs/protocol.md).
#include "nettestsupport.h"
#include "office.h"
#include "store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <catch2/catch.hpp>

using namespace clctest;

namespace {

QString firstSessionAndPerson(const QString &db, QString *person)
{
    const QJsonObject all = QJsonDocument::fromJson(exported(db)).object();
    *person = all.value(QStringLiteral("people")).toArray().at(0).toObject().value(QStringLiteral("id")).toString();
    return all.value(QStringLiteral("sessions")).toArray().at(0).toObject().value(QStringLiteral("id")).toString();
}

} // namespace

TEST_CASE("three devices meet at the ward office server and converge, with one conflict kept", "[net]")
{
    Office o(GENERATE(Backend::Sqlite, Backend::Postgres));
    // A walk-in added at the office, so no demo mark exists for them yet.
    const Result added = runClc(o.a, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Vũ Thị Mới")});
    REQUIRE(added.code == 0);
    const QString person = added.last();
    o.converge();
    QString ignored;
    const QString session = firstSessionAndPerson(o.b, &ignored);
    // Offline on both tablets: the same mark, and a different status for the same mark.
    REQUIRE(runClc(o.b, {QStringLiteral("attend"), session, person, QStringLiteral("present")}).code == 0);
    REQUIRE(runClc(o.c, {QStringLiteral("attend"), session, person, QStringLiteral("late")}).code == 0);
    o.converge();
    const Result conflicts = runClc(o.a, {QStringLiteral("conflicts"), QStringLiteral("--json")});
    CHECK(QJsonDocument::fromJson(conflicts.out.toUtf8()).array().size() == 1);
    // An idle sync moves almost nothing.
    const Result idle = runClc(o.b, {QStringLiteral("sync")});
    CHECK(idle.out.contains(QStringLiteral("Sent 0 changes")));
}

TEST_CASE("a server killed in the middle of a push and restarted loses and doubles nothing", "[net][faults]")
{
    Office o(GENERATE(Backend::Sqlite, Backend::Postgres));
    // The first push of the demo is large (about 10,000 changes): kill the server while it runs.
    QProcess sync;
    sync.start(QStringLiteral(CLC_BINARY), {QStringLiteral("--db"), o.a, QStringLiteral("sync")});
    REQUIRE(sync.waitForStarted());
    QThread::msleep(60);
    o.server->kill();
    sync.waitForFinished(60000);
    o.server->start();
    o.converge();
    CHECK(count(o.b, "attendance") == count(o.a, "attendance"));
    CHECK(count(o.c, "people") == 300);
}

TEST_CASE("a client killed between push and acknowledgement resends the batch, applied once", "[net][faults]")
{
    Office o(GENERATE(Backend::Sqlite, Backend::Postgres));
    const Result killed = runClc(o.a, {QStringLiteral("sync")}, {QStringLiteral("CLC_TEST_FAULT=exit-after-push")});
    CHECK(killed.code == 9);
    CHECK(metaOf(o.a, QStringLiteral("last_acked_batch")).toInt() == 0); // the answer was never recorded
    o.converge();
    CHECK(count(o.b, "people") == 300);
    const Result status = runClc(o.a, {QStringLiteral("status")});
    CHECK(status.out.contains(QStringLiteral("changes waiting to be sent: 0")));
}

TEST_CASE("a device killed before its push, inside a pull page or between a page and its cursor resumes with nothing lost or doubled", "[net][faults]")
{
    Office o(Backend::Sqlite);
    auto waiting = [](const QString &db) {
        return runClc(db, {QStringLiteral("status")}).out.section(QStringLiteral("changes waiting to be sent: "), 1).section(QLatin1Char('\n'), 0, 0).toInt();
    };
    const int before = waiting(o.a);
    REQUIRE(before > 10000);
    const Result early = runClc(o.a, {QStringLiteral("sync")}, {QStringLiteral("CLC_TEST_FAULT=exit-before-push")});
    CHECK(early.code == 9);
    CHECK(waiting(o.a) == before);
    o.syncUntilDone(o.a);
    // Between a page and its cursor: the page's transaction is rolled back whole.
    const Result cursor = runClc(o.b, {QStringLiteral("sync")}, {QStringLiteral("CLC_TEST_FAULT=exit-before-cursor")});
    CHECK(cursor.code == 9);
    CHECK(count(o.b, "people") == 0);
    CHECK(metaOf(o.b, QStringLiteral("pull_cursor")).isEmpty());
    // Inside a pull page: SIGKILL at growing moments of a first pull (10,775 changes in pages of 5,000).
    int interrupted = 0;
    for (int ms : {40, 120, 250, 400, 700}) {
        QProcess p;
        p.start(QStringLiteral(CLC_BINARY), {QStringLiteral("--db"), o.c, QStringLiteral("sync")});
        REQUIRE(p.waitForStarted());
        QThread::msleep(ms);
        interrupted += p.state() == QProcess::Running ? 1 : 0; // the kill lands while it pulls
        p.kill();
        p.waitForFinished();
    }
    CHECK(interrupted > 0);
    o.converge();
    CHECK(count(o.c, "attendance") == count(o.a, "attendance"));
    CHECK(count(o.b, "people") == 300);
    for (const QString &db : {o.a, o.b, o.c})
        CHECK(clc::Database(db).scalar(QStringLiteral("PRAGMA integrity_check")).toText() == QStringLiteral("ok"));
}

TEST_CASE("a server killed in the middle of a pull and restarted: the device's pull resumes, nothing lost or doubled", "[net][faults]")
{
    Office o(GENERATE(Backend::Sqlite, Backend::Postgres));
    o.syncUntilDone(o.a);
    // Through a proxy that holds each chunk 400 ms, so that the kill lands while the pull is under way.
    FaultyProxy proxy(o.server->port());
    proxy.mode = FaultyProxy::Mode::Delay;
    proxy.delayMs = 400;
    QProcess sync;
    // Small pages, so that the pull is many exchanges and the kill lands between two of them or in one.
    sync.start(QStringLiteral(CLC_BINARY), {QStringLiteral("--db"), o.b, QStringLiteral("sync"), QStringLiteral("--server"), proxy.url(),
                                            QStringLiteral("--token"), metaOf(o.b, QStringLiteral("token")), QStringLiteral("--page-size"),
                                            QStringLiteral("500")});
    REQUIRE(sync.waitForStarted());
    QTest::qWait(600); // the proxy runs on this thread's events
    o.server->kill();
    REQUIRE(QTest::qWaitFor([&sync] { return sync.state() == QProcess::NotRunning; }, 60000));
    CHECK(sync.exitCode() == 3); // interrupted: "nothing is lost; run it again"
    o.server->start();
    o.converge();
    CHECK(count(o.b, "attendance") == count(o.a, "attendance"));
    CHECK(count(o.b, "people") == 300);
    CHECK(clc::Database(o.b).scalar(QStringLiteral("PRAGMA integrity_check")).toText() == QStringLiteral("ok"));
}

TEST_CASE("a tablet's database copied to a second tablet enrols as a new device, and both tablets' edits arrive once", "[net][faults]")
{
    Office o(Backend::Sqlite, false);
    auto add = [](const QString &db, const char *name) {
        REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QString::fromUtf8(name)}).code == 0);
    };
    add(o.a, "Lường Văn Một");
    o.syncUntilDone(o.a);
    add(o.a, "Lường Thị Hai"); // waiting on the tablet when it is copied
    const QString copy = o.dir.path(QStringLiteral("copy.db"));
    REQUIRE(QFile::copy(o.a, copy));
    // The copy is another device: it must enrol on its own, not push as the original.
    const Result refused = runClc(copy, {QStringLiteral("sync")});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(QStringLiteral("enroll")));
    o.enrol(copy, QStringLiteral("facilitator"));
    add(copy, "Lường Văn Ba");
    add(o.a, "Lường Thị Bốn");
    o.syncUntilDone(copy);
    o.converge();
    o.syncUntilDone(copy);
    CHECK(exported(copy) == exported(o.a));
    CHECK(count(o.b, "people") == 4);
}

TEST_CASE("a proxy that delays, cuts bodies and resets connections leaves everyone converged", "[net][faults]")
{
    Office o(GENERATE(Backend::Sqlite, Backend::Postgres), false);
    FaultyProxy proxy(o.server->port());
    // Everyone talks through the proxy from now on.
    const QString token = metaOf(o.b, QStringLiteral("token"));
    for (const QString &db : {o.a, o.b, o.c})
        REQUIRE(runClc(db, {QStringLiteral("sync"), QStringLiteral("--server"), proxy.url(), QStringLiteral("--token"), metaOf(db, QStringLiteral("token"))}).code == 0);
    QString lastActivity;
    for (int i = 0; i < 6; ++i) {
        const QString db = i % 2 ? o.b : o.a;
        if (db == o.a) {
            const Result add = runClc(db, {QStringLiteral("activity"), QStringLiteral("add"), QStringLiteral("--month"), QStringLiteral("2018-05"),
                                        QStringLiteral("--title"), QStringLiteral("Hoạt động %1").arg(i)});
            REQUIRE(add.code == 0);
            lastActivity = add.last();
        }
        REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Người số %1").arg(i)}).code == 0);
        for (FaultyProxy::Mode m : {FaultyProxy::Mode::Delay, FaultyProxy::Mode::CutRequest, FaultyProxy::Mode::CutResponse, FaultyProxy::Mode::Reset}) {
            proxy.mode = m;
            const Result r = runClc(db, {QStringLiteral("sync"), QStringLiteral("--server"), proxy.url(), QStringLiteral("--token"), metaOf(db, QStringLiteral("token"))});
            INFO(r.err.toStdString());
            CHECK((r.code == 0 || r.code == 3)); // done, or interrupted with "nothing is lost"
        }
        proxy.mode = FaultyProxy::Mode::Pass;
    }
    CHECK(proxy.connections > 20);
    for (int round = 0; round < 2; ++round)
        for (const QString &db : {o.a, o.b, o.c})
            REQUIRE(runClc(db, {QStringLiteral("sync"), QStringLiteral("--server"), proxy.url(), QStringLiteral("--token"), metaOf(db, QStringLiteral("token"))}).code == 0);
    CHECK(exported(o.b) == exported(o.a));
    CHECK(exported(o.c) == exported(o.a));
    CHECK(count(o.c, "people") == 6);
    CHECK(count(o.c, "activities") == 3);
    Q_UNUSED(token)
}

TEST_CASE("requests without a valid token, role or scope are refused with 401 or 403 and change nothing", "[net][auth]")
{
    Office o(GENERATE(Backend::Sqlite, Backend::Postgres), false);
    o.converge();
    const QByteArray before = exported(o.a);
    const quint16 port = o.server->port();
    const QByteArray push = "{\"p\":1,\"s\":3,\"b\":1,\"r\":[\"11111111-1111-4111-8111-111111111111\"],\"c\":[]}";
    auto post = [port, &push](const QByteArray &token) {
        QByteArray req = "POST /v1/push HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n";
        if (!token.isEmpty())
            req += "Authorization: Bearer " + token + "\r\n";
        return statusOf(rawHttp(port, req + "Content-Length: " + QByteArray::number(push.size()) + "\r\n\r\n" + push));
    };
    CHECK(post({}) == 401);
    CHECK(post("not-a-token") == 401);
    // Revoked: the next request fails at once.
    const QByteArray tokenC = metaOf(o.c, QStringLiteral("token")).toLatin1();
    REQUIRE(run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("revoke"), metaOf(o.c, QStringLiteral("device_id"))}).code == 0);
    CHECK(post(tokenC) == 401);
    CHECK(runClc(o.c, {QStringLiteral("sync")}).code == 1);
    // A viewer may not push.
    const QString phone = o.dir.path(QStringLiteral("phone.db"));
    o.enrol(phone, QStringLiteral("viewer"));
    CHECK(post(metaOf(phone, QStringLiteral("token")).toLatin1()) == 403);
    // Another centre's device cannot place rows in this centre, nor read it.
    const QString other = o.dir.path(QStringLiteral("other.db"));
    REQUIRE(runClc(other, {QStringLiteral("init"), QStringLiteral("--centre"), QStringLiteral("TTHTCĐ phường khác")}).code == 0);
    const QString otherCode = o.server->enrollCode(centreOf(other), QStringLiteral("admin"), QStringLiteral("Máy phường khác"));
    REQUIRE(runClc(other, {QStringLiteral("enroll"), QStringLiteral("--server"), o.server->url(), QStringLiteral("--code"), otherCode}).code == 0);
    const QByteArray intoOurs = "{\"p\":1,\"s\":3,\"b\":1,\"r\":[\"11111111-1111-4111-8111-111111111111\"],\"c\":[[12,\"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa\",5,0,[0,\""
        + o.centre.toLatin1() + "\",1,\"Kẻ lạ\"]]]}";
    QByteArray req = "POST /v1/push HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + metaOf(other, QStringLiteral("token")).toLatin1()
        + "\r\nContent-Length: " + QByteArray::number(intoOurs.size()) + "\r\n\r\n" + intoOurs;
    CHECK(statusOf(rawHttp(port, req)) == 403);
    REQUIRE(runClc(other, {QStringLiteral("sync")}).code == 0);
    CHECK(count(other, "people") == 0);
    CHECK(count(other, "activities") == 0);
    // A used code does not work twice.
    CHECK(runClc(o.dir.path(QStringLiteral("again.db")), {QStringLiteral("enroll"), QStringLiteral("--server"), o.server->url(), QStringLiteral("--code"), otherCode}).code == 1);
    // A device of this centre given the other centre's code is refused, and the code stays good for
    // the device it was made for.
    const QString spare = o.server->enrollCode(centreOf(other), QStringLiteral("facilitator"), QStringLiteral("Máy phường khác 2"));
    const Result wrongCentre = runClc(o.a, {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("enroll"), QStringLiteral("--server"), o.server->url(),
                                            QStringLiteral("--code"), spare});
    CHECK(wrongCentre.code == 1);
    CHECK(wrongCentre.err.contains(QStringLiteral("was not used")));
    const QString other2 = o.dir.path(QStringLiteral("other2.db"));
    CHECK(runClc(other2, {QStringLiteral("enroll"), QStringLiteral("--server"), o.server->url(), QStringLiteral("--code"), spare}).code == 0);

    for (const QString &db : {o.a, o.b})
        REQUIRE(runClc(db, {QStringLiteral("sync")}).code == 0);
    CHECK(exported(o.a) == before);
}

TEST_CASE("the viewer's phone receives the schedule and none of the register or attendance", "[net][scope]")
{
    Office o(Backend::Sqlite);
    o.syncUntilDone(o.a);
    const QString phone = o.dir.path(QStringLiteral("phone.db"));
    o.enrol(phone, QStringLiteral("viewer"));
    const Result r = runClc(phone, {QStringLiteral("sync")});
    REQUIRE(r.code == 0);
    CHECK(count(phone, "activities") == 34);
    CHECK(count(phone, "sessions") > 0);
    CHECK(count(phone, "people") == 0);
    CHECK(count(phone, "attendance") == 0);
    CHECK(count(phone, "person_groups") == 0);
}

TEST_CASE("the HTTP layer caps bodies, answers malformed and old requests, closes idle connections", "[net][http]")
{
    TempDir dir;
    ServerProcess server(dir.path(QStringLiteral("s")), freePort(), {QStringLiteral("--idle-timeout"), QStringLiteral("2")});
    const quint16 port = server.port();
    CHECK(statusOf(rawHttp(port, "POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 60000000\r\n\r\n")) == 401); // a stranger first
    CHECK(statusOf(rawHttp(port, "POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Length: 60000000\r\n\r\n")) == 413);
    CHECK(statusOf(rawHttp(port, "POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")) == 413); // a code is a few bytes
    CHECK(statusOf(rawHttp(port, "GET /v1/health HTTP/1.1\r\nHost: x\r\nBad header line\r\n\r\n")) == 400);
    CHECK(statusOf(rawHttp(port, "GET  HTTP/1.1\r\nHost: x\r\n\r\n")) == 400);
    CHECK(statusOf(rawHttp(port, "GET /v1/health HTTP/7.1\r\nHost: x\r\n\r\n")) == 505);
    rawHttp(port, "GARBAGE\r\n\r\n", 3000); // not even a request line: the connection is closed
    CHECK(statusOf(rawHttp(port, "GET /v1/health HTTP/1.0\r\n\r\n")) == 200);
    CHECK(statusOf(rawHttp(port, "GET /v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) == 404);
    CHECK(statusOf(rawHttp(port, "DELETE /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) == 405);
    CHECK(statusOf(rawHttp(port, "POST /v1/enroll HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\n{bad}")) == 400);
    CHECK(statusOf(rawHttp(port, "POST /v1/enroll HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nxxxx"))
          == 413);
    // The token is checked before the body is read: a stranger's body is never looked at.
    CHECK(statusOf(rawHttp(port, "POST /v1/push HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Encoding: gzip\r\nAuthorization: Bearer x\r\nContent-Length: 4\r\n\r\nxxxx"))
          == 401);
    // Connection: close is honoured: the server closes after the answer.
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        REQUIRE(s.waitForConnected(5000));
        s.write("GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        CHECK(s.waitForDisconnected(5000));
    }
    // An idle connection is closed after the timeout.
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        REQUIRE(s.waitForConnected(5000));
        s.write("GET /v1/hea");
        CHECK(s.waitForDisconnected(10000));
    }
    CHECK(statusOf(rawHttp(port, "GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) == 200); // still serving
}

TEST_CASE("200 devices keep connections open and are all served", "[net][http]")
{
    TempDir dir;
    ServerProcess server(dir.path(QStringLiteral("s")), freePort());
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 200; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, server.port());
    }
    int ok = 0;
    for (int round = 0; round < 2; ++round) {
        for (auto &s : sockets) {
            REQUIRE((s->state() == QAbstractSocket::ConnectedState || s->waitForConnected(5000)));
            s->write("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        for (auto &s : sockets) {
            QByteArray answer;
            while (!answer.contains("\"status\":\"ok\"") && s->waitForReadyRead(5000))
                answer += s->readAll();
            ok += statusOf(answer) == 200;
        }
    }
    CHECK(ok == 400); // each connection answered twice: kept alive
}

TEST_CASE("TLS: the server speaks HTTPS with its certificate and devices sync over it", "[net][tls]")
{
    TempDir dir;
    const QString cert = dir.path(QStringLiteral("cert.pem")), key = dir.path(QStringLiteral("key.pem"));
    const Result gen = run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                       QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    REQUIRE(gen.code == 0);
    ServerProcess server(dir.path(QStringLiteral("s")), freePort(), {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(server.port());
    const QString a = dir.path(QStringLiteral("a.db")), b = dir.path(QStringLiteral("b.db"));
    REQUIRE(runClc(a, {QStringLiteral("init")}).code == 0);
    REQUIRE(runClc(a, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Nguyễn Thị Hoà")}).code == 0);
    // Without trusting the certificate the device refuses to talk.
    CHECK(runClc(a, {QStringLiteral("enroll"), QStringLiteral("--server"), url, QStringLiteral("--code"), server.enrollCode(centreOf(a), QStringLiteral("admin"), QStringLiteral("A"))}).code != 0);
    for (const QString &db : {a, b}) {
        const QString code = server.enrollCode(db == a ? centreOf(a) : centreOf(a), QStringLiteral("coordinator"), db);
        const Result r = runClc(db, {QStringLiteral("enroll"), QStringLiteral("--server"), url, QStringLiteral("--code"), code, QStringLiteral("--ca"), cert});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        REQUIRE(runClc(db, {QStringLiteral("sync")}).code == 0);
    }
    CHECK(count(b, "people") == 1);
    // Plain HTTP to the TLS port gets nowhere.
    CHECK(statusOf(rawHttp(server.port(), "GET /v1/health HTTP/1.0\r\n\r\n", 3000)) == 0);
}

TEST_CASE("two server processes on one PostgreSQL database serve the same devices", "[net][postgres]")
{
    TempDir dir;
    const QStringList pg = backendArgs(Backend::Postgres);
    ServerProcess one(dir.path(QStringLiteral("one")), freePort(), pg);
    ServerProcess two(dir.path(QStringLiteral("two")), freePort(), pg);
    const QString a = dir.path(QStringLiteral("a.db")), b = dir.path(QStringLiteral("b.db"));
    REQUIRE(runClc(a, {QStringLiteral("demo")}).code == 0);
    const QString centre = centreOf(a);
    REQUIRE(runClc(a, {QStringLiteral("enroll"), QStringLiteral("--server"), one.url(), QStringLiteral("--code"), one.enrollCode(centre, QStringLiteral("admin"), QStringLiteral("A"))}).code == 0);
    // Enrolled by process one, served by process two: they share the devices and the changes.
    REQUIRE(runClc(b, {QStringLiteral("enroll"), QStringLiteral("--server"), two.url(), QStringLiteral("--code"), one.enrollCode(centre, QStringLiteral("facilitator"), QStringLiteral("B"))}).code == 0);
    REQUIRE(runClc(a, {QStringLiteral("sync")}).code == 0);
    REQUIRE(runClc(b, {QStringLiteral("sync")}).code == 0); // through the other process
    CHECK(count(b, "people") == 300);
    // Both devices edit, then sync at the same time through different processes.
    REQUIRE(runClc(b, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Phạm Văn Đồng")}).code == 0);
    REQUIRE(runClc(a, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Trần Thị Lý")}).code == 0);
    QProcess pa, pb;
    pa.start(QStringLiteral(CLC_BINARY), {QStringLiteral("--db"), a, QStringLiteral("sync")});
    pb.start(QStringLiteral(CLC_BINARY), {QStringLiteral("--db"), b, QStringLiteral("sync")});
    REQUIRE(pa.waitForFinished(60000));
    REQUIRE(pb.waitForFinished(60000));
    CHECK(pa.exitCode() == 0);
    CHECK(pb.exitCode() == 0);
    for (int round = 0; round < 2; ++round)
        for (const QString &db : {a, b})
            REQUIRE(runClc(db, {QStringLiteral("sync"), QStringLiteral("--server"), round ? two.url() : one.url(), QStringLiteral("--token"), metaOf(db, QStringLiteral("token"))}).code == 0);
    CHECK(exported(a) == exported(b));
    CHECK(count(a, "people") == 302);
}

TEST_CASE("SIGTERM stops the server cleanly and a backup made while serving is complete", "[net][operations]")
{
    Office o(Backend::Sqlite, false);
    REQUIRE(runClc(o.a, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Lê Văn Sao")}).code == 0);
    o.syncUntilDone(o.a);
    const QString backup = o.dir.path(QStringLiteral("backup.db"));
    const Result r = run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("backup"), backup});
    REQUIRE(r.code == 0);
    CHECK(o.server->terminate() == 0);
    // The backup is a working server store: a server started on it serves the same data.
    QDir().mkpath(o.dir.path(QStringLiteral("restored")));
    REQUIRE(QFile::copy(backup, o.dir.path(QStringLiteral("restored/server.db"))));
    ServerProcess restored(o.dir.path(QStringLiteral("restored")), freePort());
    const QString d = o.dir.path(QStringLiteral("d.db"));
    REQUIRE(runClc(d, {QStringLiteral("enroll"), QStringLiteral("--server"), restored.url(), QStringLiteral("--code"),
                    restored.enrollCode(o.centre, QStringLiteral("coordinator"), QStringLiteral("D"))}).code == 0);
    REQUIRE(runClc(d, {QStringLiteral("sync")}).code == 0);
    CHECK(count(d, "people") == 1);
}

TEST_CASE("after the server is restored from an older backup, devices send again what it lost and everyone converges", "[net][operations][restore]")
{
    Office o(Backend::Sqlite, false);
    auto person = [](const QString &db, const char *name) {
        REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QString::fromUtf8(name)}).code == 0);
    };
    person(o.a, "Trước Sao Lưu");
    o.converge();
    const QString backup = o.dir.path(QStringLiteral("backup.db"));
    REQUIRE(run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("backup"), backup}).code == 0);

    // After the backup: a and b push more, c pulls it all. Then the server is restored to the backup.
    person(o.a, "Sau Sao Lưu Một");
    o.syncUntilDone(o.a);
    person(o.b, "Sau Sao Lưu Hai");
    o.syncUntilDone(o.b);
    o.syncUntilDone(o.c);
    REQUIRE(count(o.c, "people") == 3);
    // Not while it serves: the server would go on writing to the file the restore replaces.
    const Result busy = run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("restore"), backup});
    CHECK(busy.code != 0);
    CHECK(busy.err.contains(QStringLiteral("stop it first")));
    CHECK(o.server->terminate() == 0);
    {
        // b as a device that never heard of epochs (it synced only with an older server): it still
        // finds out, because the restored server is behind its batch numbers.
        clc::Store b(o.b);
        b.setMeta(QStringLiteral("server_epoch"), QString());
        b.setMeta(QStringLiteral("batch_epoch"), QString());
    }
    const Result restored = run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("restore"), backup});
    INFO(restored.err.toStdString());
    REQUIRE(restored.code == 0);
    o.server->start();

    // A device that pushed after the backup is ahead of the server's batch numbers (409 batch_gap);
    // in the new epoch it starts from the server's number and sends its own changes again.
    const Result a = runClc(o.a, {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("sync")});
    INFO(a.err.toStdString());
    CHECK(a.err.contains(QStringLiteral("changes made on this device were sent again")));
    INFO(("device epoch " + metaOf(o.a, QStringLiteral("server_epoch")) + "; restore said " + restored.out).toStdString());
    CHECK(a.code == 0);
    // The tablet that only pulled notices the new epoch on its pull and pulls again from the start.
    o.syncUntilDone(o.c);
    const Result bSync = runClc(o.b, {QStringLiteral("sync")});
    INFO(("b: " + bSync.err).toStdString());
    CHECK(bSync.code == 0);
    o.converge();
    for (const QString &db : {o.a, o.b, o.c}) {
        INFO(db.toStdString());
        CHECK(count(db, "people") == 3);
    }
    // A fresh device gets everything from the restored server: nothing was lost.
    const QString d = o.dir.path(QStringLiteral("d.db"));
    REQUIRE(runClc(d, {QStringLiteral("enroll"), QStringLiteral("--server"), o.server->url(), QStringLiteral("--code"),
                       o.server->enrollCode(o.centre, QStringLiteral("coordinator"), QStringLiteral("D"))}).code == 0);
    REQUIRE(runClc(d, {QStringLiteral("sync")}).code == 0);
    CHECK(count(d, "people") == 3);
    CHECK(exported(d) == exported(o.a));
}

TEST_CASE("PostgreSQL restarted under a running server: devices keep syncing and converge, nothing lost", "[net][postgres][faults]")
{
    // A cluster of this test's own, so the restart does not disturb tests running beside it.
    const QString pgDir = QStringLiteral(CLC_PG_PRIVATE_DIR);
    const QString fixture = QStringLiteral(CLC_PG_FIXTURE);
    REQUIRE(run(QStringLiteral("bash"), {fixture, QStringLiteral("start"), pgDir}).code == 0);
    struct Stop
    {
        QString fixture, dir;
        ~Stop() { run(QStringLiteral("bash"), {fixture, QStringLiteral("stop"), dir}); }
    } stop{fixture, pgDir};
    QFile conninfo(pgDir + QStringLiteral("/conninfo"));
    REQUIRE(conninfo.open(QIODevice::ReadOnly));
    Office o(Backend::Sqlite, true, {QStringLiteral("--postgres"), QString::fromUtf8(conninfo.readAll()).trimmed()});
    o.converge();

    REQUIRE(runClc(o.b, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Vàng Thị Mỷ")}).code == 0);
    REQUIRE(runClc(o.b, {QStringLiteral("sync")}).code == 0);
    REQUIRE(run(QStringLiteral("bash"), {fixture, QStringLiteral("restart"), pgDir}).code == 0);
    REQUIRE(runClc(o.c, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Sùng A Lử")}).code == 0);
    // The first request after the restart may meet the dead connection: a 503 the device retries
    // (exit 3, nothing lost), never a refusal; the server itself is not restarted.
    const Result first = runClc(o.c, {QStringLiteral("sync")});
    INFO(first.err.toStdString());
    CHECK((first.code == 0 || first.code == 3));
    o.syncUntilDone(o.c);
    o.converge();
    const QByteArray all = exported(o.a);
    CHECK(all.contains("Vàng Thị Mỷ"));
    CHECK(all.contains("Sùng A Lử"));
    CHECK(count(o.a, "people") == 302);
}

TEST_CASE("a tablet set up on its own and holding nothing takes the ward's centre with the ward's code, and one holding data is refused unchanged", "[net][enrol]")
{
    Office o(Backend::Sqlite);
    REQUIRE(runClc(o.a, {QStringLiteral("sync")}).code == 0);
    // Set up alone first (`clc init`, or "Start a new centre" in the app), then given the ward's code.
    const QString tablet = o.dir.path(QStringLiteral("tablet.db"));
    REQUIRE(runClc(tablet, {QStringLiteral("init"), QStringLiteral("--centre"), QStringLiteral("TTHTCĐ thử")}).code == 0);
    const QString ownCentre = centreOf(tablet);
    REQUIRE(ownCentre != o.centre);
    o.enrol(tablet, QStringLiteral("facilitator"));
    CHECK(centreOf(tablet) == o.centre);
    REQUIRE(runClc(tablet, {QStringLiteral("sync")}).code == 0);
    CHECK(count(tablet, "activities") == count(o.a, "activities"));
    CHECK(count(tablet, "people") == count(o.a, "people"));
    // Its own empty centre never reached the server or the others.
    REQUIRE(runClc(o.a, {QStringLiteral("sync")}).code == 0);
    CHECK(count(o.a, "centres") == 1);
    CHECK(count(tablet, "centres") == 1);
    CHECK(runClc(tablet, {QStringLiteral("status")}).code == 0);

    // One that holds its own data is refused, says what to do, and keeps everything.
    const QString busy = o.dir.path(QStringLiteral("busy.db"));
    REQUIRE(runClc(busy, {QStringLiteral("init"), QStringLiteral("--centre"), QStringLiteral("TTHTCĐ khác")}).code == 0);
    REQUIRE(runClc(busy, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Lê Thị Hoa")}).code == 0);
    const QString busyCentre = centreOf(busy);
    const QString code = o.server->enrollCode(o.centre, QStringLiteral("facilitator"), QStringLiteral("Máy bận"));
    const Result refused = runClc(busy, {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("enroll"), QStringLiteral("--server"), o.server->url(),
                                         QStringLiteral("--code"), code});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(QStringLiteral("new, empty database")));
    CHECK(refused.err.contains(QStringLiteral("was not used")));
    CHECK(centreOf(busy) == busyCentre);
    CHECK(count(busy, "people") == 1);
    CHECK(metaOf(busy, QStringLiteral("token")).isEmpty());
}

TEST_CASE("a tablet joins by the office's QR code: drawn by clc-server, read from the picture by clc, enrolled and synced", "[net][enrol][qr]")
{
    Office o(Backend::Sqlite);
    REQUIRE(runClc(o.a, {QStringLiteral("sync")}).code == 0);
    const QString png = o.dir.path(QStringLiteral("ma-qr.png"));
    const Result made = run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{
                                QStringLiteral("--public-url"), o.server->url(), QStringLiteral("enroll"), QStringLiteral("--centre"), o.centre,
                                QStringLiteral("--role"), QStringLiteral("facilitator"), QStringLiteral("--name"), QStringLiteral("Máy quét QR"),
                                QStringLiteral("--qr-png"), png});
    INFO(made.err.toStdString());
    REQUIRE(made.code == 0);
    const QString tablet = o.dir.path(QStringLiteral("qr.db"));
    const Result joined = runClc(tablet, {QStringLiteral("enroll"), QStringLiteral("--qr"), png});
    INFO(joined.err.toStdString());
    REQUIRE(joined.code == 0);
    CHECK(centreOf(tablet) == o.centre);
    REQUIRE(runClc(tablet, {QStringLiteral("sync")}).code == 0);
    CHECK(count(tablet, "people") == count(o.a, "people"));
    // The same code a second time (another picture of it) is spent.
    CHECK(runClc(o.dir.path(QStringLiteral("again.db")), {QStringLiteral("enroll"), QStringLiteral("--qr"), png}).code == 1);
    // A pasted link works the same way; a mangled one is refused before any network.
    const QString code = o.server->enrollCode(o.centre, QStringLiteral("viewer"), QStringLiteral("Điện thoại"));
    const QString phone = o.dir.path(QStringLiteral("phone.db"));
    REQUIRE(runClc(phone, {QStringLiteral("enroll"), QStringLiteral("--link"),
                           QStringLiteral("clc://enroll?server=%1&code=%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(o.server->url())), code)}).code == 0);
    const Result mangled = runClc(o.dir.path(QStringLiteral("x.db")), {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("enroll"),
                                                                     QStringLiteral("--link"), QStringLiteral("clc://enroll?code=AAAA")});
    CHECK(mangled.code == 1);
    CHECK(mangled.err.contains(QStringLiteral("--link")));
}

TEST_CASE("a centre's schedule is a calendar anyone may subscribe to only once the admin publishes it, and holds no one's name", "[net][schedule]")
{
    Office o(Backend::Sqlite);
    REQUIRE(runClc(o.a, {QStringLiteral("sync")}).code == 0);
    const quint16 port = o.server->port();
    const QByteArray get = "GET /v1/schedule/" + o.centre.toLatin1() + ".ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    CHECK(statusOf(rawHttp(port, get)) == 404); // not published: as if there were nothing
    const auto admin = [&](const QString &onOff) {
        return run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("publish-schedule"), o.centre, onOff});
    };
    REQUIRE(admin(QStringLiteral("on")).code == 0);
    const QByteArray answer = rawHttp(port, get);
    REQUIRE(statusOf(answer) == 200);
    CHECK(answer.contains("Content-Type: text/calendar"));
    const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    CHECK(body.startsWith("BEGIN:VCALENDAR"));
    // One event per session of the plan's year, as the tablet has them.
    clc::Store tablet(o.a);
    const int sessions = tablet.db().scalar(QStringLiteral("SELECT count(*) FROM sessions s JOIN activities a ON a.id = s.activity_id "
                                                           "WHERE s.deleted = 0 AND a.deleted = 0 AND s.starts_at >= '2017-09' AND s.starts_at < '2018-09'")).toInt();
    REQUIRE(sessions > 10);
    CHECK(body.count("BEGIN:VEVENT") == sessions);
    // The schedule only: no learner's name is in it, nor the facilitator's (a person's name).
    CHECK_FALSE(body.contains("Facilitator"));
    CHECK(body.contains("Đối tượng: ")); // for the ward's residents: Vietnamese, whatever the server speaks
    CHECK_FALSE(body.contains("For: "));
    CHECK_FALSE(body.contains("Người phụ trách"));
    auto st = tablet.db().prepare(QStringLiteral("SELECT full_name FROM people WHERE deleted = 0 LIMIT 50"));
    while (st.step())
        CHECK_FALSE(QString::fromUtf8(body).contains(st.text(0)));
    // A change on a tablet reaches the calendar after its sync.
    const QString session = tablet.db().scalar(QStringLiteral("SELECT id FROM sessions WHERE deleted = 0 ORDER BY starts_at LIMIT 1")).toText();
    REQUIRE(runClc(o.a, {QStringLiteral("activity"), QStringLiteral("set"), tablet.value(QStringLiteral("sessions"), session, QStringLiteral("activity_id")).toText(),
                         QStringLiteral("title"), QStringLiteral("Buổi học đã đổi tên")}).code == 0);
    REQUIRE(runClc(o.a, {QStringLiteral("sync")}).code == 0);
    CHECK(rawHttp(port, get).contains("Buổi học đã đổi tên"));
    // Other paths and methods, and the admin taking it back.
    CHECK(statusOf(rawHttp(port, "GET /v1/schedule/" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + ".ics HTTP/1.1\r\nHost: x\r\n\r\n")) == 404);
    CHECK(statusOf(rawHttp(port, "GET /v1/schedule/../" + o.centre.toLatin1() + ".ics HTTP/1.1\r\nHost: x\r\n\r\n")) == 404);
    CHECK(statusOf(rawHttp(port, "POST /v1/schedule/" + o.centre.toLatin1() + ".ics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")) == 405);
    REQUIRE(admin(QStringLiteral("off")).code == 0);
    CHECK(statusOf(rawHttp(port, get)) == 404);
    CHECK(admin(QStringLiteral("maybe")).code == 2);
    CHECK(run(QStringLiteral(CLC_SERVER_BINARY), o.server->serverArgs() + QStringList{QStringLiteral("publish-schedule"), QStringLiteral("not-an-id"), QStringLiteral("on")}).code == 1);
}
