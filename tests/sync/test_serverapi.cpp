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

TEST_CASE("wrong enrolment codes from one address are throttled; other addresses and later tries are not", "[server][enrol]")
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
