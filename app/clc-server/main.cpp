// clc-server: the ward office server (docs/operations.md). Thin: parses the command line, opens the
// server store, and either runs an administrative subcommand or serves /v1/ until SIGTERM.
#include "database.h"
#include "enrolment.h"
#include "error.h"
#include "httpserver.h"
#include "serverapi.h"
#include "serverstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <csignal>
#include <cstdio>
#include <pthread.h>

using namespace clc;
using namespace clc::sync;

namespace {

const char Usage[] =
    "usage: clc-server --data DIR [--listen HOST:PORT] [--postgres CONNINFO [--postgres-schema NAME]] [--tls-cert F --tls-key F] [--public-url URL] [--idle-timeout SECONDS]\n"
    "       clc-server --data DIR [--postgres CONNINFO] enroll --centre ID --role viewer|facilitator|coordinator|admin --name NAME\n"
    "       clc-server --data DIR [--postgres CONNINFO] revoke DEVICE\n"
    "       clc-server --data DIR [--postgres CONNINFO] devices\n"
    "       clc-server --data DIR backup FILE\n"
    "       clc-server --data DIR restore FILE          (server stopped; devices then re-send what the backup lacks)\n"
    "       clc-server --data DIR [--postgres CONNINFO] new-epoch   (after pg_restore)\n";

int usage(const char *why)
{
    std::fprintf(stderr, "clc-server: %s\n%s", why, Usage);
    return 2;
}

QByteArray readAll(const QString &path, const char *option)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(Error::Code::InvalidInput, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()), QString::fromLatin1(option));
    return f.readAll();
}

} // namespace

