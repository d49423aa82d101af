// The SQLite server store's key filter (keyfilter.h, docs/sync.md#key-filter): a pushed row the
// filter has never seen is taken as new without a lookup. The filter must never make the server
// lose, replace or refuse a stored row: it is built again when another connection wrote to the
// file, and a row it wrongly calls new is caught before anything is kept (the device sends again).
#include "keyfilter.h"
#include "records.h"
#include "schema.h"
#include "syncservice.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

QString phoneOf(Store &s, const QString &person) { return s.value(QStringLiteral("people"), person, QStringLiteral("phone")).toText(); }
QString nameOf(Store &s, const QString &person) { return s.value(QStringLiteral("people"), person, QStringLiteral("full_name")).toText(); }

/// The same person with another phone number: only the phone is written (the rest is unchanged).
void setPhone(Store &s, const QString &person, const QString &phone)
{
    PersonInput in;
    in.fullName = nameOf(s, person);
    in.phone = phone;
    records::updatePerson(s, person, in);
}

/// Every record the server holds, as stored (seq and bytes).
QString serverRecords(World &world)
{
    return Database(world.dir.path(QStringLiteral("server.db")))
        .scalar(QStringLiteral("SELECT group_concat(seq || ':' || hex(writes), ',') FROM (SELECT seq, writes FROM records ORDER BY seq)"))
        .toText();
}

/// A SQLite server and two tablets of one centre.
struct TwoTablets
{
    TempDir dir;
    World world{dir, Backend::Sqlite};
    Replica &a = world.add();
    Replica &b = world.add();
};

} // namespace

TEST_CASE("the key filter says no only for keys never added, and seldom says maybe for others", "[server][keyfilter]")
{
    KeyFilter filter;
    filter.reset(20000);
    const QString centre = QStringLiteral("c'entre"), other = QStringLiteral("c'entre 2");
    for (int i = 0; i < 20000; ++i)
        filter.add(RecordKey{centre, i % 7, QStringLiteral("row-%1").arg(i)});
    for (int i = 0; i < 20000; ++i)
        REQUIRE(filter.mayContain(RecordKey{centre, i % 7, QStringLiteral("row-%1").arg(i)}));
    int maybe = 0;
    for (int i = 0; i < 20000; ++i) {
        maybe += filter.mayContain(RecordKey{centre, i % 7, QStringLiteral("row-%1").arg(i + 20000)}); // another row
        maybe += filter.mayContain(RecordKey{other, i % 7, QStringLiteral("row-%1").arg(i)});          // another centre
        maybe += filter.mayContain(RecordKey{centre, i % 7 + 1, QStringLiteral("row-%1").arg(i)});     // another table
    }
    CHECK(maybe < 60000 / 100); // 10 bits a key, rounded up to 13: about 0.3 % when full
    CHECK_FALSE(filter.overfull());
    for (int i = 0; i < 10; ++i)
        filter.add(RecordKey{other, 0, QString::number(i)});
    CHECK(filter.overfull());
    filter.reset(10);
    CHECK_FALSE(filter.mayContain(RecordKey{centre, 0, QStringLiteral("row-0")}));
    CHECK(KeyFilter().mayContain(RecordKey{centre, 0, QStringLiteral("row-0")})); // never built: knows nothing
}

TEST_CASE("a row another connection stored is merged, not replaced, by a SQLite server whose filter had not seen it", "[server][keyfilter]")
{
    TwoTablets f;
    auto &[dir, world, a, b] = f;
    const QString an = records::addPerson(*a.store, PersonInput{QStringLiteral("Nguyễn Văn An")});
    world.syncAll(); // the server's filter is built and used

    // Another connection to the same file (an operator's tool, a second process) stores b's new person.
    auto otherStore = openSqliteServerStore(dir.path(QStringLiteral("server.db")));
    SyncService otherService(*otherStore, world.clock.fn());
    const QString binh = records::addPerson(*b.store, PersonInput{QStringLiteral("Trần Thị Bình")});
    {
        LoopbackTransport t(otherService, b.device);
        SyncSession(*b.store, t).run();
    }
    // a learns of her (pulls read the stream, not the filter), then changes her phone and An's.
    world.sync(a);
    REQUIRE(nameOf(*a.store, binh) == QStringLiteral("Trần Thị Bình"));
    setPhone(*a.store, binh, QStringLiteral("0912 345 678"));
    setPhone(*a.store, an, QStringLiteral("0987 654 321"));
    const SyncSummary pushed = world.sync(a);
    CHECK(pushed.rejected == 0);

    // The server kept both writers' fields of her row: a new device gets the name and the phone.
    Replica &c = world.add();
    CHECK(nameOf(*c.store, binh) == QStringLiteral("Trần Thị Bình"));
    CHECK(phoneOf(*c.store, binh) == QStringLiteral("0912 345 678"));
    CHECK(phoneOf(*c.store, an) == QStringLiteral("0987 654 321"));
    CHECK(world.serverStore->appliedTwice == 0);
}

