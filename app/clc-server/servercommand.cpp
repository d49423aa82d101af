#include "servercommand.h"
#include "schema.h"
#include "enrollink.h"
#include "qrcode.h"
#include "publicschedule.h"
#include "error.h"
#include "httpserver.h"
#include "serveradmin.h"
#include "serverapi.h"
#include "serverlog.h"

#include <QFile>
#include <QDir>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUrl>

namespace clc::sync {

namespace {

const char Usage[] =
    "usage: clc-server --data DIR [--listen HOST:PORT] [--postgres CONNINFO [--postgres-schema NAME]] [--tls-cert F --tls-key F] [--public-url URL] [--idle-timeout SECONDS] [--connections-per-address N] [--log-level LEVEL]\n"
    "       clc-server --data DIR [--postgres CONNINFO] enroll --centre ID --role viewer|facilitator|coordinator|admin --name NAME [--qr-png FILE]\n"
    "       clc-server --data DIR [--postgres CONNINFO] revoke DEVICE\n"
    "       clc-server --data DIR publish-schedule CENTRE on|off   (anyone may subscribe to its schedule as a calendar)\n"
    "       clc-server --data DIR [--postgres CONNINFO] devices\n"
    "       clc-server --data DIR backup FILE\n"
    "       clc-server --data DIR restore FILE          (server stopped; devices then re-send what the backup lacks)\n"
    "       clc-server --data DIR [--postgres CONNINFO] new-epoch   (after pg_restore)\n"
    "LEVEL: debug, info (the default: one line per request), warning, error\n";

struct Options
{
    ServerConfig config;
    QString listen = QStringLiteral("127.0.0.1:8470");
    QString certFile, keyFile, publicUrl;
    unsigned idleTimeout = 30;
    unsigned perAddress = 256; ///< connections from one address (raise it behind a reverse proxy)
};

class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString &why) : std::runtime_error(why.toStdString()) {}
};

QByteArray readAll(const QString &path, const char *option)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(Error::Code::InvalidInput, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()), QString::fromLatin1(option));
    return f.readAll();
}

/// Takes the leading --options off args.
Options parseOptions(QStringList &args)
{
    Options o;
    while (!args.isEmpty() && args.front().startsWith(QLatin1String("--"))) {
        const QString opt = args.takeFirst();
        if (args.isEmpty())
            throw UsageError(QStringLiteral("%1 needs a value").arg(opt));
        const QString value = args.takeFirst();
        if (opt == QLatin1String("--data"))
            o.config.dataDir = value;
        else if (opt == QLatin1String("--listen"))
            o.listen = value;
        else if (opt == QLatin1String("--postgres"))
            o.config.postgres = value;
        else if (opt == QLatin1String("--postgres-schema"))
            o.config.postgresSchema = value;
        else if (opt == QLatin1String("--tls-cert"))
            o.certFile = value;
        else if (opt == QLatin1String("--tls-key"))
            o.keyFile = value;
        else if (opt == QLatin1String("--public-url"))
            o.publicUrl = value;
        else if (opt == QLatin1String("--idle-timeout") && value.toUInt() > 0)
            o.idleTimeout = value.toUInt();
        else if (opt == QLatin1String("--connections-per-address")) {
            const unsigned n = value.toUInt();
            if (n < 1 || n > 2000)
                throw UsageError(QStringLiteral("--connections-per-address is a number from 1 to 2000, not %1").arg(value));
            o.perAddress = n;
        }
        else if (opt == QLatin1String("--log-level")) {
            if (!ServerCommand::setLogLevel(value))
                throw UsageError(QStringLiteral("--log-level is one of debug, info, warning, error"));
        } else
            throw UsageError(QStringLiteral("unknown option %1").arg(opt));
    }
    if (o.config.dataDir.isEmpty())
        throw UsageError(QStringLiteral("--data DIR is required"));
    if (o.certFile.isEmpty() != o.keyFile.isEmpty())
        throw UsageError(QStringLiteral("--tls-cert and --tls-key go together"));
    return o;
}

void printDevice(QTextStream &out, const DeviceRecord &d)
{
    out << d.id << "  " << d.role.leftJustified(11) << "  " << QString::fromLatin1(d.revoked ? "revoked" : d.enrolled ? "enrolled" : "waiting").leftJustified(9)
        << "  centre " << d.centre << "  " << d.name << Qt::endl;
}

} // namespace

