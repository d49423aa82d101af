// clc-server: the ward office server (docs/operations.md). Everything is in ServerCommand, which the
// tests run in-process; this only arranges for SIGTERM and SIGINT to stop it.
#include "servercommand.h"

#include <QCoreApplication>
#include <csignal>
#include <malloc.h>
#include <pthread.h>

int main(int argc, char **argv)
{
    // Block the stop signals before any thread starts, so only sigwait() below receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    // Requests are served by a pool of threads; glibc gives each its own malloc arena and keeps what a
    // large push or page freed in it, so the peak grew with the pool. One arena keeps the server's
    // peak at 100,000 marks at about 130 MB with 80,000-change batches (two: 132 to 192 MB from run
    // to run; one per thread: 205 MB with 20,000; docs/performance.md#wire-session-9). Pushes and pulls take
    // turns on the store anyway, so the contention is not measurable.
    mallopt(M_ARENA_MAX, 1);

    QCoreApplication app(argc, argv);
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));
    clc::sync::ServerCommand command;
    command.waitForStop = [&stopSignals] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        return QStringLiteral("signal %1").arg(sig);
    };
    QTextStream out(stdout);
    QTextStream err(stderr);
    return command.run(app.arguments().mid(1), out, err);
}
