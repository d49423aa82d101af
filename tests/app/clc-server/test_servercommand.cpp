// clc-server's commands in-process (ServerCommand), as its main() runs them.
#include "servercommand.h"
#include "httptransport.h"
#include "qrreader.h"
#include "logcapture.h"
#include "serverstore.h"
#include "testsupport.h"

#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QHostAddress>
#include <QTcpSocket>
#include <QThread>
#include <catch2/catch.hpp>
#include <future>
#include <thread>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

const QString Centre = QStringLiteral("0b7d3c1e-5a52-4c3f-9d7e-2f1a6b8c9d01");

struct Ran
{
    int code;
    QString out, err;
    QString last() const { return out.trimmed().section(QLatin1Char('\n'), -1); }
};

Ran runServer(const QStringList &args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    ServerCommand command;
    const int code = command.run(args, o, e);
    return {code, out, err};
}

/// clc-server serving dir in a thread of this process until stopped.
class Serving
{
public:
    explicit Serving(const QStringList &args)
    {
        std::promise<quint16> listening;
        auto port = listening.get_future();
        m_thread = std::thread([this, args, p = std::move(listening)]() mutable {
            ServerCommand command;
            command.onListening = [&p](quint16 port) { p.set_value(port); };
            command.waitForStop = [this] { return m_stop.get_future().get(); };
            QString out, err;
            QTextStream o(&out), e(&err);
            m_code = command.run(args + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, o, e);
            m_out = out + err;
        });
        REQUIRE(port.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        m_port = port.get();
    }
    ~Serving() { stop(); }
    int stop()
    {
        if (m_thread.joinable()) {
            m_stop.set_value(QStringLiteral("test"));
            m_thread.join();
        }
        return m_code;
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QString output() const { return m_out; }

private:
    std::thread m_thread;
    std::promise<QString> m_stop;
    quint16 m_port = 0;
    int m_code = -1;
    QString m_out;
};

} // namespace

TEST_CASE("clc-server makes a code, lists, and revokes a device in-process, bad commands are usage errors", "[server][cli]")
{
    TempDir dir;
    const QString data = dir.path(QStringLiteral("data"));
    const Ran made = runServer({QStringLiteral("--data"), data, QStringLiteral("--public-url"), QStringLiteral("https://office.example"),
                                QStringLiteral("enroll"), QStringLiteral("--centre"), Centre, QStringLiteral("--role"),
                                QStringLiteral("facilitator"), QStringLiteral("--name"), QStringLiteral("Máy tính bảng 1")});
    REQUIRE(made.code == 0);
    CHECK(made.last().size() == 14); // XXXX-XXXX-XXXX, the last line
    CHECK(made.out.contains(QStringLiteral("clc://enroll?server=https%3A%2F%2Foffice.example&code=") + made.last()));
    const QString device = made.out.section(QLatin1Char(' '), 1, 1);

    Ran listed = runServer({QStringLiteral("--data"), data, QStringLiteral("devices")});
    REQUIRE(listed.code == 0);
    CHECK(listed.out.contains(device));
    CHECK(listed.out.contains(QStringLiteral("waiting")));
    CHECK(listed.out.contains(QStringLiteral("Máy tính bảng 1")));

    CHECK(runServer({QStringLiteral("--data"), data, QStringLiteral("revoke"), device}).code == 0);
    listed = runServer({QStringLiteral("--data"), data, QStringLiteral("devices")});
    CHECK(listed.out.contains(QStringLiteral("revoked")));
    const Ran unknown = runServer({QStringLiteral("--data"), data, QStringLiteral("revoke"), QStringLiteral("no-such-device")});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains(QStringLiteral("no-such-device")));

    CHECK(runServer({QStringLiteral("devices")}).code == 2); // --data missing
    CHECK(runServer({QStringLiteral("--data"), data, QStringLiteral("frobnicate")}).code == 2);
    CHECK(runServer({QStringLiteral("--data"), data, QStringLiteral("--log-level"), QStringLiteral("loud")}).code == 2);
    const Ran badRole = runServer({QStringLiteral("--data"), data, QStringLiteral("enroll"), QStringLiteral("--centre"), Centre,
                                   QStringLiteral("--role"), QStringLiteral("king"), QStringLiteral("--name"), QStringLiteral("x")});
    CHECK(badRole.code == 1);
    CHECK(badRole.err.contains(QStringLiteral("--role")));
}

