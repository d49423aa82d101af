#include "error.h"
#include "hybridclock.h"
#include "store.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("clock stamps strictly increase while the wall clock stands still", "[clock]")
{
    qint64 wall = 1000;
    HybridClock c([&wall] { return wall; });
    const qint64 a = c.now();
    const qint64 b = c.now();
    CHECK(b > a);
    CHECK(HybridClock::millis(b) == 1000);
    CHECK(HybridClock::counter(b) == 1);
}

TEST_CASE("clock stamps keep increasing when the wall clock steps back", "[clock]")
{
    qint64 wall = 2'000'000;
    HybridClock c([&wall] { return wall; });
    const qint64 before = c.now();
    wall -= 3'600'000; // an hour back, as when a tablet's battery dies and the date resets
    const qint64 after = c.now();
    CHECK(after > before);
    wall += 7'200'000;
    CHECK(HybridClock::millis(c.now()) == wall);
}

TEST_CASE("a full counter carries into the milliseconds", "[clock]")
{
    HybridClock c([] { return qint64(5); });
    c.restore(HybridClock::pack(5, 0xFFFF));
    const qint64 next = c.now();
    CHECK(HybridClock::millis(next) == 6);
    CHECK(HybridClock::counter(next) == 0);
}

TEST_CASE("observing a remote stamp moves the clock past it", "[clock]")
{
    HybridClock c([] { return qint64(100); });
    const qint64 remote = HybridClock::pack(500, 7);
    CHECK(c.observe(remote) > remote);
    CHECK(c.now() > remote);
}

TEST_CASE("the clock never goes back across a restart, even with the wall clock behind", "[clock][store]")
{
    TempDir dir;
    ManualClock clock;
    qint64 last = 0;
    {
        auto s = makeStore(dir, QStringLiteral("a.db"), clock);
        for (int i = 0; i < 5; ++i)
            s->write(QStringLiteral("people"), Store::newId(), {{QStringLiteral("full_name"), QStringLiteral("Người %1").arg(i)}});
        last = s->clock().last();
    }
    *clock.ms -= 86'400'000; // restart a day in the past
    auto s = makeStore(dir, QStringLiteral("a.db"), clock);
    CHECK(s->clock().last() >= last);
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Sau khởi động")}});
    const qint64 stamp = s->db().scalar(QStringLiteral("SELECT max(hlc) FROM outbox WHERE row_id = '%1'").arg(id)).toInt();
    CHECK(stamp > last);
}

TEST_CASE("a write stamps after what another connection to the same file has seen", "[clock][store]")
{
    // The app's sync thread and its GUI thread hold two connections to one file: a remote stamp the
    // sync side observed must order the GUI's next edit after it, or that edit would lose the merge.
    TempDir dir;
    ManualClock clock;
    auto gui = makeStore(dir, QStringLiteral("a.db"), clock);
    auto syncSide = std::make_unique<Store>(dir.path(QStringLiteral("a.db")), StoreOptions{QStringLiteral("device-a"), clock.fn()});
    REQUIRE(syncSide->replicaId() == gui->replicaId());
    const qint64 remote = HybridClock::pack(*clock.ms + 600'000, 3); // a device ten minutes ahead
    {
        Transaction tx(syncSide->db());
        syncSide->observe(remote);
        tx.commit();
    }
    const QString id = Store::newId();
    gui->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Sửa sau khi đồng bộ")}});
    const qint64 stamp = gui->db().scalar(QStringLiteral("SELECT max(hlc) FROM outbox WHERE row_id = '%1'").arg(id)).toInt();
    CHECK(stamp > remote);
    CHECK(gui->clock().last() == stamp);
}

TEST_CASE("a reader connection cannot write", "[store]")
{
    TempDir dir;
    auto s = makeStore(dir);
    Store reader(dir.path(QStringLiteral("a.db")), StoreOptions{QStringLiteral("device-a"), {}, true});
    CHECK(reader.centreId() == s->centreId());
    CHECK_THROWS_AS(reader.write(QStringLiteral("people"), Store::newId(), {{QStringLiteral("full_name"), QStringLiteral("Không được ghi")}}), Error);
    CHECK(s->db().scalar(QStringLiteral("SELECT count(*) FROM people")).toInt() == 0);
}

TEST_CASE("observing a remote stamp never saves a clock older than another connection's", "[clock][store]")
{
    TempDir dir;
    ManualClock clock;
    auto gui = makeStore(dir, QStringLiteral("a.db"), clock);
    auto syncSide = std::make_unique<Store>(dir.path(QStringLiteral("a.db")), StoreOptions{QStringLiteral("device-a"), clock.fn()});
    *clock.ms += 60'000;
    gui->write(QStringLiteral("people"), Store::newId(), {{QStringLiteral("full_name"), QStringLiteral("Mới ghi")}});
    const qint64 issued = gui->clock().last();
    {
        Transaction tx(syncSide->db());
        syncSide->observe(HybridClock::pack(1'400'000'000'000LL, 0)); // an old remote stamp
        tx.commit();
    }
    CHECK(gui->db().scalar(QStringLiteral("SELECT value FROM meta WHERE key='hlc'")).toInt() > issued);
}
