// Sharing the server between devices (docs/security.md#fairness): one device flooding it does not
// stall another, and a device over its budget is told to wait (429, Retry-After).
#include "enrolment.h"
#include "migrations.h"
#include "schema.h"
#include "serverapi.h"
#include "serverstore.h"
#include "store.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

struct Server
{
    explicit Server(TempDir &dir, HybridClock::WallClock wall = {}, DeviceLimits limits = {})
        : store(openSqliteServerStore(dir.path(QStringLiteral("server.db")))), api(*store, wall, limits)
    {
    }
    /// Enrols a device of centre; returns its token.
    QString enrol(const QString &centre, const QString &role)
    {
        EnrolmentService codes(*store);
        const QString code = codes.create(centre, role, QStringLiteral("Máy %1").arg(role)).code;
        HttpRequest r;
        r.method = "POST";
        r.path = QStringLiteral("/v1/enroll");
        r.peer = QStringLiteral("192.0.2.9");
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code}}).toJson(QJsonDocument::Compact);
        const HttpResponse answer = api.handle(r);
        REQUIRE(answer.status == 200);
        return QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("token")).toString();
    }
    std::unique_ptr<ServerStore> store;
    ServerApi api;
};

HttpRequest pullRequest(const QString &token, int limit = 5000)
{
    HttpRequest r;
    r.method = "GET";
    r.path = QStringLiteral("/v1/pull");
    r.headers.insert("authorization", "Bearer " + token.toLatin1());
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return r;
}

/// A batch adding `people` new learners to centre, as a device would send it.
HttpRequest pushRequest(const QString &token, const QString &centre, const QString &replica, qint64 batch, int people, qint64 hlc)
{
    const TableDef *t = table(QStringLiteral("people"));
    PushRequest p;
    p.schema = syncSchemaVersion();
    p.replica = replica;
    p.batch = batch;
    for (int i = 0; i < people; ++i) {
        const QString row = Store::newId();
        const Version v{hlc + i, replica};
        p.changes.push_back(Change{t->code, row, t->fieldCode(QStringLiteral("centre_id")), centre, v, std::nullopt, false});
        p.changes.push_back(Change{t->code, row, t->fieldCode(QStringLiteral("full_name")), QStringLiteral("Nguyễn Thị %1").arg(i), v, std::nullopt, false});
    }
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/push");
    r.headers.insert("authorization", "Bearer " + token.toLatin1());
    r.body = encode(p);
    return r;
}

} // namespace

TEST_CASE("a device over its request budget is answered 429 with Retry-After, and other devices are not", "[server][fairness]")
{
    TempDir dir;
    ManualClock clock;
    Server server(dir, clock.fn(), DeviceLimits{2, 1.0, 3.0});
    const QString centre = Store::newId();
    const QString greedy = server.enrol(centre, QStringLiteral("facilitator"));
    const QString calm = server.enrol(centre, QStringLiteral("facilitator"));
    for (int i = 0; i < 3; ++i)
        CHECK(server.api.handle(pullRequest(greedy)).status == 200);
    const HttpResponse refused = server.api.handle(pullRequest(greedy));
    CHECK(refused.status == 429);
    CHECK(refused.retryAfterSeconds == 1);
    CHECK(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("error")).toString() == QStringLiteral("too_many_requests"));
    CHECK(server.api.handle(pullRequest(calm)).status == 200); // its own budget
    // The bucket refills with time: one request a second.
    *clock.ms += 1000;
    CHECK(server.api.handle(pullRequest(greedy)).status == 200);
    CHECK(server.api.handle(pullRequest(greedy)).status == 429);
    // A refused request is not counted as one in flight, nor are answered ones.
    *clock.ms += 10000;
    for (int i = 0; i < 3; ++i)
        CHECK(server.api.handle(pullRequest(greedy)).status == 200);
}

TEST_CASE("pushes larger than a client sends are refused before the store is touched", "[server][fairness][limits]")
{
    TempDir dir;
    Server server(dir);
    const QString centre = Store::newId();
    const QString token = server.enrol(centre, QStringLiteral("coordinator"));
    const HttpResponse refused = server.api.handle(pushRequest(token, centre, Store::newId(), 1, MaxChanges / 2 + 1, 1 << 20));
    CHECK(refused.status == 400);
    CHECK(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("field")).toString() == QStringLiteral("c"));
    // Batch 1 was not used up: the largest batch a client sends is taken under that number.
    CHECK(server.api.handle(pushRequest(token, centre, Store::newId(), 1, MaxChanges / 2, 1 << 20)).status == 200);
}

TEST_CASE("one device flooding the server with pushes and pulls does not stall another", "[server][fairness]")
{
    TempDir dir;
    Server server(dir);
    const QString centre = Store::newId();
    const QString flooder = server.enrol(centre, QStringLiteral("coordinator"));
    const QString other = server.enrol(centre, QStringLiteral("facilitator"));
    const QString flooderReplica = Store::newId();
    const qint64 hlc = HybridClock::pack(QDateTime::currentMSecsSinceEpoch(), 0);
    // Something to pull: 8,000 learners.
    REQUIRE(server.api.handle(pushRequest(flooder, centre, flooderReplica, 1, 8000, hlc)).status == 200);

    std::atomic<bool> stop{false};
    std::atomic<int> flooderAnswered{0}, flooderBusy{0}, flooderWrong{0};
    std::vector<std::thread> flood;
    for (int t = 0; t < 6; ++t) {
        flood.emplace_back([&, t] {
            qint64 batch = 2;
            while (!stop) {
                // One thread pushes big batches in turn, the others pull the whole centre again and again.
                const HttpResponse a = t == 0 ? server.api.handle(pushRequest(flooder, centre, flooderReplica, batch, 4000, hlc + batch * 10000))
                                              : server.api.handle(pullRequest(flooder));
                if (a.status == 429)
                    ++flooderBusy;
                else if (a.status == 200)
                    ++flooderAnswered, batch += t == 0 ? 1 : 0;
                else
                    ++flooderWrong;
            }
        });
    }
    // The other device pushes small batches meanwhile, one after another as the client does.
    const QString otherReplica = Store::newId();
    std::vector<int> waitedBehind;
    std::vector<double> latencyMs;
    int otherBusy = 0;
    for (qint64 b = 1; b <= 15; ++b) {
        QElapsedTimer timer;
        timer.start();
        const HttpResponse a = server.api.handle(pushRequest(other, centre, otherReplica, b, 5, hlc + 100000000 + b * 100));
        latencyMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        otherBusy += a.status == 429;
        CHECK(a.status == 200);
        waitedBehind.push_back(a.waitedBehind);
    }
    stop = true;
    for (auto &t : flood)
        t.join();
    std::sort(latencyMs.begin(), latencyMs.end());
    WARN("the other device's push while one floods: median " << latencyMs[latencyMs.size() / 2] << " ms, worst " << latencyMs.back()
         << " ms; the flooder got " << flooderAnswered << " answers and " << flooderBusy << " times 429");
    CHECK(otherBusy == 0);
    CHECK(flooderWrong == 0);
    CHECK(flooderAnswered > 0);
    CHECK(flooderBusy > 0); // six at once is more than a device may have in flight
    // Turns are first come, first served, and the flooder holds at most its in-flight budget of them:
    // the other device never waits behind more of its requests than that.
    for (int w : waitedBehind)
        CHECK(w <= DeviceLimits{}.inFlight);
}