TEST_CASE("clc-server backs up while serving, refuses a restore while serving, and restores with a new epoch once stopped", "[server][cli][backup]")
{
    TempDir dir;
    const QString data = dir.path(QStringLiteral("data"));
    REQUIRE(runServer({QStringLiteral("--data"), data, QStringLiteral("enroll"), QStringLiteral("--centre"), Centre,
                       QStringLiteral("--role"), QStringLiteral("viewer"), QStringLiteral("--name"), QStringLiteral("phone")}).code == 0);
    const QString epochBefore = openSqliteServerStore(data + QStringLiteral("/server.db"))->epoch();
    const QString backup = dir.path(QStringLiteral("backup.db"));
    {
        Serving serving({QStringLiteral("--data"), data});
        HttpTransport http(serving.url(), QString());
        CHECK(http.health().value(QStringLiteral("status")).toString() == QStringLiteral("ok"));
        CHECK(runServer({QStringLiteral("--data"), data, QStringLiteral("backup"), backup}).code == 0);
        CHECK(runServer({QStringLiteral("--data"), data, QStringLiteral("backup"), backup}).code == 1); // never over a file
        const Ran refused = runServer({QStringLiteral("--data"), data, QStringLiteral("restore"), backup});
        CHECK(refused.code == 1);
        CHECK(refused.err.contains(QStringLiteral("stop it first")));
        CHECK(serving.stop() == 0);
        CHECK(serving.output().contains(QStringLiteral("clc-server stopped (test)")));
    }
    QFile junk(dir.path(QStringLiteral("junk.db")));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write("this is not a database");
    junk.close();
    const Ran notDb = runServer({QStringLiteral("--data"), data, QStringLiteral("restore"), junk.fileName()});
    CHECK(notDb.code == 1);
    CHECK(openSqliteServerStore(data + QStringLiteral("/server.db"))->epoch() == epochBefore); // nothing replaced

    const Ran restored = runServer({QStringLiteral("--data"), data, QStringLiteral("restore"), backup});
    REQUIRE(restored.code == 0);
    CHECK(restored.out.contains(QStringLiteral("phone")));
    CHECK(openSqliteServerStore(data + QStringLiteral("/server.db"))->epoch() != epochBefore);
}

TEST_CASE("the server logs one line per request with its device and time, and never the token", "[server][log]")
{
    TempDir dir;
    const QString data = dir.path(QStringLiteral("data"));
    const Ran made = runServer({QStringLiteral("--data"), data, QStringLiteral("enroll"), QStringLiteral("--centre"), Centre,
                                QStringLiteral("--role"), QStringLiteral("viewer"), QStringLiteral("--name"), QStringLiteral("phone")});
    REQUIRE(made.code == 0);
    LogCapture log;
    Serving serving({QStringLiteral("--data"), data});
    const QJsonObject enrolled = HttpTransport(serving.url(), QString()).enroll(made.last());
    const QString token = enrolled.value(QStringLiteral("token")).toString();
    const QString device = enrolled.value(QStringLiteral("device")).toString();
    REQUIRE_FALSE(token.isEmpty());
    HttpTransport http(serving.url(), token);
    http.pull(QString(), 100, ProtocolVersion);
    CHECK_THROWS(http.push(QByteArray("not even JSON"))); // a viewer may not push: 403, before the body is read
    CHECK_THROWS(HttpTransport(serving.url(), QStringLiteral("wrong-token")).pull(QString(), 10, ProtocolVersion)); // 401
    serving.stop();

    const QString all = log.all();
    INFO(all.toStdString());
    CHECK(all.contains(QRegularExpression(QStringLiteral("clc\\.server\\.http: POST /v1/enroll 200 \\d+ ms"))));
    CHECK(all.contains(QRegularExpression(QStringLiteral("clc\\.server\\.http: GET /v1/pull 200 \\d+ ms device=") + device)));
    CHECK(all.contains(QRegularExpression(QStringLiteral("POST /v1/push 403 \\d+ ms device=") + device + QStringLiteral(".* - role: a viewer"))));
    CHECK(all.contains(QRegularExpression(QStringLiteral("GET /v1/pull 401 \\d+ ms .* - the token is unknown"))));
    CHECK_FALSE(all.contains(token));
    CHECK_FALSE(all.contains(QStringLiteral("wrong-token")));
    CHECK_FALSE(all.contains(made.last())); // nor the one-time code
}

