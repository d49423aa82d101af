#pragma once
// Real processes on loopback: clc-server and clc run as the user would run them, a TCP proxy that
// misbehaves on purpose, and raw HTTP from the test.
#include "testsupport.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <memory>
#include <optional>

namespace clctest {

struct Result
{
    int code = -1;
    QString out, err;
    QString last() const { return out.trimmed().section(QLatin1Char('\n'), -1); }
};

/// Runs a program to its end while this thread's event loop keeps running (the proxy lives here).
Result run(const QString &program, const QStringList &args, const QStringList &env = {}, int timeoutMs = 120000);
Result runClc(const QString &db, const QStringList &args, const QStringList &env = {});

/// A free TCP port on 127.0.0.1 (bound and released).
quint16 freePort();

class ServerProcess
{
public:
    /// Starts clc-server on 127.0.0.1:port with --data dir and the extra options; waits until it listens.
    ServerProcess(const QString &dataDir, quint16 port, QStringList extra = {});
    ~ServerProcess();
    void start();
    void kill();       ///< SIGKILL
    int terminate();   ///< SIGTERM; the exit code
    QString url() const;
    /// What the server logged so far (its standard error, kept in DIR/server.log).
    QString log() const;
    QString logPath() const;
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : -1; }
    /// clc-server … enroll; returns the one-time code.
    QString enrollCode(const QString &centre, const QString &role, const QString &name);
    QStringList serverArgs() const;

private:
    QString m_dataDir;
    quint16 m_port;
    QStringList m_extra;
    std::unique_ptr<QProcess> m_process;
};

/// Forwards 127.0.0.1:port() to a target port, misbehaving as told.
class FaultyProxy : public QObject
{
public:
    enum class Mode { Pass, Delay, CutRequest, CutResponse, Reset };
    explicit FaultyProxy(quint16 target);
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    Mode mode = Mode::Pass;
    int delayMs = 300;
    int connections = 0;

private:
    void accept();
    quint16 m_target;
    QTcpServer m_server;
};

/// One raw HTTP exchange on a fresh connection; the whole answer (status line, headers, body).
QByteArray rawHttp(quint16 port, const QByteArray &request, int timeoutMs = 10000);
int statusOf(const QByteArray &answer);

/// `clc status` centre id of an initialised database.
QString centreOf(const QString &db);
QString metaOf(const QString &db, const QString &key);

} // namespace clctest
