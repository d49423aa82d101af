// Benchmarks for the store and the sync engine (docs/performance.md). Not a test: prints numbers.
//   build/tests/bench/bench_sync [marks]     (default 100000)
// Ratios are what to quote: every number of one run is measured on the same machine at the same time.
#include "database.h"
#include "merge.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "syncservice.h"
#include "syncsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace clc;
using namespace clc::sync;

namespace {

long maxRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

class DirectTransport : public Transport
{
public:
    DirectTransport(SyncService &s, Device d) : m_service(s), m_device(std::move(d)) {}
    // Time spent here (compression to count bytes, decoding, the server) is reported apart from the
    // client's share.
    QByteArray push(const QByteArray &r) override
    {
        QElapsedTimer t;
        t.start();
        sent += r.size();
        sentCompressed += qCompress(r, 6).size();
        compressNs += t.nsecsElapsed();
        const PushRequest req = decodePushRequest(r);
        const qint64 s0 = t.nsecsElapsed();
        const PushResponse resp = m_service.push(m_device, req, r); // the body as it came, as the real server hashes it
        serverNs += t.nsecsElapsed() - s0;
        const QByteArray a = encode(resp);
        received += a.size();
        totalNs += t.nsecsElapsed();
        return a;
    }
    QByteArray pull(const QString &cursor, int limit, int protocol) override
    {
        QElapsedTimer t;
        t.start();
        const PullResponse resp = m_service.pull(m_device, PullRequest{cursor, limit, protocol});
        serverNs += t.nsecsElapsed();
        const QByteArray a = encode(resp);
        received += a.size();
        const qint64 c0 = t.nsecsElapsed();
        receivedCompressed += qCompress(a, 6).size();
        compressNs += t.nsecsElapsed() - c0;
        totalNs += t.nsecsElapsed();
        return a;
    }
    qint64 sent = 0, sentCompressed = 0, received = 0, receivedCompressed = 0;
    qint64 serverNs = 0, compressNs = 0, totalNs = 0;

private:
    SyncService &m_service;
    Device m_device;
};

double ms(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int marks = argc > 1 ? std::max(1000, atoi(argv[1])) : 100000;
    const int peopleCount = 1000;
    const int sessionCount = (marks + peopleCount - 1) / peopleCount;
    QTemporaryDir dir;

    // The floor: the same rows as a raw bulk insert in one transaction.
    double rawMs = 0;
    {
        Database db(dir.filePath(QStringLiteral("raw.db")));
        db.exec(QStringLiteral("CREATE TABLE attendance (id TEXT PRIMARY KEY, centre_id TEXT, session_id TEXT, person_id TEXT, status TEXT, deleted INTEGER)"));
        const QString centre = Store::newId();
        QStringList sessions, people;
        for (int i = 0; i < sessionCount; ++i)
            sessions << Store::newId();
        for (int i = 0; i < peopleCount; ++i)
            people << Store::newId();
        QElapsedTimer t;
        t.start();
        Transaction tx(db);
        for (int i = 0; i < marks; ++i) {
            const QString &s = sessions[i / peopleCount], &p = people[i % peopleCount];
            db.prepare(QStringLiteral("INSERT INTO attendance VALUES (?, ?, ?, ?, 'present', 0)"))
                .bind(1, Store::naturalId(QStringLiteral("attendance"), s, p)).bind(2, centre).bind(3, s).bind(4, p).exec();
        }
        tx.commit();
        rawMs = ms(t);
    }

    auto serverStore = openSqliteServerStore(dir.filePath(QStringLiteral("server.db")));
    SyncService service(*serverStore);
    Store tablet(dir.filePath(QStringLiteral("tablet.db")), StoreOptions{QStringLiteral("tablet"), {}});
    tablet.init(QStringLiteral("TTHTCĐ"));
    const Device tabletDevice{QStringLiteral("tablet"), tablet.centreId(), Role::Coordinator};
    const QString activity = records::addActivity(tablet, ActivityInput{QStringLiteral("2018-03"), QStringLiteral("Tập huấn")});
    QStringList sessions, people;
    {
        Transaction tx(tablet.db());
        for (int i = 0; i < sessionCount; ++i)
            sessions << records::addSession(tablet, activity, QStringLiteral("2018-03-10T08:00"), QStringLiteral("Nhà văn hoá"));
        for (int i = 0; i < peopleCount; ++i)
            people << records::addPerson(tablet, PersonInput{QStringLiteral("Người %1").arg(i)});
        tx.commit();
    }
    {
        DirectTransport t(service, tabletDevice);
        SyncSession(tablet, t).run();
    }

    // One mark as the app stores it: its own transaction, change capture included.
    std::vector<double> single;
    for (int i = 0; i < 2000; ++i) {
        QElapsedTimer t;
        t.start();
        records::markAttendance(tablet, sessions[0], people[i % peopleCount], i % 2 ? QStringLiteral("late") : QStringLiteral("present"));
        single.push_back(ms(t));
    }
    std::sort(single.begin(), single.end());
    tablet.db().exec(QStringLiteral("DELETE FROM outbox")); // keep the benchmark's push to the bulk marks below
    {
        // Sessions 1.. get the bulk marks (session 0 was used above).
        Transaction tx(tablet.db());
        for (int i = 0; i < marks; ++i)
            records::markAttendance(tablet, sessions[(i / peopleCount) % sessionCount], people[i % peopleCount], QStringLiteral("present"));
        tx.commit();
    }
    const qint64 pending = tablet.pendingChanges();

    QElapsedTimer pushTimer;
    pushTimer.start();
    DirectTransport pushT(service, tabletDevice);
    SyncSummary pushSum;
    SyncSession(tablet, pushT).pushAll(pushSum);
    const double pushMs = ms(pushTimer);

    // A new device pulls everything.
    Store fresh(dir.filePath(QStringLiteral("fresh.db")), StoreOptions{QStringLiteral("fresh"), {}});
    fresh.initMember(tablet.centreId());
    const long rssBefore = maxRssKb();
    QElapsedTimer pullTimer;
    pullTimer.start();
    DirectTransport pullT(service, Device{QStringLiteral("fresh"), tablet.centreId(), Role::Coordinator});
    SyncSummary pullSum;
    SyncSession(fresh, pullT).pullAll(pullSum);
    const double pullMs = ms(pullTimer);
    const long rssAfter = maxRssKb();

    // Applying the same changes to a store, without the network and the server: the merge cost alone.
    // (Measured by the pull above minus the server's share; reported separately below.)

    // An idle sync: nothing to send, nothing new.
    DirectTransport idleT(service, tabletDevice);
    SyncSession(tablet, idleT).run();

    // A viewer's first sync (the schedule only).
    DirectTransport viewerT(service, Device{QStringLiteral("phone"), tablet.centreId(), Role::Viewer});
    Store phone(dir.filePath(QStringLiteral("phone.db")), StoreOptions{QStringLiteral("phone"), {}});
    phone.initMember(tablet.centreId());
    SyncSession(phone, viewerT).pullAll(pullSum);

    std::printf("marks                                  %d (changes pushed: %lld)\n", marks, qlonglong(pending));
    std::printf("raw bulk insert, one transaction       %.0f ms\n", rawMs);
    std::printf("push end to end (in-process)           %.0f ms   = %.2f x raw insert\n", pushMs, pushMs / rawMs);
    std::printf("pull + apply on a new device           %.0f ms   = %.2f x raw insert\n", pullMs, pullMs / rawMs);
    std::printf("  of which server %.0f ms, gzip for counting %.0f ms, transport total %.0f ms\n", pushT.serverNs / 1e6,
                pushT.compressNs / 1e6, pushT.totalNs / 1e6);
    std::printf("  pull: server %.0f ms, gzip for counting %.0f ms, transport total %.0f ms\n", pullT.serverNs / 1e6,
                pullT.compressNs / 1e6, pullT.totalNs / 1e6);
    std::printf("push bytes per mark                    %.1f raw, %.1f compressed\n", double(pushT.sent) / marks, double(pushT.sentCompressed) / marks);
    std::printf("pull bytes per mark                    %.1f raw, %.1f compressed\n", double(pullT.received) / marks,
                double(pullT.receivedCompressed) / marks);
    std::printf("idle sync bytes                        %lld sent, %lld received\n", qlonglong(idleT.sent), qlonglong(idleT.received));
    std::printf("viewer first sync bytes                %lld (compressed %lld)\n", qlonglong(viewerT.received), qlonglong(viewerT.receivedCompressed));
    std::printf("one mark, durable: median %.3f ms, p95 %.3f ms\n", single[single.size() / 2], single[single.size() * 95 / 100]);
    std::printf("peak RSS before/after pull             %ld / %ld KiB\n", rssBefore, rssAfter);
    return 0;
}
