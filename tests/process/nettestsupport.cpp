#include "nettestsupport.h"

#include <QDir>
#include <QFile>
#include "store.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>
#include <csignal>
#include <stdexcept>

namespace clctest {

Result run(const QString &program, const QStringList &args, const QStringList &env, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(e);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    p.start(program, args);
    loop.exec();
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return {-2, QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::CrashExit ? -1 : p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Result runClc(const QString &db, const QStringList &args, const QStringList &env)
{
    return run(QStringLiteral(CLC_BINARY), QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), db} + args, env);
}

quint16 freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        throw std::runtime_error("no free port");
    return s.serverPort();
}

ServerProcess::ServerProcess(const QString &dataDir, quint16 port, QStringList extra) : m_dataDir(dataDir), m_port(port), m_extra(std::move(extra))
{
    start();
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

QStringList ServerProcess::serverArgs() const { return QStringList{QStringLiteral("--data"), m_dataDir} + m_extra; }

void ServerProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QDir().mkpath(m_dataDir);
    // The server's log (a line per request) goes to a file: a pipe nobody reads would fill and stall it.
    m_process->setStandardErrorFile(logPath(), QIODevice::Append);
    m_process->start(QStringLiteral(CLC_SERVER_BINARY),
                     serverArgs() + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
    // Ready when it says so (the port may still be held by a killed predecessor for a moment).
    QDeadlineTimer deadline(20000);
    QByteArray out;
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(100);
        out += m_process->readAllStandardOutput();
        if (out.contains("listening on"))
            return;
        if (m_process->state() == QProcess::NotRunning) {
            QThread::msleep(200);
            m_process->start(QStringLiteral(CLC_SERVER_BINARY),
                             serverArgs() + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
        }
    }
    throw std::runtime_error("clc-server did not start: " + log().toStdString());
}

void ServerProcess::kill()
{
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished();
}

int ServerProcess::terminate()
{
    ::kill(pid_t(m_process->processId()), SIGTERM);
    m_process->waitForFinished(20000);
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QString ServerProcess::logPath() const { return m_dataDir + QStringLiteral("/server.log"); }

QString ServerProcess::log() const
{
    QFile f(logPath());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString ServerProcess::url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

QString ServerProcess::enrollCode(const QString &centre, const QString &role, const QString &name)
{
    const Result r = run(QStringLiteral(CLC_SERVER_BINARY), serverArgs() + QStringList{QStringLiteral("enroll"), QStringLiteral("--centre"), centre,
                                                                                       QStringLiteral("--role"), role, QStringLiteral("--name"), name});
    if (r.code != 0)
        throw std::runtime_error("enroll failed: " + r.err.toStdString());
    return r.last();
}

FaultyProxy::FaultyProxy(quint16 target) : m_target(target)
{
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        throw std::runtime_error("proxy cannot listen");
    connect(&m_server, &QTcpServer::newConnection, this, &FaultyProxy::accept);
}

void FaultyProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++connections;
        auto *upstream = new QTcpSocket(client);
        const Mode m = mode;
        if (m == Mode::Reset) {
            client->abort(); // RST at once
            client->deleteLater();
            continue;
        }
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
        auto forwarded = std::make_shared<qint64>(0);
        connect(client, &QTcpSocket::readyRead, upstream, [=] {
            const QByteArray data = client->readAll();
            if (m == Mode::CutRequest) {
                // Forward part of the request, then drop both sides: the body never arrives whole.
                upstream->write(data.left(data.size() / 2));
                upstream->flush();
                QTimer::singleShot(50, client, [client, upstream] {
                    upstream->abort();
                    client->abort();
                });
                return;
            }
            auto send = [upstream, data] { upstream->write(data); };
            if (m == Mode::Delay)
                QTimer::singleShot(delayMs, upstream, send);
            else
                send();
        });
        connect(upstream, &QTcpSocket::readyRead, client, [=] {
            const QByteArray data = upstream->readAll();
            if (m == Mode::CutResponse) {
                // The server has acted; the answer is cut in the middle.
                client->write(data.left(std::max<qsizetype>(1, data.size() / 2)));
                client->flush();
                client->abort();
                return;
            }
            *forwarded += data.size();
            client->write(data);
        });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        // The server is gone (killed, not listening): the device's connection ends too, as it would.
        connect(upstream, &QTcpSocket::errorOccurred, client, [client](QAbstractSocket::SocketError) { client->abort(); });
        connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
    }
}

QByteArray rawHttp(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return {};
    s.write(request);
    s.waitForBytesWritten(timeoutMs);
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && s.state() == QAbstractSocket::ConnectedState) {
        if (s.waitForReadyRead(200))
            answer += s.readAll();
        else if (!answer.isEmpty() && answer.contains("\r\n\r\n"))
            break;
    }
    answer += s.readAll();
    return answer;
}

int statusOf(const QByteArray &answer)
{
    static const QRegularExpression re(QStringLiteral("^HTTP/1\\.[01] (\\d{3})"));
    const auto m = re.match(QString::fromLatin1(answer.left(20)));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString metaOf(const QString &db, const QString &key)
{
    clc::Store s(db);
    return s.meta(key);
}

QString centreOf(const QString &db) { return metaOf(db, QStringLiteral("centre_id")); }

} // namespace clctest