int main(int argc, char **argv)
{
    // Block the stop signals before any thread starts, so only sigwait() below receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString dataDir, listen = QStringLiteral("127.0.0.1:8470"), postgres, certFile, keyFile, publicUrl;
    unsigned idleTimeout = 30;
    QString pgSchema;
    while (!args.isEmpty() && args.front().startsWith(QLatin1String("--"))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--help"))
            return std::printf("%s", Usage), 0;
        if (args.isEmpty())
            return usage(qPrintable(QStringLiteral("%1 needs a value").arg(opt)));
        const QString value = args.takeFirst();
        if (opt == QLatin1String("--data"))
            dataDir = value;
        else if (opt == QLatin1String("--listen"))
            listen = value;
        else if (opt == QLatin1String("--postgres"))
            postgres = value;
        else if (opt == QLatin1String("--tls-cert"))
            certFile = value;
        else if (opt == QLatin1String("--tls-key"))
            keyFile = value;
        else if (opt == QLatin1String("--public-url"))
            publicUrl = value;
        else if (opt == QLatin1String("--postgres-schema"))
            pgSchema = value;
        else if (opt == QLatin1String("--idle-timeout") && value.toUInt() > 0)
            idleTimeout = value.toUInt();
        else
            return usage(qPrintable(QStringLiteral("unknown option %1").arg(opt)));
    }
    if (dataDir.isEmpty())
        return usage("--data DIR is required");
    if (certFile.isEmpty() != keyFile.isEmpty())
        return usage("--tls-cert and --tls-key go together");

    try {
        if (!QDir().mkpath(dataDir))
            throw Error(Error::Code::InvalidInput, QStringLiteral("cannot create the directory"), QStringLiteral("--data"));
        const QString sqlitePath = QDir(dataDir).filePath(QStringLiteral("server.db"));
        const QString command = args.value(0);

        if (command == QLatin1String("backup")) {
            if (args.size() != 2)
                return usage("backup FILE");
            if (!postgres.isEmpty())
                return usage("with --postgres, back up with pg_dump (docs/operations.md)");
            if (QFileInfo::exists(args[1]))
                throw Error(Error::Code::InvalidInput, QStringLiteral("the file exists already"), args[1]);
            // A second connection: a consistent snapshot while the server keeps serving (WAL).
            Database db(sqlitePath);
            db.prepare(QStringLiteral("VACUUM INTO ?")).bind(1, args[1]).exec();
            std::printf("%s\n", qPrintable(args[1]));
            return 0;
        }

        if (command == QLatin1String("restore")) {
            if (args.size() != 2)
                return usage("restore FILE");
            if (!postgres.isEmpty())
                return usage("with --postgres, restore with pg_restore, then run new-epoch (docs/operations.md)");
            if (!QFileInfo::exists(args[1]))
                throw Error(Error::Code::InvalidInput, QStringLiteral("no such file"), args[1]);
            // Never under a running server: it would go on writing to the file this replaces.
            QLockFile serving(QDir(dataDir).filePath(QStringLiteral("server.lock")));
            if (!serving.tryLock(0))
                throw Error(Error::Code::InvalidInput, QStringLiteral("a clc-server is serving this directory: stop it first"), QStringLiteral("--data"));
            {
                Database check(args[1]); // a file that is not a database fails here, before anything is replaced
                check.scalar(QStringLiteral("SELECT count(*) FROM changes"));
            }
            // Copied beside it first, then renamed over it: a failed copy leaves the old database in place.
            const QString incoming = sqlitePath + QStringLiteral(".restoring");
            QFile::remove(incoming);
            if (!QFile::copy(args[1], incoming))
                throw Error(Error::Code::InvalidInput, QStringLiteral("cannot copy the backup beside the database"), incoming);
            for (const char *suffix : {"-wal", "-shm"})
                QFile::remove(sqlitePath + QLatin1String(suffix));
            QFile::remove(sqlitePath);
            if (!QFile::rename(incoming, sqlitePath))
                throw Error(Error::Code::InvalidInput, QStringLiteral("cannot put the backup in place"), sqlitePath);
            // A new epoch: devices learn that changes they pushed after the backup may be gone.
            const auto restored = openSqliteServerStore(sqlitePath);
            std::printf("restored %s; epoch %s\n", qPrintable(args[1]), qPrintable(restored->renewEpoch()));
            // The backup knows only the devices of its day: revocations made since must be made again.
            std::printf("devices in the restored data (revoke again any revoked after the backup):\n");
            for (const DeviceRecord &d : restored->devices())
                std::printf("  %s  %-11s  %s  %s\n", qPrintable(d.id), qPrintable(d.role), d.revoked ? "revoked" : "active ", qPrintable(d.name));
            return 0;
        }

        std::unique_ptr<ServerStore> store = postgres.isEmpty() ? openSqliteServerStore(sqlitePath) : openPostgresServerStore(postgres, pgSchema);
        if (command == QLatin1String("new-epoch")) {
            std::printf("epoch %s\n", qPrintable(store->renewEpoch()));
            return 0;
        }

        if (command == QLatin1String("enroll")) {
            QString centre, role, name;
            for (int i = 1; i + 1 < args.size(); i += 2) {
                if (args[i] == QLatin1String("--centre"))
                    centre = args[i + 1];
                else if (args[i] == QLatin1String("--role"))
                    role = args[i + 1];
                else if (args[i] == QLatin1String("--name"))
                    name = args[i + 1];
                else
                    return usage(qPrintable(QStringLiteral("unknown option %1").arg(args[i])));
            }
            if (args.size() % 2 == 0)
                return usage("enroll --centre ID --role ROLE --name NAME");
            const NewEnrolment e = EnrolmentService(*store).create(centre, role, name);
            const QString server = publicUrl.isEmpty() ? QStringLiteral("https://SERVER") : publicUrl;
            std::printf("device %s (%s, %s) may enrol once, within 7 days, with this code.\n", qPrintable(e.deviceId), qPrintable(name),
                        qPrintable(role));
            std::printf("as a link (for a QR code): clc://enroll?server=%s&code=%s\n",
                        QUrl::toPercentEncoding(server).constData(), qPrintable(e.code));
            std::printf("%s\n", qPrintable(e.code));
            return 0;
        }
        if (command == QLatin1String("revoke")) {
            if (args.size() != 2)
                return usage("revoke DEVICE");
            if (!EnrolmentService(*store).revoke(args[1]))
                throw Error(Error::Code::NotFound, QStringLiteral("no such device"), args[1]);
            std::printf("revoked %s\n", qPrintable(args[1]));
            return 0;
        }
        if (command == QLatin1String("devices")) {
            for (const DeviceRecord &d : store->devices())
                std::printf("%s  %-11s  %-9s  centre %s  %s\n", qPrintable(d.id), qPrintable(d.role),
                            d.revoked ? "revoked" : d.enrolled ? "enrolled" : "waiting", qPrintable(d.centre), qPrintable(d.name));
            return 0;
        }
        if (!command.isEmpty())
            return usage(qPrintable(QStringLiteral("unknown command %1").arg(command)));

        HttpServerOptions options;
        options.timeoutSeconds = idleTimeout;
        const int colon = int(listen.lastIndexOf(QLatin1Char(':')));
        bool portOk = false;
        options.host = listen.left(colon);
        options.port = quint16(listen.mid(colon + 1).toUInt(&portOk));
        if (colon <= 0 || !portOk)
            throw Error(Error::Code::InvalidInput, QStringLiteral("'%1' is not HOST:PORT").arg(listen), QStringLiteral("--listen"));
        if (!certFile.isEmpty()) {
            options.tlsCert = readAll(certFile, "--tls-cert");
            options.tlsKey = readAll(keyFile, "--tls-key");
        }
        // One process per SQLite data directory (its change numbers are handed out in memory).
        QLockFile serving(QDir(dataDir).filePath(QStringLiteral("server.lock")));
        if (postgres.isEmpty() && !serving.tryLock(0))
            throw Error(Error::Code::InvalidInput, QStringLiteral("another clc-server is serving this directory"), QStringLiteral("--data"));
        ServerApi api(*store);
        HttpServer http(options, [&api](const HttpRequest &r) { return api.handle(r); });
        http.start();
        std::printf("clc-server listening on %s://%s:%u (%s)\n", certFile.isEmpty() ? "http" : "https", qPrintable(options.host),
                    unsigned(http.port()), postgres.isEmpty() ? qPrintable(sqlitePath) : "PostgreSQL");
        std::fflush(stdout);
        int sig = 0;
        sigwait(&stopSignals, &sig);
        // Every push is one transaction: stopping between requests loses nothing.
        http.stop();
        std::printf("clc-server stopped (signal %d)\n", sig);
        return 0;
    } catch (const Error &e) {
        std::fprintf(stderr, "clc-server: error: %s\n", qPrintable(e.describe()));
        return 1;
    }
}
