// The device's enrolment call against servers that do not behave: it always ends, with the reason.
#include "deviceenrolment.h"
#include "error.h"
#include "store.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <atomic>
#include <memory>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("enrolling against a server that takes the connection and never answers ends in seconds with the reason", "[client][enrol]")
{
    QTcpServer blackHole; // accepts, reads nothing, answers nothing
    REQUIRE(blackHole.listen(QHostAddress::LocalHost, 0));
    TempDir dir;
    Store store(dir.path(QStringLiteral("tablet.db")), StoreOptions{QStringLiteral("tablet"), {}});
    QElapsedTimer t;
    t.start();
    try {
        sync::enrolDevice(store, QStringLiteral("http://127.0.0.1:%1").arg(blackHole.serverPort()), QStringLiteral("AAAA-BBBB-CCCC"));
        FAIL("enrolled against a server that never answered");
    } catch (const Error &e) {
        CHECK(e.field() == QStringLiteral("--server"));
        CHECK(e.message().contains(QStringLiteral("did not answer in time")));
    }
    CHECK(t.elapsed() < sync::EnrolTimeoutMs + 3000);
    CHECK_FALSE(store.isInitialised()); // nothing written
}

TEST_CASE("enrolling against an address that is not a ward office server says so", "[client][enrol]")
{
    QTcpServer notClc;
    REQUIRE(notClc.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&notClc, &QTcpServer::newConnection, [&notClc] {
        QTcpSocket *s = notClc.nextPendingConnection();
        QObject::connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\nConnection: close\r\n\r\nNot here.");
            s->disconnectFromHost();
        });
    });
    TempDir dir;
    Store store(dir.path(QStringLiteral("tablet.db")), StoreOptions{QStringLiteral("tablet"), {}});
    try {
        sync::enrolDevice(store, QStringLiteral("http://127.0.0.1:%1").arg(notClc.serverPort()), QStringLiteral("AAAA-BBBB-CCCC"));
        FAIL("enrolled against a web server that is not clc");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("does not answer like a ward office server")));
    }
    CHECK_FALSE(store.isInitialised());
}

TEST_CASE("enrolling against a closed port says in plain words that the server refused the connection", "[client][enrol]")
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago: nothing listens there now
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    TempDir dir;
    Store store(dir.path(QStringLiteral("tablet.db")), StoreOptions{QStringLiteral("tablet"), {}});
    try {
        sync::enrolDevice(store, QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("AAAA-BBBB-CCCC"));
        FAIL("enrolled against a closed port");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("refused the connection")));
        CHECK(e.message().contains(QStringLiteral("check the address")));
    }
    CHECK_FALSE(store.isInitialised());
}

TEST_CASE("an enrolment the person cancels ends at once and changes nothing", "[client][enrol]")
{
    QTcpServer blackHole;
    REQUIRE(blackHole.listen(QHostAddress::LocalHost, 0));
    TempDir dir;
    Store store(dir.path(QStringLiteral("tablet.db")), StoreOptions{QStringLiteral("tablet"), {}});
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    QTimer::singleShot(300, [cancel] { cancel->store(true); }); // the person presses Cancel
    QElapsedTimer t;
    t.start();
    try {
        sync::enrolDevice(store, QStringLiteral("http://127.0.0.1:%1").arg(blackHole.serverPort()), QStringLiteral("AAAA-BBBB-CCCC"), QString(), cancel);
        FAIL("enrolled although cancelled");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("cancelled")));
    }
    CHECK(t.elapsed() < sync::EnrolTimeoutMs / 2); // not the timeout: the cancel
    CHECK_FALSE(store.isInitialised());
}
