// Replays are checked: a batch number used again with other changes is never acknowledged as a
// replay (that silently lost a restored device's new edits); the device sends them again.
#include "conflicts.h"
#include "records.h"
#include "store.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

TEST_CASE("a batch number used again with other changes is refused as reused, a true retry is answered as before", "[sync][replay]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &a = world.add();
    world.syncAll();
    const qint64 next = world.serverStore->lastBatch(a.device.id)->number + 1;
    const QString person = records::addPerson(*a.store, PersonInput{QStringLiteral("Nguyễn Văn An")});
    PushRequest r;
    r.schema = 1;
    r.replica = a.store->replicaId();
    r.batch = next;
    for (const Store::OutboxChange &o : a.store->outboxUpTo(a.store->outboxBatchEnd(1000, MaxBatchBytes)))
        r.changes.push_back(Change{o.table, o.row, o.field, o.value, o.version, o.base, false});
    REQUIRE_FALSE(r.changes.empty());
    const PushResponse first = world.service->push(a.device, r);
    CHECK_FALSE(first.replay);
    CHECK(world.service->push(a.device, r).replay); // a retry: the same answer, nothing applied
    const int puts = world.serverStore->puts;

    PushRequest other = r;
    other.changes.pop_back(); // other content under the same number
    try {
        world.service->push(a.device, other);
        FAIL("a reused batch number was acknowledged");
    } catch (const BatchGap &gap) {
        CHECK(gap.reused);
        CHECK(gap.expected == next + 1);
    }
    PushRequest older = r;
    older.batch = next - 1;
    CHECK_THROWS_AS(world.service->push(a.device, older), BatchGap);
    CHECK(world.serverStore->puts == puts); // nothing applied by any of them
    (void)person;
}

TEST_CASE("a device restored from an older copy of itself sends its new edits again and nothing is lost", "[sync][replay][faults]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &tablet = world.add();
    Replica &phone = world.add();
    records::addPerson(*tablet.store, PersonInput{QStringLiteral("Nguyễn Văn An")});
    world.syncAll();
    records::addPerson(*tablet.store, PersonInput{QStringLiteral("Trần Thị Bình")});
    world.syncAll();
    // The tablet's batch count goes back, as if its file were an older copy; then someone adds a learner.
    tablet.store->setMeta(MetaKey::LastAckedBatch, qint64(1));
    const QString cuong = records::addPerson(*tablet.store, PersonInput{QStringLiteral("Lê Văn Cường")});
    const SyncSummary s = world.sync(tablet);
    CHECK(s.pushedChanges > 0);
    CHECK(tablet.store->pendingChanges() == 0);
    world.sync(phone);
    CHECK(phone.store->exists(QStringLiteral("people"), cuong));
    CHECK(difference(canonical(*tablet.store), canonical(*phone.store)) == "");
    CHECK(world.serverStore->appliedTwice == 0);
}

TEST_CASE("conflict records cannot be forged: only the server makes them, and restoring one is checked against the device's role", "[sync][conflict][scope]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &coordinator = world.add();
    Replica &facilitator = world.add(Role::Facilitator);
    const QString activity = records::addActivity(*coordinator.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn")});
    world.syncAll();

    // A facilitator's device writes a conflict record naming the plan's activity title.
    Store &f = *facilitator.store;
    f.setMeta(MetaKey::Role, QStringLiteral("facilitator")); // as enrolment stores it
    const QString forged = Store::newId();
    f.write(QStringLiteral("conflicts"), forged, {{QStringLiteral("tbl"), QStringLiteral("activities")}, {QStringLiteral("row_id"), activity},
                                                  {QStringLiteral("field"), QStringLiteral("title")}, {QStringLiteral("value"), QStringLiteral("Bị sửa")},
                                                  {QStringLiteral("lost_hlc"), qint64(1)}, {QStringLiteral("lost_replica"), f.replicaId()},
                                                  {QStringLiteral("resolved"), qint64(0)}});
    const SyncSummary s = world.sync(facilitator);
    CHECK(s.rejected > 0); // refused by the server, kept on the device with the reason
    world.sync(coordinator);
    CHECK_FALSE(coordinator.store->exists(QStringLiteral("conflicts"), forged));

    // Restoring it on the facilitator's own device is refused by its role, and nothing is written.
    const qint64 pending = f.pendingChanges();
    CHECK_THROWS_AS(restoreConflict(f, forged, [&f](int t) { return mayWriteHere(f, t); }), Error);
    CHECK(f.value(QStringLiteral("activities"), activity, QStringLiteral("title")).toText() == QStringLiteral("Tập huấn"));
    CHECK(f.pendingChanges() == pending);
}
