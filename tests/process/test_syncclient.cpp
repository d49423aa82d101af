#include "nettestsupport.h"
#include "syncclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "store.h"
#include "deviceenrolment.h"
#include "error.h"
#include <QTcpSocket>
#include <catch2/catch.hpp>

using namespace clctest;
using clc::sync::SyncClient;

TEST_CASE("the background sync client never blocks, reports its state, and resumes when the server is back", "[net][client]")
{
    TempDir dir;
    const quint16 port = freePort();
    auto server = std::make_unique<ServerProcess>(dir.path(QStringLiteral("s")), port);
    const QString db = dir.path(QStringLiteral("tablet.db"));
    REQUIRE(runClc(db, {QStringLiteral("init")}).code == 0);

    SyncClient notEnrolled(db);
    QSignalSpy first(&notEnrolled, &SyncClient::finished);
    notEnrolled.syncNow();
    REQUIRE(first.wait(20000));
    CHECK(notEnrolled.state() == SyncClient::State::NotEnrolled);

    REQUIRE(runClc(db, {QStringLiteral("enroll"), QStringLiteral("--server"), server->url(), QStringLiteral("--code"),
                        server->enrollCode(centreOf(db), QStringLiteral("coordinator"), QStringLiteral("Tablet"))}).code == 0);
    REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hoàng Thị Thuỷ")}).code == 0);

    SyncClient client(db);
    client.setBackoff(200, 1000);
    QSignalSpy done(&client, &SyncClient::finished);
    client.syncNow();
    // syncNow returned before the work was done: the caller's thread was not held.
    CHECK(client.state() == SyncClient::State::Syncing);
    CHECK(done.count() == 0);
    REQUIRE(done.wait(20000));
    CHECK(done.takeFirst().at(0).toBool());
    CHECK(client.state() == SyncClient::State::Idle);
    CHECK(client.pending() == 0);
    CHECK(client.lastSuccess().isValid());
    CHECK(qAbs(client.clockOffsetMs()) < 60000);
    const QDateTime firstSuccess = client.lastSuccess();

    // The server goes away: offline, with the reason, and a retry scheduled; the last success stays.
    server->kill();
    REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Đinh Văn Hải")}).code == 0);
    client.syncNow();
    REQUIRE(done.wait(20000));
    CHECK(client.state() == SyncClient::State::Offline);
    CHECK_FALSE(client.errorText().isEmpty());
    CHECK(client.lastSuccess() == firstSuccess);
    CHECK(client.retryInMs() > 0);
    {
        // The app opened again while offline: the last success comes from the file, not "never".
        SyncClient restarted(db);
        QSignalSpy again(&restarted, &SyncClient::finished);
        restarted.syncNow();
        REQUIRE(again.wait(20000));
        CHECK(restarted.state() == SyncClient::State::Offline);
        REQUIRE(restarted.lastSuccess().isValid());
        CHECK(qAbs(restarted.lastSuccess().secsTo(firstSuccess)) <= 2);
    }

    // It comes back: the client finds it by itself (no syncNow) and sends what waited.
    server->start();
    bool recovered = false;
    for (int i = 0; i < 20 && !recovered; ++i) {
        REQUIRE(done.wait(20000));
        recovered = client.state() == SyncClient::State::Idle;
    }
    CHECK(recovered);
    CHECK(client.pending() == 0);

    // A revoked device gets a plain error and no retry loop.
    REQUIRE(run(QStringLiteral(CLC_SERVER_BINARY), server->serverArgs() + QStringList{QStringLiteral("revoke"), metaOf(db, QStringLiteral("device_id"))}).code == 0);
    client.syncNow();
    REQUIRE(done.wait(20000));
    CHECK(client.state() == SyncClient::State::Error);
    CHECK(client.errorText().contains(QStringLiteral("revoked")));
    CHECK(client.retryInMs() == 0);
}

