#pragma once
// clc-server's command line (docs/operations.md) as a class the tests run in-process, the way runCli
// serves clc: options, the admin commands (backup, restore, new-epoch, enroll, revoke, devices) and
// serving /v1/ until told to stop. main.cpp only blocks the stop signals and calls run().
#include <QStringList>
#include <QTextStream>
#include <functional>

namespace clc::sync {

class ServerCommand
{
public:
    /// Blocks until the server should stop (main: until SIGTERM or SIGINT). Returns the reason, for the log.
    std::function<QString()> waitForStop;
    /// Called once the server listens, with its port (useful with --listen HOST:0).
    std::function<void(quint16)> onListening;

    /// Runs one command; args exclude the program name. Returns the exit code: 0 done, 1 refused or
    /// failed (the reason on err), 2 usage.
    int run(const QStringList &args, QTextStream &out, QTextStream &err);

    /// "debug", "info", "warning" or "error": which clc.* log lines are written. False for another word.
    static bool setLogLevel(const QString &level);
};

} // namespace clc::sync