TEST_CASE("a key filter that misses a stored row keeps nothing of the batch, and the batch sent again is merged", "[server][keyfilter]")
{
    TwoTablets f;
    auto &[dir, world, a, b] = f;
    const QString binh = records::addPerson(*b.store, PersonInput{QStringLiteral("Trần Thị Bình")});
    world.syncAll();
    world.sync(a);
    const QString before = serverRecords(world);

    SECTION("a change to a stored row, sent with its centre unknown to the filter")
    {
        setPhone(*a.store, binh, QStringLiteral("0912 345 678"));
        clearKeyFilterForTesting(world.serverStore->inner());
        CHECK_THROWS_AS(world.sync(a), Error); // the server's 503: nothing stored, nothing acknowledged
        CHECK(serverRecords(world) == before);
        CHECK(a.store->pendingChanges() > 0);
        world.sync(a); // sent again: the filter was built anew
        CHECK(a.store->pendingChanges() == 0);
        Replica &c = world.add();
        CHECK(nameOf(*c.store, binh) == QStringLiteral("Trần Thị Bình"));
        CHECK(phoneOf(*c.store, binh) == QStringLiteral("0912 345 678"));
    }
    SECTION("a row both tablets created (the same mark, taken on each): its insert finds it stored")
    {
        const QString activity = records::addActivity(*b.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn chăm sóc lúa")});
        const QString session = records::addSession(*b.store, activity, QStringLiteral("2017-11-10T08:00"), QStringLiteral("Nhà văn hoá khu 3"));
        world.sync(b);
        world.sync(a);
        // b marks her present; a, later, absent: a's mark is the later one and must win.
        const QString mark = records::markAttendance(*b.store, session, binh, QStringLiteral("present"));
        *world.clock.ms += 60000;
        REQUIRE(records::markAttendance(*a.store, session, binh, QStringLiteral("absent")) == mark);
        world.sync(b);
        const QString withMark = serverRecords(world);
        clearKeyFilterForTesting(world.serverStore->inner());
        CHECK_THROWS_AS(world.sync(a), Error);
        CHECK(serverRecords(world) == withMark);
        world.sync(a);
        world.sync(b);
        CHECK(a.store->value(QStringLiteral("attendance"), mark, QStringLiteral("status")).toText() == QStringLiteral("absent"));
        CHECK(b.store->value(QStringLiteral("attendance"), mark, QStringLiteral("status")).toText() == QStringLiteral("absent"));
    }
    CHECK(a.store->pendingChanges() == 0);
    // (appliedTwice is not asked: the refused batch's puts, rolled back, were counted once already.)
}

TEST_CASE("a conflict marked resolved is not passed over when the key filter misses its record", "[server][keyfilter]")
{
    TwoTablets f;
    auto &[dir, world, tablet, phone] = f;
    const QString person = records::addPerson(*tablet.store, PersonInput{QStringLiteral("Lò Văn Pành")});
    world.syncAll();
    tablet.store->write(QStringLiteral("people"), person, {{QStringLiteral("khu"), QStringLiteral("Khu 1")}});
    *world.clock.ms += 10;
    phone.store->write(QStringLiteral("people"), person, {{QStringLiteral("khu"), QStringLiteral("Khu 2")}});
    world.syncAll();
    const QString conflict = tablet.store->db().scalar(QStringLiteral("SELECT id FROM conflicts")).toText();
    REQUIRE_FALSE(conflict.isEmpty());

    tablet.store->write(QStringLiteral("conflicts"), conflict, {{QStringLiteral("resolved"), Value(1)}});
    clearKeyFilterForTesting(world.serverStore->inner());
    CHECK_THROWS_AS(world.sync(tablet), Error); // refused, not acknowledged and dropped
    world.sync(tablet);
    world.sync(phone);
    CHECK(tablet.store->pendingChanges() == 0);
    CHECK(phone.store->value(QStringLiteral("conflicts"), conflict, QStringLiteral("resolved")) == Value(1));
}

TEST_CASE("a number a refused batch gave its writer is forgotten with the batch", "[server][keyfilter]")
{
    // The store names a row's sole writer by a number (docs/sync.md#server-store). A batch refused
    // after its writer got one takes the number back: kept in the store's memory, it would later be
    // handed to another device too, and that device's pulls would pass over the first one's rows.
    TwoTablets f;
    auto &[dir, world, a, b] = f;
    const QString binh = records::addPerson(*b.store, PersonInput{QStringLiteral("Trần Thị Bình")});
    const QString activity = records::addActivity(*b.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn chăm sóc lúa")});
    const QString session = records::addSession(*b.store, activity, QStringLiteral("2017-11-10T08:00"), QStringLiteral("Nhà văn hoá khu 3"));
    world.syncAll();
    Replica &d = world.add(); // has written nothing yet: it has no number
    const QString an = records::addPerson(*d.store, PersonInput{QStringLiteral("Nguyễn Văn An")}); // d the sole writer: numbered first
    // Both mark her (the same mark, taken on each); b's reaches the server first, and d's insert,
    // which the cleared filter calls new, finds it stored: the batch is refused after d was numbered.
    const QString mark = records::markAttendance(*b.store, session, binh, QStringLiteral("present"));
    *world.clock.ms += 60000;
    REQUIRE(records::markAttendance(*d.store, session, binh, QStringLiteral("absent")) == mark);
    world.sync(b);
    clearKeyFilterForTesting(world.serverStore->inner());
    CHECK_THROWS_AS(world.sync(d), Error);

    Replica &c = world.add();
    records::addPerson(*c.store, PersonInput{QStringLiteral("Lò Văn Pành")}); // c is numbered now
    world.sync(c);
    world.sync(d); // sent again, and stored
    world.sync(c);
    CHECK(nameOf(*c.store, an) == QStringLiteral("Nguyễn Văn An"));
    CHECK(c.store->value(QStringLiteral("attendance"), mark, QStringLiteral("status")).toText() == QStringLiteral("absent"));
}
