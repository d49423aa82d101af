// The HTTP layer in-process: what a failure inside a handler tells the client and the log.
#include "httpserver.h"
#include "logcapture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <catch2/catch.hpp>

using namespace clc::sync;
using namespace clctest;

namespace {
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    REQUIRE(s.waitForConnected(5000));
    s.write(request);
    s.waitForBytesWritten(5000);
    QByteArray answer;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && s.state() == QAbstractSocket::ConnectedState)
        if (s.waitForReadyRead(200))
            answer += s.readAll();
    return answer + s.readAll();
}
} // namespace

TEST_CASE("a failure inside the server answers 500 with a request id the log also has, never the internal text", "[server][http][log]")
{
    LogCapture log;
    HttpServerOptions options;
    options.port = 0;
    HttpServer http(options, [](const HttpRequest &) -> HttpResponse { throw std::runtime_error("secret: SELECT * FROM devices failed"); });
    http.start();
    const QByteArray answer = exchange(http.port(), "GET /v1/pull HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    http.stop();
    REQUIRE(answer.startsWith("HTTP/1.1 500"));
    CHECK_FALSE(answer.contains("secret"));
    CHECK_FALSE(answer.contains("SELECT"));
    const QJsonObject body = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
    const QString id = body.value(QStringLiteral("request")).toString();
    REQUIRE_FALSE(id.isEmpty());
    CHECK(body.value(QStringLiteral("message")).toString().contains(id));
    const QString all = log.all();
    INFO(all.toStdString());
    CHECK(all.contains(QStringLiteral("request %1 failed: secret: SELECT * FROM devices failed").arg(id)));
    CHECK(all.contains(QStringLiteral("GET /v1/pull 500")));
    CHECK(all.contains(QStringLiteral("request=") + id));
}

TEST_CASE("what a client sends cannot forge or flood a log line, and the values it sent stay out of the log", "[server][http][log]")
{
    LogCapture log;
    HttpServerOptions options;
    options.port = 0;
    HttpServer http(options, [](const HttpRequest &) {
        HttpResponse r{400, "{}", "application/json"};
        r.reason = QStringLiteral("c[0][4][1]: 'x'Nguyễn Văn An\nforged' is not a row id");
        return r;
    });
    http.start();
    const QByteArray forged = "GET /v1/%0a2099-01-01%20info%20clc.server.http:%20GET%20/v1/health%20200 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    REQUIRE(exchange(http.port(), forged).startsWith("HTTP/1.1 400"));
    const QByteArray longPath = "GET /" + QByteArray(20000, 'a') + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    exchange(http.port(), longPath);
    http.stop();
    const QStringList lines = log.lines();
    INFO(lines.join(QLatin1Char('\n')).toStdString());
    for (const QString &line : lines) {
        CHECK_FALSE(line.contains(QLatin1Char('\n')));
        CHECK(line.size() < 1000);
        CHECK_FALSE(line.contains(QStringLiteral("Nguyễn")));
    }
    CHECK(log.all().contains(QStringLiteral("GET /v1/\\x0a2099-01-01 info")));
}

namespace {
/// Sends head, then body in pieces pauseMs apart; returns the first line of the answer ("" if none in 10 s).
QByteArray statusLineAfter(quint16 port, const QByteArray &head, const QList<QByteArray> &pieces = {}, int pauseMs = 0)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(head);
    s.waitForBytesWritten(5000);
    for (const QByteArray &piece : pieces) {
        if (s.waitForReadyRead(pauseMs))
            break; // answered before the body was all sent
        s.write(piece);
        s.waitForBytesWritten(5000);
    }
    QByteArray answer;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && !answer.contains("\r\n") && s.state() == QAbstractSocket::ConnectedState)
        if (s.waitForReadyRead(200))
            answer += s.readAll();
    answer += s.readAll();
    return answer.left(answer.indexOf("\r\n"));
}
} // namespace

TEST_CASE("a request is refused from its head before its body is read, and slow or greedy bodies are cut off", "[server][http][limits]")
{
    int handled = 0;
    HttpServerOptions options;
    options.port = 0;
    options.uploadDeadlineSeconds = 1;
    options.maxBuffered = 4000;
    HttpServer http(
        options, [&handled](const HttpRequest &) { ++handled; return HttpResponse{200, "{}", "application/json"}; },
        [](const HttpRequest &head, qint64 &) -> std::optional<HttpResponse> {
            if (head.header("authorization") != "Bearer good")
                return HttpResponse{401, "{}", "application/json"};
            return std::nullopt;
        });
    http.start();
    // A bad token with a promised 10 MB body that never comes: answered at once, nothing read.
    QElapsedTimer t;
    t.start();
    CHECK(statusLineAfter(http.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer bad\r\nContent-Length: 10000000\r\n\r\n")
          == "HTTP/1.1 401 Unauthorized");
    CHECK(t.elapsed() < 5000);
    // A body that trickles in is cut off at the deadline: the connection closes, nothing is handled.
    QList<QByteArray> trickle;
    for (int i = 0; i < 8; ++i)
        trickle << QByteArray(1, 'x');
    t.restart();
    CHECK(statusLineAfter(http.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer good\r\nContent-Length: 100\r\n\r\n", trickle, 400)
              .isEmpty());
    CHECK(t.elapsed() < 8000);
    // More than all connections may buffer at once: cut off too.
    CHECK(statusLineAfter(http.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer good\r\nContent-Length: 6000\r\n\r\n",
                          {QByteArray(3000, 'x'), QByteArray(3000, 'x')}, 100)
              .isEmpty());
    // A good request still goes through, and the buffered count went back down.
    CHECK(statusLineAfter(http.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer good\r\nContent-Length: 10\r\n\r\n0123456789")
          == "HTTP/1.1 200 OK");
    http.stop();
    CHECK(handled == 1);
}
