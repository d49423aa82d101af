// Sync over the wire beside its floor, in one run (docs/performance.md#wire (the latest session), issue "sync at the floor").
//   build/tests/bench/bench_wire [marks] [--postgres CONNINFO] [--no-busy-year]
//   (default 10000 marks, the SQLite server store; scripts/bench runs it)
// A real clc-server process on loopback (SQLite), the real `clc sync` of a tablet pushing N marks and
// of a fresh device pulling them, every byte counted by a forwarding TCP proxy. The floor, written
// here in C++ at both ends: read the same rows from SQLite, send them in one HTTP POST as JSON, bulk
// insert them in one transaction on the other side with the server's pragmas; and the mirror image
// for the pull. Ratios compare figures of the same run. Prints a table, then one JSON object.
#include "busyyear.h"
#include "database.h"
#include "demodata.h"
#include "httpserver.h"
#include "httptransport.h"
#include "syncsession.h"
#include "nettestsupport.h"
#include "records.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace clc;
using namespace clctest;

namespace {

double ms(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

/// Forwards 127.0.0.1:port() to a target port and counts the TCP payload each way (HTTP headers
/// included, as the device's radio sends them).
class CountingProxy : public QObject
{
public:
    explicit CountingProxy(quint16 target) : m_target(target)
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            throw std::runtime_error("proxy cannot listen");
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_target);
                connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream] {
                    const QByteArray d = client->readAll();
                    up += d.size();
                    upstream->write(d);
                });
                connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
                    const QByteArray d = upstream->readAll();
                    down += d.size();
                    client->write(d);
                });
                connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
                connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    void reset() { up = down = 0; }
    qint64 up = 0, down = 0;

private:
    quint16 m_target;
    QTcpServer m_server;
};

/// The pragmas clc-server's SQLite store runs with (sync/server/sqliteserverstore.cpp): WAL, every
/// commit synced.
void serverPragmas(Database &db)
{
    db.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    db.exec(QStringLiteral("PRAGMA synchronous=FULL"));
}

const char *const MarkTable = "CREATE TABLE IF NOT EXISTS attendance (id TEXT PRIMARY KEY, centre_id TEXT, session_id TEXT, person_id TEXT, "
                              "status TEXT, deleted INTEGER)";

QByteArray readMarksAsJson(Database &db)
{
    QJsonArray rows;
    auto st = db.prepare(QStringLiteral("SELECT id, centre_id, session_id, person_id, status, deleted FROM attendance"));
    while (st.step())
        rows.append(QJsonArray{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5)});
    return QJsonDocument(rows).toJson(QJsonDocument::Compact);
}

qint64 insertMarks(Database &db, const QByteArray &json)
{
    const QJsonArray rows = QJsonDocument::fromJson(json).array();
    Transaction tx(db);
    for (const QJsonValue r : rows)
        db.prepare(QStringLiteral("INSERT INTO attendance VALUES (?, ?, ?, ?, ?, ?)"))
            .bind(1, r[0].toString()).bind(2, r[1].toString()).bind(3, r[2].toString()).bind(4, r[3].toString()).bind(5, r[4].toString())
            .bind(6, qint64(r[5].toInteger()))
            .exec();
    tx.commit();
    return rows.size();
}

/// One HTTP exchange through Qt Network (the device's HTTP stack), waited for.
QByteArray exchange(QNetworkAccessManager &net, const QString &url, const QByteArray &body, bool post)
{
    QNetworkRequest req{QUrl(url)};
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = post ? net.post(req, body) : net.get(req);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray answer = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        throw std::runtime_error("floor exchange failed: " + reply->errorString().toStdString());
    reply->deleteLater();
    return answer;
}

/// A transport that times what the network and the server take, so the device's own share (decoding
/// and applying) is the rest.
class TimedTransport : public sync::Transport
{
public:
    explicit TimedTransport(sync::Transport &inner) : m_inner(inner) {}
    QByteArray push(const QByteArray &r) override
    {
        QElapsedTimer t;
        t.start();
        QByteArray a = m_inner.push(r);
        ns += t.nsecsElapsed();
        return a;
    }
    QByteArray pull(const QString &cursor, int limit, int protocol) override
    {
        QElapsedTimer t;
        t.start();
        QByteArray a = m_inner.pull(cursor, limit, protocol);
        ns += t.nsecsElapsed();
        return a;
    }
    qint64 ns = 0;

private:
    sync::Transport &m_inner;
};