TEST_CASE("clc-server enroll draws the link as a QR code in the terminal and as a PNG that reads back as the link", "[server][cli][qr]")
{
    TempDir dir;
    const QString data = dir.path(QStringLiteral("data"));
    const QString png = dir.path(QStringLiteral("ma-qr.png"));
    const Ran made = runServer({QStringLiteral("--data"), data, QStringLiteral("--public-url"), QStringLiteral("https://office.example"),
                                QStringLiteral("enroll"), QStringLiteral("--centre"), Centre, QStringLiteral("--role"),
                                QStringLiteral("viewer"), QStringLiteral("--name"), QStringLiteral("Điện thoại khu 3"), QStringLiteral("--qr-png"), png});
    REQUIRE(made.code == 0);
    const QString code = made.last();
    // In the terminal: rows of block characters, all the same width.
    QStringList blocks;
    for (const QString &line : made.out.split(QLatin1Char('\n')))
        if (line.contains(QStringLiteral("█")))
            blocks << line;
    REQUIRE(blocks.size() >= 12);
    for (const QString &line : blocks)
        CHECK(line.size() == blocks.first().size());
    // The PNG, read with zxing (another library than the one that drew it), is the link.
    const clc::sync::EnrolLink link = clc::sync::enrolLinkFromPicture(png);
    CHECK(link.server == QStringLiteral("https://office.example"));
    CHECK(link.code == code);
    // Bad pictures say what is wrong.
    QFile notPicture(dir.path(QStringLiteral("x.png")));
    REQUIRE(notPicture.open(QIODevice::WriteOnly));
    notPicture.write("not a picture");
    notPicture.close();
    CHECK_THROWS_WITH(clc::sync::enrolLinkFromPicture(dir.path(QStringLiteral("x.png"))), Catch::Contains("not a picture"));
    QImage blank(200, 200, QImage::Format_RGB32);
    blank.fill(Qt::white);
    REQUIRE(blank.save(dir.path(QStringLiteral("blank.png"))));
    CHECK_THROWS_WITH(clc::sync::enrolLinkFromPicture(dir.path(QStringLiteral("blank.png"))), Catch::Contains("no QR code"));
}

namespace {

/// Opens n connections to port and keeps them; then asks for /v1/health on one more: its status, 0 if
/// the connection was closed unanswered.
int healthAfterHolding(quint16 port, int n)
{
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < n; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        held.back()->connectToHost(QHostAddress::LocalHost, port);
        if (!held.back()->waitForConnected(5000))
            return -1;
    }
    QTcpSocket last;
    last.connectToHost(QHostAddress::LocalHost, port);
    if (!last.waitForConnected(5000))
        return 0;
    last.write("GET /v1/health HTTP/1.1\r\nHost: office\r\n\r\n");
    QByteArray answer;
    while (last.waitForReadyRead(3000)) {
        answer += last.readAll();
        if (answer.contains("\r\n\r\n"))
            break;
    }
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

} // namespace

TEST_CASE("clc-server --connections-per-address lets one address (a reverse proxy) hold more than 256 connections, and takes only 1 to 2000", "[server][cli][http]")
{
    TempDir dir;
    const QString data = dir.path(QStringLiteral("data"));
    {
        Serving standard({QStringLiteral("--data"), data});
        CHECK(healthAfterHolding(standard.url().port(), 256) == 0); // the 257th from one address is closed
    }
    {
        Serving raised({QStringLiteral("--data"), data, QStringLiteral("--connections-per-address"), QStringLiteral("300")});
        CHECK(healthAfterHolding(raised.url().port(), 256) == 200);
    }
    for (const char *bad : {"0", "2001", "many", "-5"}) {
        const Ran r = runServer({QStringLiteral("--data"), data, QStringLiteral("--connections-per-address"), QString::fromLatin1(bad), QStringLiteral("devices")});
        CHECK(r.code == 2);
        CHECK(r.err.contains(QStringLiteral("--connections-per-address is a number from 1 to 2000")));
    }
}