bool ServerCommand::setLogLevel(const QString &level)
{
    static const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error")};
    const int n = int(levels.indexOf(level));
    if (n < 0)
        return false;
    QString rules;
    for (int i = 0; i < n && i < 3; ++i) // critical lines are always written
        rules += QStringLiteral("clc.*.%1=false\n").arg(levels[i]);
    if (n == 0)
        rules = QStringLiteral("clc.*.debug=true\n");
    QLoggingCategory::setFilterRules(rules);
    return true;
}

int ServerCommand::run(const QStringList &argsIn, QTextStream &out, QTextStream &err)
{
    QStringList args = argsIn;
    if (args.contains(QStringLiteral("--help"))) {
        out << Usage;
        return 0;
    }
    if (args == QStringList{QStringLiteral("--version")}) {
        out << "clc-server " << CLC_VERSION << Qt::endl;
        return 0;
    }
    try {
        const Options o = parseOptions(args);
        const ServerAdmin admin(o.config);
        const QString command = args.value(0);
        const auto needArgs = [&](int n, const char *form) {
            if (args.size() != n + 1)
                throw UsageError(QString::fromLatin1(form));
        };
        if (command == QLatin1String("backup")) {
            needArgs(1, "backup FILE");
            admin.backup(args[1]);
            out << args[1] << Qt::endl;
            return 0;
        }
        if (command == QLatin1String("restore")) {
            needArgs(1, "restore FILE");
            const ServerAdmin::Restored r = admin.restore(args[1]);
            out << "restored " << args[1] << "; epoch " << r.epoch << Qt::endl;
            // The backup knows only the devices of its day: revocations made since must be made again.
            out << "devices in the restored data (revoke again any revoked after the backup):" << Qt::endl;
            for (const DeviceRecord &d : r.devices)
                out << "  " << d.id << "  " << d.role.leftJustified(11) << "  " << (d.revoked ? "revoked" : "active ") << "  " << d.name << Qt::endl;
            return 0;
        }
        if (command == QLatin1String("new-epoch")) {
            needArgs(0, "new-epoch");
            out << "epoch " << admin.newEpoch() << Qt::endl;
            return 0;
        }
        if (command == QLatin1String("enroll")) {
            QString centre, role, name, qrPng;
            if (args.size() % 2 == 0)
                throw UsageError(QStringLiteral("enroll --centre ID --role ROLE --name NAME [--qr-png FILE]"));
            for (int i = 1; i + 1 < args.size(); i += 2) {
                if (args[i] == QLatin1String("--centre"))
                    centre = args[i + 1];
                else if (args[i] == QLatin1String("--role"))
                    role = args[i + 1];
                else if (args[i] == QLatin1String("--name"))
                    name = args[i + 1];
                else if (args[i] == QLatin1String("--qr-png"))
                    qrPng = args[i + 1];
                else
                    throw UsageError(QStringLiteral("unknown option %1").arg(args[i]));
            }
            const NewEnrolment e = admin.enrol(centre, role, name);
            const QString server = o.publicUrl.isEmpty() ? QStringLiteral("https://SERVER") : o.publicUrl;
            const QString link = sync::enrolLinkText(server, e.code);
            out << "device " << e.deviceId << " (" << name << ", " << role << ") may enrol once, within 7 days, with this code." << Qt::endl;
            out << "as a link (open it on the device, or scan the QR code below): " << link << Qt::endl;
            // The link as a QR code: scanned off this screen, or printed from the PNG.
            const server::QrCode qr = server::encodeQr(link);
            out << server::qrTerminalText(qr);
            if (!qrPng.isEmpty()) {
                QSaveFile f(qrPng);
                if (!f.open(QIODevice::WriteOnly) || !server::qrImage(qr).save(&f, "PNG") || !f.commit())
                    throw Error(Error::Code::InvalidInput, QStringLiteral("cannot write: %1").arg(f.errorString()), QStringLiteral("--qr-png"));
                out << "QR code written to " << qrPng << Qt::endl;
            }
            out << e.code << Qt::endl;
            return 0;
        }
        if (command == QLatin1String("publish-schedule")) {
            // Anyone may then subscribe to the centre's schedule (sessions, places, times; never people).
            needArgs(2, "publish-schedule CENTRE on|off");
            const QString centre = args[1];
            if (!isId(centre))
                throw Error(Error::Code::InvalidInput, QStringLiteral("'%1' is not a centre id").arg(centre), QStringLiteral("CENTRE"));
            if (args[2] != QLatin1String("on") && args[2] != QLatin1String("off"))
                throw UsageError(QStringLiteral("publish-schedule CENTRE on|off"));
            const bool on = args[2] == QLatin1String("on");
            PublicSchedule::setPublished(QDir(o.config.dataDir).filePath(QStringLiteral("public-schedules")), centre, on);
            const QString server = o.publicUrl.isEmpty() ? QStringLiteral("https://SERVER") : o.publicUrl;
            if (on)
                out << "the schedule of centre " << centre << " is public: " << server << "/v1/schedule/" << centre << ".ics" << Qt::endl;
            else
                out << "the schedule of centre " << centre << " is no longer public" << Qt::endl;
            return 0;
        }
        if (command == QLatin1String("revoke")) {
            needArgs(1, "revoke DEVICE");
            admin.revoke(args[1]);
            out << "revoked " << args[1] << Qt::endl;
            return 0;
        }
        if (command == QLatin1String("devices")) {
            needArgs(0, "devices");
            for (const DeviceRecord &d : admin.devices())
                printDevice(out, d);
            return 0;
        }
        if (!command.isEmpty())
            throw UsageError(QStringLiteral("unknown command %1").arg(command));

        // Serve.
        HttpServerOptions options;
        options.timeoutSeconds = o.idleTimeout;
        options.perAddressConnections = o.perAddress;
        const int colon = int(o.listen.lastIndexOf(QLatin1Char(':')));
        bool portOk = false;
        options.host = o.listen.left(colon);
        options.port = quint16(o.listen.mid(colon + 1).toUInt(&portOk));
        if (colon <= 0 || !portOk)
            throw Error(Error::Code::InvalidInput, QStringLiteral("'%1' is not HOST:PORT").arg(o.listen), QStringLiteral("--listen"));
        if (!o.certFile.isEmpty()) {
            options.tlsCert = readAll(o.certFile, "--tls-cert");
            options.tlsKey = readAll(o.keyFile, "--tls-key");
        }
        // One process per SQLite data directory (its change numbers are handed out in memory).
        QLockFile serving(admin.lockPath());
        if (o.config.postgres.isEmpty() && !serving.tryLock(0))
            throw Error(Error::Code::InvalidInput, QStringLiteral("another clc-server is serving this directory"), QStringLiteral("--data"));
        const auto store = admin.openStore();
        ServerApi api(*store);
        // The calendars the admin published (publish-schedule), read on each request: a change
        // takes effect without a restart.
        const QString publishedList = QDir(o.config.dataDir).filePath(QStringLiteral("public-schedules"));
        api.publishSchedules([publishedList](const QString &centre) { return PublicSchedule::published(publishedList).contains(centre); });
        HttpServer http(options, [&api](const HttpRequest &r) { return api.handle(r); },
                        [&api](const HttpRequest &head, qint64 &maxBody) { return api.precheck(head, maxBody); });
        http.start();
        const QString where = o.config.postgres.isEmpty() ? admin.sqlitePath() : QStringLiteral("PostgreSQL");
        out << "clc-server listening on " << (o.certFile.isEmpty() ? "http" : "https") << "://" << options.host << ':' << http.port() << " (" << where << ")"
            << Qt::endl;
        qCInfo(lcHttp).noquote() << "listening on" << options.host + QLatin1Char(':') + QString::number(http.port()) << "data" << where;
        if (onListening)
            onListening(http.port());
        const QString why = waitForStop ? waitForStop() : QString();
        // Every push is one transaction: stopping between requests loses nothing.
        http.stop();
        out << "clc-server stopped (" << why << ")" << Qt::endl;
        qCInfo(lcHttp).noquote() << "stopped:" << why;
        return 0;
    } catch (const UsageError &e) {
        err << "clc-server: " << e.what() << '\n' << Usage;
        err.flush();
        return 2;
    } catch (const Error &e) {
        err << "clc-server: error: " << e.describe() << Qt::endl;
        return 1;
    }
}

} // namespace clc::sync