qint64 peakRssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

long childrenPeakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return u.ru_maxrss;
}

QJsonObject figure(double value, const char *unit, std::optional<double> floor = std::nullopt)
{
    QJsonObject o{{QStringLiteral("value"), value}, {QStringLiteral("unit"), QLatin1String(unit)}};
    if (floor) {
        o.insert(QStringLiteral("floor"), *floor);
        o.insert(QStringLiteral("ratio"), *floor > 0 ? value / *floor : 0.0);
    }
    return o;
}

} // namespace

/// `--summary FILE...`: the one JSON object a whole `scripts/bench` run ends with, from each run's own
/// output (its last JSON line). Its figures are the SQLite run with the most marks (the headline);
/// `runs` holds every run's object; `postgresql_vs_sqlite` the PostgreSQL figures over the SQLite
/// ones at that size (the target is within 2x).
int summary(const QStringList &files)
{
    QJsonArray runs;
    QJsonObject headline, postgresAtHeadline;
    for (const QString &name : files) {
        QFile f(name);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_wire --summary: cannot read %s\n", qPrintable(name));
            return 1;
        }
        QJsonObject run;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith('{'))
                run = QJsonDocument::fromJson(line).object();
        if (run.isEmpty()) {
            std::fprintf(stderr, "bench_wire --summary: no figures in %s (did the run fail?)\n", qPrintable(name));
            return 1;
        }
        runs.append(run);
        if (run.value(QStringLiteral("server_store")) == QLatin1String("sqlite") &&
            run.value(QStringLiteral("marks")).toInt() >= headline.value(QStringLiteral("marks")).toInt())
            headline = run;
    }
    for (const QJsonValue &v : runs)
        if (v.toObject().value(QStringLiteral("server_store")) == QLatin1String("postgresql") &&
            v.toObject().value(QStringLiteral("marks")) == headline.value(QStringLiteral("marks")))
            postgresAtHeadline = v.toObject();
    QJsonObject out = headline;
    out.insert(QStringLiteral("runs"), runs);
    if (!postgresAtHeadline.isEmpty()) {
        QJsonObject versus;
        for (const char *key : {"push_ratio", "pull_ratio", "apply_ratio", "rss_mb_server"}) {
            const double sqlite = headline.value(QLatin1String(key)).toObject().value(QStringLiteral("value")).toDouble();
            const double pg = postgresAtHeadline.value(QLatin1String(key)).toObject().value(QStringLiteral("value")).toDouble();
            if (sqlite > 0)
                versus.insert(QLatin1String(key), pg / sqlite);
        }
        out.insert(QStringLiteral("postgresql_vs_sqlite"), versus);
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().value(1) == QLatin1String("--summary"))
        return summary(app.arguments().mid(2));
    int marks = 10000;
    QString postgres;
    bool busyYear = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--postgres") && i + 1 < args.size())
            postgres = args[++i];
        else if (args[i] == QLatin1String("--no-busy-year"))
            busyYear = false;
        else
            marks = std::max(1000, args[i].toInt());
    }
    const int peopleCount = 1000;
    const int sessionCount = (marks + peopleCount - 1) / peopleCount;
    TempDir dir;

    // The office: a real clc-server process; every device and floor byte goes through the proxy.
    // A fresh schema of its own on PostgreSQL, as a district's server would have.
    const QStringList serverStore = postgres.isEmpty() ? QStringList()
                                                       : QStringList{QStringLiteral("--postgres"), postgres, QStringLiteral("--postgres-schema"),
                                                                     QStringLiteral("bench_") + QUuid::createUuid().toString(QUuid::Id128)};
    ServerProcess server(dir.path(QStringLiteral("server")), freePort(), serverStore);
    CountingProxy proxy(server.port());

    // The tablet: a centre, one activity, its sessions and people, synced before the measure.
    const QString tabletDb = dir.path(QStringLiteral("tablet.db"));
    QString centre;
    QStringList sessions, people;
    {
        Store tablet(tabletDb);
        centre = tablet.init(QStringLiteral("TTHTCĐ phường Đức Chính"));
        const QString activity = records::addActivity(tablet, ActivityInput{QStringLiteral("2018-03"), QStringLiteral("Tập huấn kỹ thuật")});
        Transaction tx(tablet.db());
        for (int i = 0; i < sessionCount; ++i)
            sessions << records::addSession(tablet, activity, QStringLiteral("2018-03-%1T08:00").arg(1 + i % 28, 2, 10, QLatin1Char('0')),
                                            QStringLiteral("Nhà văn hoá"));
        for (int i = 0; i < peopleCount; ++i)
            people << records::addPerson(tablet, PersonInput{QStringLiteral("Người học %1").arg(i)});
        tx.commit();
    }
    // Through the proxy, so every later exchange of the device is counted.
    auto enrolIn = [&](const QString &centreId, const QString &db, const char *role) {
        const Result r = runClc(db, {QStringLiteral("enroll"), QStringLiteral("--server"), proxy.url(), QStringLiteral("--code"),
                                     server.enrollCode(centreId, QString::fromLatin1(role), QStringLiteral("Máy đo"))});
        if (r.code != 0)
            throw std::runtime_error("enroll failed: " + r.err.toStdString());
    };
    auto enrol = [&](const QString &db, const char *role) { enrolIn(centre, db, role); };
    auto sync = [&](const QString &db) {
        // An hour at most: a million marks take minutes each way (the tests' two minutes would cut it).
        const Result r = run(QStringLiteral(CLC_BINARY), {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--db"), db, QStringLiteral("sync")},
                             {}, 3600000);
        if (r.code != 0)
            throw std::runtime_error("sync failed: " + r.err.toStdString());
    };
    enrol(tabletDb, "coordinator");
    sync(tabletDb);

    // One tap to a durable commit, change capture included: 1,000 in a row.
    std::vector<double> taps;
    {
        Store tablet(tabletDb);
        for (int i = 0; i < 1000; ++i) {
            QElapsedTimer t;
            t.start();
            records::markAttendance(tablet, sessions[0], people[i % peopleCount], i % 2 ? QStringLiteral("late") : QStringLiteral("present"));
            taps.push_back(ms(t));
        }
        // The marks to push: N of them, the session's first thousand overwritten included.
        Transaction tx(tablet.db());
        for (int i = 0; i < marks; ++i)
            records::markAttendance(tablet, sessions[i / peopleCount], people[i % peopleCount], QStringLiteral("present"));
        tx.commit();
    }
    std::sort(taps.begin(), taps.end());

    // One device's `clc sync`: its time and every byte both ways.
    struct Exchange
    {
        double ms;
        qint64 up, down;
    };
    auto timedSync = [&](const QString &db) {
        proxy.reset();
        QElapsedTimer t;
        t.start();
        sync(db);
        return Exchange{ms(t), proxy.up, proxy.down};
    };
    // Push: the tablet's `clc sync` until the server committed and the tablet has its acknowledgement.
    const Exchange pushed = timedSync(tabletDb);
    const long pushRssKb = childrenPeakRssKb(); // the largest `clc` so far: the pushing tablet's
    const double pushMs = pushed.ms;
    const qint64 pushUp = pushed.up, pushDown = pushed.down;

    // Idle: nothing new on either side.
    const Exchange idle = timedSync(tabletDb);
    const qint64 idleBytes = idle.up + idle.down;

    // Pull: a fresh device's first `clc sync` (everything: the people and sessions too).
    const QString freshDb = dir.path(QStringLiteral("fresh.db"));
    enrol(freshDb, "facilitator");
    const Exchange pulled = timedSync(freshDb);
    const double pullMs = pulled.ms;
    const qint64 pullUp = pulled.up, pullDown = pulled.down;
    const long deviceRssKb = childrenPeakRssKb();

    // Apply: the same pull by a device in this process, the network's and the server's time taken
    // out; what is left is decoding the pages and applying them to the store. Measured in turns with
    // its floor, below.
    auto removeDb = [](const QString &path) { // a million marks' files, three times each: not kept
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    };
    int applyRuns = 0;
    auto applyOnce = [&] {
        const QString applyDb = dir.path(QStringLiteral("apply-%1.db").arg(++applyRuns));
        double applied = 0;
        {
            enrol(applyDb, "facilitator");
            Store device(applyDb);
            sync::HttpTransport http(QUrl(device.meta(MetaKey::ServerUrl)), device.meta(MetaKey::Token));
            TimedTransport timed(http);
            QElapsedTimer t;
            t.start();
            sync::SyncSession(device, timed).run();
            applied = ms(t) - double(timed.ns) / 1e6;
        }
        removeDb(applyDb);
        return applied;
    };

    // The apply's floor: the same rows bulk-inserted into a device's SQLite in one transaction. This
    // host is shared and a single run of either moves by a quarter: each is the median of ApplyRuns,
    // taken in turns.
    int rawRuns = 0;
    auto rawInsertOnce = [&] {
        const QString rawDb = dir.path(QStringLiteral("raw-insert-%1.db").arg(++rawRuns));
        double inserted = 0;
        {
            Database source(tabletDb);
            const QByteArray rows = readMarksAsJson(source);
            Database target(rawDb);
            target.exec(QString::fromLatin1(MarkTable));
            QElapsedTimer t;
            t.start();
            insertMarks(target, rows);
            inserted = ms(t);
        }
        removeDb(rawDb);
        return inserted;
    };
    constexpr int ApplyRuns = 3;
    std::vector<double> applies, rawInserts;
    for (int i = 0; i < ApplyRuns; ++i) {
        applies.push_back(applyOnce());
        rawInserts.push_back(rawInsertOnce());
    }
    const double applyMs = median(applies), rawInsertMs = median(rawInserts);

    // A busy year (the demo scaled: 3,000 people, 400 sessions, 60,000 marks) pushed by its office,
    // then the first sync of a viewer's phone (the schedule only) and of a new tablet (everything).
    double viewerMs = 0, tabletMs = 0;
    qint64 viewerBytes = 0, tabletBytes = 0;
    if (busyYear) {
        const QString office = dir.path(QStringLiteral("busy-office.db"));
        QString busyCentre;
        {
            Store s(office);
            loadDemo(s);
            clcbench::scaleDemo(s, 3000, 400, 60000);
            busyCentre = s.centreId();
        }
        auto enrolBusy = [&](const QString &db, const char *role) { enrolIn(busyCentre, db, role); };
        enrolBusy(office, "admin");
        sync(office);
        const QString viewer = dir.path(QStringLiteral("viewer.db")), tablet = dir.path(QStringLiteral("new-tablet.db"));
        enrolBusy(viewer, "viewer");
        const Exchange first = timedSync(viewer);
        viewerMs = first.ms;
        viewerBytes = first.up + first.down;
        enrolBusy(tablet, "facilitator");
        const Exchange whole = timedSync(tablet);
        tabletMs = whole.ms;
        tabletBytes = whole.up + whole.down;
    }
    const qint64 serverRssKb = peakRssKb(server.pid());
    // The server's request log (one line per request, with its time), for a profile of the exchanges.
    if (const QString keep = qEnvironmentVariable("CLC_BENCH_SERVER_LOG"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(server.logPath(), keep);
    }

    // The floor, both ways, through the same proxy to a libmicrohttpd server in this process.
    Database floorServer(dir.path(QStringLiteral("floor-server.db")));
    serverPragmas(floorServer);
    floorServer.exec(QString::fromLatin1(MarkTable));
    sync::HttpServerOptions options;
    options.port = 0;
    options.maxBody = 1024LL * 1024 * 1024;
    options.maxBuffered = 2LL * 1024 * 1024 * 1024;
    options.threads = 1;
    sync::HttpServer floorHttp(options, [&](const sync::HttpRequest &r) {
        sync::HttpResponse a;
        if (r.method == "POST")
            a.body = QByteArray::number(insertMarks(floorServer, r.body));
        else
            a.body = readMarksAsJson(floorServer);
        return a;
    });
    floorHttp.start();
    CountingProxy floorProxy(floorHttp.port());
    QNetworkAccessManager net;
    qint64 floorRows = 0;
    proxy.reset();
    QElapsedTimer floorPushTimer;
    floorPushTimer.start();
    {
        Database source(tabletDb);
        const QByteArray body = readMarksAsJson(source);
        floorRows = exchange(net, floorProxy.url() + QStringLiteral("/marks"), body, true).toLongLong();
    }
    const double floorPushMs = ms(floorPushTimer);
    const qint64 floorPushBytes = floorProxy.up + floorProxy.down;
    floorProxy.reset();
    QElapsedTimer floorPullTimer;
    floorPullTimer.start();
    {
        Database target(dir.path(QStringLiteral("floor-client.db"))); // the device's pragmas (core/database.cpp)
        target.exec(QString::fromLatin1(MarkTable));
        insertMarks(target, exchange(net, floorProxy.url() + QStringLiteral("/marks"), QByteArray(), false));
    }
    const double floorPullMs = ms(floorPullTimer);
    const qint64 floorPullBytes = floorProxy.up + floorProxy.down;
    floorHttp.stop();

    const double n = double(floorRows);
    std::printf("bench_wire: %d marks pushed (%lld rows in the tablet's attendance), %d sessions, %d people; clc-server over %s, loopback\n",
                marks, static_cast<long long>(floorRows), sessionCount, peopleCount, postgres.isEmpty() ? "SQLite" : "PostgreSQL");
    std::printf("%-44s %12s %12s %8s\n", "", "clc", "floor", "ratio");
    std::printf("%-44s %10.0f ms %10.0f ms %7.1fx\n", "push (clc sync; floor: read, POST, insert)", pushMs, floorPushMs, pushMs / floorPushMs);
    std::printf("%-44s %10.0f ms %10.0f ms %7.1fx\n", "pull, fresh device (floor: GET, insert)", pullMs, floorPullMs, pullMs / floorPullMs);
    std::printf("%-44s %10.0f ms %10.0f ms %7.1fx\n", "apply the pull in a device (floor: insert)", applyMs, rawInsertMs, applyMs / rawInsertMs);
    std::printf("%-44s", "  each run, in turns (ms)");
    for (int i = 0; i < ApplyRuns; ++i)
        std::printf(" %.0f/%.0f", applies[size_t(i)], rawInserts[size_t(i)]);
    std::printf("\n");
    std::printf("%-44s %12.1f %12.1f\n", "wire bytes per mark, push (both ways)", double(pushUp + pushDown) / n, double(floorPushBytes) / n);
    std::printf("%-44s %12.1f %12.1f\n", "wire bytes per mark, pull (both ways)", double(pullUp + pullDown) / n, double(floorPullBytes) / n);
    std::printf("%-44s %12lld\n", "idle sync bytes", static_cast<long long>(idleBytes));
    std::printf("%-44s %9.3f ms (p99 %.3f ms)\n", "one tap to a durable commit, median", taps[taps.size() / 2], taps[taps.size() * 99 / 100]);
    std::printf("%-44s %9.1f MB device (clc), %.1f MB server\n", "peak RSS", deviceRssKb / 1024.0, serverRssKb / 1024.0);
    std::printf("%-44s %9.1f MB\n", "peak RSS of the pushing device", pushRssKb / 1024.0);
    if (busyYear) {
        std::printf("%-44s %9.0f ms, %lld bytes\n", "busy year: a viewer's first sync", viewerMs, static_cast<long long>(viewerBytes));
        std::printf("%-44s %9.0f ms, %lld bytes\n", "busy year: a new tablet's first sync", tabletMs, static_cast<long long>(tabletBytes));
    }

    QJsonObject out{
        {QStringLiteral("marks"), marks},
        {QStringLiteral("push_ratio"), figure(pushMs, "ms", floorPushMs)},
        {QStringLiteral("pull_ratio"), figure(pullMs, "ms", floorPullMs)},
        {QStringLiteral("apply_ratio"), figure(applyMs, "ms", rawInsertMs)},
        {QStringLiteral("server_store"), postgres.isEmpty() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
        {QStringLiteral("wire_bytes_per_mark_push"), figure(double(pushUp + pushDown) / n, "bytes", double(floorPushBytes) / n)},
        {QStringLiteral("wire_bytes_per_mark_pull"), figure(double(pullUp + pullDown) / n, "bytes", double(floorPullBytes) / n)},
        {QStringLiteral("mark_commit_ms_median"), figure(taps[taps.size() / 2], "ms")},
        {QStringLiteral("mark_commit_ms_p99"), figure(taps[taps.size() * 99 / 100], "ms")},
        {QStringLiteral("idle_sync_bytes"), figure(double(idleBytes), "bytes")},
        {QStringLiteral("rss_mb_device"), figure(deviceRssKb / 1024.0, "MB")},
        {QStringLiteral("rss_mb_server"), figure(serverRssKb / 1024.0, "MB")},
    };
    if (busyYear) {
        out.insert(QStringLiteral("viewer_first_sync_bytes"), figure(double(viewerBytes), "bytes"));
        out.insert(QStringLiteral("viewer_first_sync_s"), figure(viewerMs / 1000, "s"));
        out.insert(QStringLiteral("new_device_first_sync_s"), figure(tabletMs / 1000, "s"));
        out.insert(QStringLiteral("new_device_first_sync_bytes"), figure(double(tabletBytes), "bytes"));
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