namespace {
/// A device that believes it is enrolled with `url` (no real server behind it).
QString deviceEnrolledWith(TempDir &dir, const QString &url)
{
    const QString db = dir.path(QStringLiteral("tablet.db"));
    REQUIRE(runClc(db, {QStringLiteral("init")}).code == 0);
    REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hoàng Thị Thuỷ")}).code == 0);
    clc::Store store(db);
    store.setMeta(clc::MetaKey::ServerUrl, url);
    store.setMeta(clc::MetaKey::Token, QStringLiteral("not-a-real-token"));
    return db;
}
} // namespace

TEST_CASE("a sync against an address that never lets it connect ends by the connect deadline, with the reason", "[net][client]")
{
    // A listening socket whose accept queue is full: the kernel drops further SYNs, so a connect
    // hangs as it does towards a switched-off or unroutable office computer.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0);
    REQUIRE(::listen(fd, 0) == 0);
    std::vector<int> fillers;
    for (int i = 0; i < 3; ++i) { // fill the queue; never accepted
        const int c = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(c, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        fillers.push_back(c);
    }
    QTest::qWait(200);

    TempDir dir;
    const QString db = deviceEnrolledWith(dir, QStringLiteral("http://127.0.0.1:%1").arg(ntohs(addr.sin_port)));
    SyncClient client(db);
    client.setTimeouts(1500, 60000);
    QSignalSpy done(&client, &SyncClient::finished);
    QElapsedTimer t;
    t.start();
    client.syncNow();
    REQUIRE(done.wait(20000));
    CHECK(t.elapsed() < 10000); // by the connect deadline, not the minute a silent exchange gets
    CHECK(client.state() == SyncClient::State::Offline);
    INFO(client.errorText().toStdString());
    CHECK(client.errorText().contains(QStringLiteral("could not be reached")));
    CHECK(client.retryInMs() > 0); // an unreachable server is tried again
    CHECK(client.pending() > 0);   // nothing was lost
    for (int c : fillers)
        ::close(c);
    ::close(fd);
}

TEST_CASE("a sync under way can be cancelled: it ends at once, keeps what waits and does not retry by itself", "[net][client]")
{
    QTcpServer silent; // accepts and never answers
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    TempDir dir;
    const QString db = deviceEnrolledWith(dir, QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    SyncClient client(db);
    QSignalSpy done(&client, &SyncClient::finished);
    client.syncNow();
    QTest::qWait(500);
    CHECK(client.state() == SyncClient::State::Syncing);
    QElapsedTimer t;
    t.start();
    client.cancel();
    REQUIRE(done.wait(5000));
    CHECK(t.elapsed() < 2000);
    CHECK(client.state() == SyncClient::State::Offline);
    CHECK(client.wasCancelled());
    CHECK(client.retryInMs() == 0);
    CHECK(client.pending() > 0);
    // The next press starts a fresh run (not cancelled).
    client.syncNow();
    CHECK(client.state() == SyncClient::State::Syncing);
    client.cancel();
    REQUIRE(done.wait(5000));
}

TEST_CASE("a sync reports its progress in changes sent of those waiting, and received", "[net][client]")
{
    TempDir dir;
    ServerProcess server(dir.path(QStringLiteral("s")), freePort());
    const QString db = dir.path(QStringLiteral("tablet.db"));
    REQUIRE(runClc(db, {QStringLiteral("demo")}).code == 0);
    REQUIRE(runClc(db, {QStringLiteral("enroll"), QStringLiteral("--server"), server.url(), QStringLiteral("--code"),
                        server.enrollCode(centreOf(db), QStringLiteral("coordinator"), QStringLiteral("Tablet"))}).code == 0);
    SyncClient client(db);
    int waitingSeen = 0, sentSeen = 0;
    QObject::connect(&client, &SyncClient::changed, [&] {
        if (client.state() != SyncClient::State::Syncing)
            return;
        waitingSeen = std::max(waitingSeen, client.progressToSend());
        sentSeen = std::max(sentSeen, client.progressSent());
    });
    QSignalSpy done(&client, &SyncClient::finished);
    client.syncNow();
    REQUIRE(done.wait(60000));
    REQUIRE(client.state() == SyncClient::State::Idle);
    CHECK(waitingSeen > 100);
    CHECK(sentSeen == waitingSeen); // seen while it ran, before it said it was done

    // A second device receives it all, and says so while it runs.
    const QString db2 = dir.path(QStringLiteral("phone.db"));
    REQUIRE(runClc(db2, {QStringLiteral("enroll"), QStringLiteral("--server"), server.url(), QStringLiteral("--code"),
                         server.enrollCode(centreOf(db), QStringLiteral("coordinator"), QStringLiteral("Phone"))}).code == 0);
    SyncClient second(db2);
    int receivedSeen = 0;
    QObject::connect(&second, &SyncClient::changed, [&] {
        if (second.state() == SyncClient::State::Syncing)
            receivedSeen = std::max(receivedSeen, second.progressReceived());
    });
    QSignalSpy done2(&second, &SyncClient::finished);
    second.syncNow();
    REQUIRE(done2.wait(60000));
    REQUIRE(second.state() == SyncClient::State::Idle);
    CHECK(receivedSeen >= waitingSeen);
}

namespace {
/// Answers every request on its port with the same canned HTTP response.
class CannedServer : public QObject
{
public:
    explicit CannedServer(QByteArray response) : m_response(std::move(response))
    {
        REQUIRE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *c = m_server.nextPendingConnection()) {
                QObject::connect(c, &QTcpSocket::readyRead, c, [this, c] {
                    c->readAll();
                    c->write(m_response);
                    c->flush();
                });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
    QByteArray m_response;
};
} // namespace

TEST_CASE("an address that answers 200 but is not a ward office server enrols nothing and changes nothing", "[net][client][enrol]")
{
    CannedServer portal("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 29\r\nConnection: close\r\n\r\n<html>Welcome to Wi-Fi</html>");
    CannedServer emptyJson("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    for (const QString &url : {portal.url(), emptyJson.url()}) {
        INFO(url.toStdString());
        TempDir dir;
        const QString db = dir.path(QStringLiteral("tablet.db"));
        REQUIRE(runClc(db, {QStringLiteral("init"), QStringLiteral("--centre"), QStringLiteral("TTHTCĐ thử")}).code == 0);
        const QString centre = centreOf(db);
        clc::Store store(db);
        try {
            clc::sync::enrolDevice(store, url, QStringLiteral("AAAA-BBBB-CCCC"));
            FAIL("enrolled against a web page");
        } catch (const clc::Error &e) {
            CHECK(e.field() == QStringLiteral("--server"));
        }
        CHECK(store.centreId() == centre);
        CHECK(store.meta(clc::MetaKey::Token).isEmpty());
        CHECK(store.value(QStringLiteral("centres"), centre, QStringLiteral("name")).toText() == QStringLiteral("TTHTCĐ thử"));
        CHECK(store.pendingChanges() > 0); // its own centre row still waits to be sent
    }
}

TEST_CASE("a Cancel during a server-busy wait ends the exchange at once", "[net][client]")
{
    CannedServer busy("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 20\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    TempDir dir;
    const QString db = deviceEnrolledWith(dir, busy.url());
    SyncClient client(db);
    QSignalSpy done(&client, &SyncClient::finished);
    client.syncNow();
    QTest::qWait(800); // the 429 came; it waits 20 s
    CHECK(client.state() == SyncClient::State::Syncing);
    QElapsedTimer t;
    t.start();
    client.cancel();
    REQUIRE(done.wait(5000));
    CHECK(t.elapsed() < 2000);
    CHECK(client.wasCancelled());
}
