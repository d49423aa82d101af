// The HTTP layer in-process: what a failure inside a handler tells the client and the log.
#include "httpserver.h"
#include "logcapture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QDeadlineTimer>
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
