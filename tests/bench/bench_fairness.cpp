// Fairness benchmark (docs/performance.md#fairness): a device's small pushes, alone and while another
// device of the same centre floods the server over loopback HTTP with six connections of pulls and
// big pushes; with the per-device budget (the default) and without it. Prints medians and p99.
//   bench_fairness [SAMPLES [PEOPLE_PER_FLOOD_PUSH [PULL_PAGE]]]   (defaults 60, 4000, 5000; each person
//   is about two changes: 20000 80000 floods with the largest batches and pages a server takes)
#include "enrolment.h"
#include "httpserver.h"
#include "httptransport.h"
#include "migrations.h"
#include "schema.h"
#include "serverapi.h"
#include "serverstore.h"
#include "store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <atomic>
#include <cstdio>
#include <thread>

using namespace clc;
using namespace clc::sync;

namespace {

int floodPeople = 4000; ///< people in each of the flooder's pushes (about two changes each)
int floodPage = 5000;   ///< changes in each of the flooder's pull pages

QByteArray batch(const QString &centre, const QString &replica, qint64 number, int people, qint64 hlc)
{
    const TableDef *t = table(QStringLiteral("people"));
    PushRequest p;
    p.schema = syncSchemaVersion();
    p.replica = replica;
    p.batch = number;
    for (int i = 0; i < people; ++i) {
        const QString row = Store::newId();
        const Version v{hlc + i, replica};
        p.changes.push_back(Change{t->code, row, t->fieldCode(QStringLiteral("centre_id")), centre, v, std::nullopt, false});
        p.changes.push_back(Change{t->code, row, t->fieldCode(QStringLiteral("full_name")), QStringLiteral("Trần Văn %1").arg(i), v, std::nullopt, false});
    }
    return encode(p);
}

struct Figures
{
    double median = 0, p99 = 0;
    int flooderAnswers = 0, flooderWaits = 0;
};

Figures run(const DeviceLimits &limits, bool flood, int samples)
{
    QTemporaryDir dir;
    auto store = openSqliteServerStore(QDir(dir.path()).filePath(QStringLiteral("server.db")));
    ServerApi api(*store, {}, limits);
    HttpServerOptions options;
    options.port = 0;
    HttpServer http(options, [&api](const HttpRequest &r) { return api.handle(r); },
                    [&api](const HttpRequest &head, qint64 &maxBody) { return api.precheck(head, maxBody); });
    http.start();
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(http.port()));
    const QString centre = Store::newId();
    EnrolmentService codes(*store);
    auto enrol = [&](const char *role) {
        HttpTransport t(url, QString());
        return t.enroll(codes.create(centre, QString::fromLatin1(role), QStringLiteral("máy")).code).value(QStringLiteral("token")).toString();
    };
    const QString flooder = enrol("coordinator"), other = enrol("facilitator");
    const qint64 hlc = HybridClock::pack(QDateTime::currentMSecsSinceEpoch(), 0);
    const QString flooderReplica = Store::newId();
    HttpTransport(url, flooder).push(batch(centre, flooderReplica, 1, 8000, hlc));

    std::atomic<bool> stop{false};
    std::atomic<int> answers{0}, waits{0};
    std::vector<std::thread> threads;
    if (flood) {
        for (int t = 0; t < 6; ++t)
            threads.emplace_back([&, t] {
                HttpTransport link(url, flooder);
                qint64 n = 2;
                while (!stop) {
                    try {
                        if (t == 0) {
                            const qint64 number = n++; // each batch later than the one before
                            link.push(batch(centre, flooderReplica, number, floodPeople, hlc + (number + 1) * 10000));
                        } else {
                            link.pull(QString(), floodPage, ProtocolVersion);
                        }
                        ++answers;
                    } catch (const std::exception &) {
                    }
                }
                waits += link.busyWaits();
            });
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    HttpTransport link(url, other);
    const QString replica = Store::newId();
    std::vector<double> ms;
    for (int b = 1; b <= samples; ++b) {
        const QByteArray body = batch(centre, replica, b, 5, hlc + 100000000 + b * 100);
        QElapsedTimer t;
        t.start();
        link.push(body);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    stop = true;
    for (auto &t : threads)
        t.join();
    http.stop();
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)], answers, waits};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int samples = argc > 1 ? std::max(10, atoi(argv[1])) : 60;
    floodPeople = argc > 2 ? std::clamp(atoi(argv[2]), 1, MaxChanges / 2) : 4000;
    floodPage = argc > 3 ? std::clamp(atoi(argv[3]), 1, MaxChanges) : 5000;
    const DeviceLimits unlimited{1000000, 1e9, 1e9};
    const Figures alone = run(DeviceLimits{}, false, samples);
    const Figures fair = run(DeviceLimits{}, true, samples);
    const Figures unfair = run(unlimited, true, samples);
    std::printf("flooder: pushes of %d people, pull pages of %d changes\n", floodPeople, floodPage);
    std::printf("a device's push of 5 learners, %d in a row (ms)     median   p99\n", samples);
    std::printf("  alone                                               %6.1f %6.1f\n", alone.median, alone.p99);
    std::printf("  while another floods, per-device budget (default)   %6.1f %6.1f   = %.1fx alone (flooder: %d answers, %d waits)\n",
                fair.median, fair.p99, fair.median / alone.median, fair.flooderAnswers, fair.flooderWaits);
    std::printf("  while another floods, no budget                     %6.1f %6.1f   = %.1fx alone (flooder: %d answers)\n",
                unfair.median, unfair.p99, unfair.median / alone.median, unfair.flooderAnswers);
    return 0;
}
