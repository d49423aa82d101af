// The SQLite server store after a power cut that lost its last commits: no sequence number is handed
// out twice, and the first device that had seen the lost changes starts a new epoch, after which
// every device sends again what the server lost.
#include "records.h"
#include "schema.h"
#include "serverstore.h"
#include "synctestsupport.h"

#include <QFile>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

TEST_CASE("after a power cut loses the server's last commits, no change number is reused and devices send again what was lost", "[server][durability][faults]")
{
    TempDir dir;
    ManualClock clock;
    auto tablet = makeStore(dir, QStringLiteral("tablet.db"), clock, QStringLiteral("tablet"));
    auto phone = std::make_unique<Store>(dir.path(QStringLiteral("phone.db")), StoreOptions{QStringLiteral("phone"), clock.fn()});
    phone->initMember(tablet->centreId());
    const Device tabletDevice{QStringLiteral("dev-tablet"), tablet->centreId(), Role::Coordinator};
    const Device phoneDevice{QStringLiteral("dev-phone"), tablet->centreId(), Role::Coordinator};
    const QString serverDb = dir.path(QStringLiteral("server.db"));
    const QString snapshot = dir.path(QStringLiteral("before-the-cut.db"));
    QString lostPerson;
    qint64 topBefore = 0;
    {
        auto store = openSqliteServerStore(serverDb);
        SyncService service(*store, clock.fn());
        LoopbackTransport t(service, tabletDevice);
        records::addPerson(*tablet, PersonInput{QStringLiteral("Nguyễn Văn An")});
        SyncSession(*tablet, t).run();
        backupSqliteServerStore(serverDb, snapshot); // what the disk still holds after the cut
        lostPerson = records::addPerson(*tablet, PersonInput{QStringLiteral("Trần Thị Bình")});
        SyncSession(*tablet, t).run(); // acknowledged, and pulled past
        REQUIRE(tablet->pendingChanges() == 0);
        topBefore = store->pull(tablet->centreId(), 0, 100000, {}, -1, QString()).topSeq;
    }
    // The cut: the database is back to the snapshot (its last commits gone); the reservation file stays.
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(serverDb + QLatin1String(suffix));
    REQUIRE(QFile::copy(snapshot, serverDb));

    auto store = openSqliteServerStore(serverDb);
    const QString epochAfterCut = store->epoch();
    SyncService service(*store, clock.fn());
    // A cursor a device makes up (past what the store holds) does not start a new epoch: only the
    // server's own, signed ones are believed.
    for (const QByteArray &forged : {QByteArray("c1:") + QByteArray::number(topBefore), QByteArray("c2:") + QByteArray::number(topBefore) + ":0000000000000000"}) {
        PullRequest pr;
        pr.cursor = QString::fromLatin1(forged.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        service.pull(phoneDevice, pr);
        CHECK(store->epoch() == epochAfterCut);
    }
    LoopbackTransport phoneLink(service, phoneDevice);
    SyncSession(*phone, phoneLink).run(); // a new device joins after the cut, and pushes first
    records::addPerson(*phone, PersonInput{QStringLiteral("Lê Văn Cường")});
    SyncSession(*phone, phoneLink).run();
    std::vector<int> all;
    for (const TableDef &t : tables())
        all.push_back(t.code);
    int fromPhone = 0;
    for (const StoredChange &c : store->pull(tablet->centreId(), 0, 100000, all, -1, QString()).changes)
        if (c.device == phoneDevice.id) {
            ++fromPhone;
            CHECK(c.seq > topBefore); // new numbers never reuse those devices may have seen
        }
    CHECK(fromPhone > 0);

    LoopbackTransport tabletLink(service, tabletDevice);
    const SyncSummary s = SyncSession(*tablet, tabletLink).run();
    CHECK(store->epoch() != epochAfterCut);
    CHECK(s.requeued > 0);
    SyncSession(*phone, phoneLink).run();
    CHECK(phone->exists(QStringLiteral("people"), lostPerson));
    CHECK(difference(canonical(*tablet), canonical(*phone)) == "");
}
