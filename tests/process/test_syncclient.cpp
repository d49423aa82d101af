#include "nettestsupport.h"
#include "syncclient.h"

#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace clctest;
using clc::sync::SyncClient;

TEST_CASE("the background sync client never blocks, reports its state, and resumes when the server is back", "[net][client]")
{
    TempDir dir;
    const quint16 port = freePort();
    auto server = std::make_unique<ServerProcess>(dir.path(QStringLiteral("s")), port);
    const QString db = dir.path(QStringLiteral("tablet.db"));
    REQUIRE(runClc(db, {QStringLiteral("init")}).code == 0);

    SyncClient notEnrolled(db);
    QSignalSpy first(&notEnrolled, &SyncClient::finished);
    notEnrolled.syncNow();
    REQUIRE(first.wait(20000));
    CHECK(notEnrolled.state() == SyncClient::State::NotEnrolled);

    REQUIRE(runClc(db, {QStringLiteral("enroll"), QStringLiteral("--server"), server->url(), QStringLiteral("--code"),
                        server->enrollCode(centreOf(db), QStringLiteral("coordinator"), QStringLiteral("Tablet"))}).code == 0);
    REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Hoàng Thị Thuỷ")}).code == 0);

    SyncClient client(db);
    client.setBackoff(200, 1000);
    QSignalSpy done(&client, &SyncClient::finished);
    client.syncNow();
    // syncNow returned before the work was done: the caller's thread was not held.
    CHECK(client.state() == SyncClient::State::Syncing);
    CHECK(done.count() == 0);
    REQUIRE(done.wait(20000));
    CHECK(done.takeFirst().at(0).toBool());
    CHECK(client.state() == SyncClient::State::Idle);
    CHECK(client.pending() == 0);
    CHECK(client.lastSuccess().isValid());
    CHECK(qAbs(client.clockOffsetMs()) < 60000);
    const QDateTime firstSuccess = client.lastSuccess();

    // The server goes away: offline, with the reason, and a retry scheduled; the last success stays.
    server->kill();
    REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Đinh Văn Hải")}).code == 0);
    client.syncNow();
    REQUIRE(done.wait(20000));
    CHECK(client.state() == SyncClient::State::Offline);
    CHECK_FALSE(client.errorText().isEmpty());
    CHECK(client.lastSuccess() == firstSuccess);
    CHECK(client.retryInMs() > 0);
    {
        // The app opened again while offline: the last success comes from the file, not "never".
        SyncClient restarted(db);
        QSignalSpy again(&restarted, &SyncClient::finished);
        restarted.syncNow();
        REQUIRE(again.wait(20000));
        CHECK(restarted.state() == SyncClient::State::Offline);
        REQUIRE(restarted.lastSuccess().isValid());
        CHECK(qAbs(restarted.lastSuccess().secsTo(firstSuccess)) <= 2);
    }

    // It comes back: the client finds it by itself (no syncNow) and sends what waited.
    server->start();
    bool recovered = false;
    for (int i = 0; i < 20 && !recovered; ++i) {
        REQUIRE(done.wait(20000));
        recovered = client.state() == SyncClient::State::Idle;
    }
    CHECK(recovered);
    CHECK(client.pending() == 0);

    // A revoked device gets a plain error and no retry loop.
    REQUIRE(run(QStringLiteral(CLC_SERVER_BINARY), server->serverArgs() + QStringList{QStringLiteral("revoke"), metaOf(db, QStringLiteral("device_id"))}).code == 0);
    client.syncNow();
    REQUIRE(done.wait(20000));
    CHECK(client.state() == SyncClient::State::Error);
    CHECK(client.errorText().contains(QStringLiteral("revoked")));
    CHECK(client.retryInMs() == 0);
}
