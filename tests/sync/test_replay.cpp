// Replays are checked: a batch number used again with other changes is never acknowledged as a
// replay (that silently lost a restored device's new edits); the device sends them again.
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
    for (const Store::OutboxChange &o : a.store->outboxUpTo(a.store->outboxBatchEnd(1000)))
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
