// The client's HTTP transport against a server that says "wait": a short Retry-After is honoured
// (waited out, then the same request sent again); a long one is the person's to decide.
#include "error.h"
#include "httptransport.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {
/// Answers each request with the next of answers (the last one again when they run out).
struct ScriptedServer
{
    explicit ScriptedServer(QList<QByteArray> script) : answers(std::move(script))
    {
        REQUIRE(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &QTcpServer::newConnection, [this] {
            QTcpSocket *s = server.nextPendingConnection();
            QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] {
                const QByteArray got = s->readAll();
                if (!got.contains("\r\n\r\n"))
                    return;
                requests.append(got.left(got.indexOf("\r\n")));
                requestTimes.append(clock.elapsed());
                const QByteArray body = answers.value(std::min(int(requests.size()) - 1, int(answers.size()) - 1));
                s->write(body);
                s->disconnectFromHost();
            });
        });
        clock.start();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()); }
    QTcpServer server;
    QList<QByteArray> answers;
    QList<QByteArray> requests;
    QList<qint64> requestTimes;
    QElapsedTimer clock;
};

QByteArray answer(const QByteArray &status, const QByteArray &extraHeaders, const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
}
} // namespace

TEST_CASE("a 429 with a short Retry-After is waited out and the request sent again", "[client][fairness]")
{
    const QByteArray page = R"({"p":1,"s":1,"c":[],"k":"YzE6MA","more":false,"t":1,"e":"x"})";
    ScriptedServer server({answer("429 Too Many Requests", "Retry-After: 1\r\n",
                                  R"({"error":"too_many_requests","message":"wait 1 s"})"),
                           answer("200 OK", "", page)});
    sync::HttpTransport transport(QUrl(server.url()), QStringLiteral("token"));
    const QByteArray got = transport.pull(QString(), 100, sync::ProtocolVersion);
    CHECK(got == page);
    CHECK(transport.busyWaits() == 1);
    REQUIRE(server.requests.size() == 2);
    CHECK(server.requests[0] == server.requests[1]); // the same request again
    CHECK(server.requestTimes[1] - server.requestTimes[0] >= 950); // after the wait it was told
}

TEST_CASE("a 429 asking for a long wait is not waited out: the person gets the server's reason", "[client][fairness]")
{
    ScriptedServer server({answer("429 Too Many Requests", "Retry-After: 900\r\n",
                                  R"({"error":"too_many_attempts","message":"too many wrong codes from this address; try again in 15 minutes","field":"code"})")});
    sync::HttpTransport transport(QUrl(server.url()), QString());
    try {
        transport.enroll(QStringLiteral("AAAA-BBBB-CCCC"));
        FAIL("a long wait was taken or ignored");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("try again in 15 minutes")));
        CHECK(e.field() == QStringLiteral("code"));
    }
    CHECK(transport.busyWaits() == 0);
    CHECK(server.requests.size() == 1);
}

TEST_CASE("a server that keeps saying wait ends the sync with a retryable error, not a hang", "[client][fairness]")
{
    ScriptedServer server({answer("429 Too Many Requests", "Retry-After: 0\r\n", R"({"error":"too_many_requests","message":"wait"})")});
    sync::HttpTransport transport(QUrl(server.url()), QStringLiteral("token"));
    CHECK_THROWS_AS(transport.pull(QString(), 100, sync::ProtocolVersion), sync::TransportError);
    CHECK(transport.busyWaits() == sync::HttpTransport::MaxBusyRetries - 1);
    CHECK(server.requests.size() == sync::HttpTransport::MaxBusyRetries);
}

TEST_CASE("a 429 without a short Retry-After during a sync is a retryable failure, not a refusal", "[client][fairness]")
{
    ScriptedServer server({answer("429 Too Many Requests", "", R"({"error":"busy","message":"slow down"})")});
    sync::HttpTransport transport(QUrl(server.url()), QStringLiteral("token"));
    CHECK_THROWS_AS(transport.pull(QString(), 100, sync::ProtocolVersion), sync::TransportError); // the sync's backoff tries again later
    CHECK(transport.busyWaits() == 0);
}
