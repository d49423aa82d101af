// The HTTP API's own rules, called in-process: guessing enrolment codes is throttled per address.
#include "enrolment.h"
#include "serverapi.h"
#include "serverstore.h"
#include "store.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {
HttpRequest enrolRequest(const QString &code, const QString &peer)
{
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/enroll");
    r.peer = peer;
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code}}).toJson(QJsonDocument::Compact);
    return r;
}
} // namespace

TEST_CASE("wrong enrolment codes from one address are throttled, other addresses and later tries are not", "[server][enrol]")
{
    TempDir dir;
    auto store = openSqliteServerStore(dir.path(QStringLiteral("server.db")));
    ManualClock clock;
    ServerApi api(*store, clock.fn());
    EnrolmentService codes(*store, clock.fn());
    const QString centre = Store::newId();
    const QString good = codes.create(centre, QStringLiteral("facilitator"), QStringLiteral("Máy khu 1")).code;
    const QString alsoGood = codes.create(centre, QStringLiteral("facilitator"), QStringLiteral("Máy khu 2")).code;

    const QString guesser = QStringLiteral("203.0.113.7");
    for (int i = 0; i < EnrolThrottle::MaxFailures; ++i)
        CHECK(api.handle(enrolRequest(QStringLiteral("AAAA-BBBB-CC%1").arg(i, 2, 10, QLatin1Char('0')), guesser)).status == 401);
    // The next try, even with a right code, waits: the code is not spent.
    const HttpResponse blocked = api.handle(enrolRequest(good, guesser));
    CHECK(blocked.status == 429);
    CHECK(blocked.retryAfterSeconds > 0);
    CHECK(blocked.retryAfterSeconds <= EnrolThrottle::WindowMs / 1000);
    CHECK(QJsonDocument::fromJson(blocked.body).object().value(QStringLiteral("error")).toString() == QStringLiteral("too_many_attempts"));

    // Another address is not held back.
    CHECK(api.handle(enrolRequest(alsoGood, QStringLiteral("198.51.100.2"))).status == 200);

    // An IPv6 guesser cannot escape by rotating addresses within its /64.
    for (int i = 0; i < EnrolThrottle::MaxFailures; ++i)
        api.handle(enrolRequest(QStringLiteral("WRONG-CODE-%1").arg(i), QStringLiteral("2001:db8:1:2::%1").arg(i + 1, 0, 16)));
    CHECK(api.handle(enrolRequest(QStringLiteral("WRONG-CODE-X"), QStringLiteral("2001:db8:1:2:ffff::9"))).status == 429);
    CHECK(api.handle(enrolRequest(QStringLiteral("WRONG-CODE-Y"), QStringLiteral("2001:db8:1:3::1"))).status == 401); // another /64
    CHECK(EnrolThrottle::keyOf(QStringLiteral("192.0.2.7")) == QStringLiteral("192.0.2.7"));

    // After the window, the first address may try again, and the code still works.
    *clock.ms += EnrolThrottle::WindowMs + 1;
    CHECK(api.handle(enrolRequest(good, guesser)).status == 200);
}

TEST_CASE("a device that belongs to a centre is refused another centre's code, which stays unspent", "[server][enrol]")
{
    TempDir dir;
    auto store = openSqliteServerStore(dir.path(QStringLiteral("server.db")));
    ManualClock clock;
    ServerApi api(*store, clock.fn());
    EnrolmentService codes(*store, clock.fn());
    const QString ours = Store::newId(), theirs = Store::newId();
    const QString code = codes.create(theirs, QStringLiteral("coordinator"), QStringLiteral("Máy phường bên")).code;

    HttpRequest wrong = enrolRequest(code, QStringLiteral("192.0.2.1"));
    wrong.body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("centre"), ours}}).toJson(QJsonDocument::Compact);
    const HttpResponse refused = api.handle(wrong);
    CHECK(refused.status == 403);
    CHECK(QJsonDocument::fromJson(refused.body).object().value(QStringLiteral("field")).toString() == QStringLiteral("centre"));

    HttpRequest right = enrolRequest(code, QStringLiteral("192.0.2.2"));
    right.body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("centre"), theirs}}).toJson(QJsonDocument::Compact);
    const HttpResponse ok = api.handle(right);
    REQUIRE(ok.status == 200);
    CHECK(QJsonDocument::fromJson(ok.body).object().value(QStringLiteral("centre")).toString() == theirs);
}

TEST_CASE("the throttle's memory is bounded and keeps running blocks when it must forget", "[server][enrol]")
{
    EnrolThrottle t;
    const qint64 now = 1'700'000'000'000LL;
    for (int i = 0; i < EnrolThrottle::MaxFailures; ++i)
        t.failed(QStringLiteral("203.0.113.9"), now);
    REQUIRE(t.blockedFor(QStringLiteral("203.0.113.9"), now + 1) > 0);
    for (int i = 0; i < EnrolThrottle::MaxPeers + 50; ++i)
        t.failed(QStringLiteral("10.%1.%2.%3").arg(i >> 16).arg((i >> 8) & 255).arg(i & 255), now + 2 + i);
    CHECK(t.blockedFor(QStringLiteral("203.0.113.9"), now + 100) > 0); // the block outlived the flood
}
