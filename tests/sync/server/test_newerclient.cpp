// A newer app version talking to this server: what it sends that this schema does not know is kept
// aside, never looked up, never crashes the server; codes no schema would use are refused.
#include "migrations.h"
#include "protocol.h"
#include "records.h"
#include "rowrecord.h"
#include "error.h"
#include "schema.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

/// A push from a newer app (schema one above this one) by replica r.
PushRequest newerPush(World &world, Replica &r, std::vector<Change> changes)
{
    PushRequest p;
    p.schema = syncSchemaVersion() + 1;
    p.replica = r.store->replicaId();
    const auto last = world.serverStore->lastBatch(r.device.id);
    p.batch = (last ? last->number : 0) + 1;
    p.changes = std::move(changes);
    return decodePushRequest(encode(p)); // through the wire format, as the HTTP layer decodes it
}

/// What a device of this role and centre pulls from the start, as the server answers it.
PullResponse pullAll(World &world, const Device &d)
{
    return world.service->pull(d, PullRequest{QString(), 10000});
}

bool holds(const PullResponse &page, const Change &c)
{
    return std::any_of(page.changes.begin(), page.changes.end(), [&](const Change &p) {
        return p.table == c.table && p.row == c.row && p.field == c.field && p.value == c.value && p.version == c.version;
    });
}

} // namespace

TEST_CASE("a newer device's unknown tables and fields are stored as sent and handed on, and the server keeps serving", "[server][compat]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &newer = world.add(Role::Coordinator);
    Replica &other = world.add(Role::Coordinator);
    Replica &phone = world.add(Role::Viewer);
    const QString activity = records::addActivity(*newer.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn")});
    world.syncAll();
    const TableDef *activities = table(QStringLiteral("activities"));
    const Version v{newer.store->clock().last() + 1000, newer.store->replicaId()};
    const Change title{activities->code, activity, activities->fieldCode(QStringLiteral("title")), QStringLiteral("Tập huấn mới"), v, std::nullopt, false};
    const Change newField{activities->code, activity, int(activities->fields.size()) + 3, QStringLiteral("một trường của năm sau"), v, std::nullopt, false};
    const Change newTable{int(tables().size()) + 7, QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), 0, QStringLiteral("một bảng của năm sau"), v,
                          std::nullopt, false};
    const PushRequest decoded = newerPush(world, newer, {title, newField, newTable});
    PushResponse answer;
    REQUIRE_NOTHROW(answer = world.service->push(newer.device, decoded));
    CHECK_FALSE(answer.replay);
    CHECK(answer.rejected.empty());
    CHECK(world.serverStore->quarantined() == 0); // stored to be handed on, not kept aside

    // A device as new as the sender gets all three exactly as sent; the page says which schema they take.
    const PullResponse page = pullAll(world, other.device);
    CHECK(page.schema == syncSchemaVersion() + 1);
    CHECK(holds(page, title));
    CHECK(holds(page, newField));
    CHECK(holds(page, newTable));
    // A viewer gets neither: this server cannot tell whether a new field is for residents' eyes.
    const PullResponse viewerPage = pullAll(world, phone.device);
    CHECK_FALSE(holds(viewerPage, newField));
    CHECK_FALSE(holds(viewerPage, newTable));
    CHECK(holds(viewerPage, title));
    // A device of this schema applies what it knows and keeps the rest aside, not stuck.
    const SyncSummary s = world.sync(other);
    CHECK(s.applied.deferred == 2);
    CHECK(other.store->value(QStringLiteral("activities"), activity, QStringLiteral("title")).toText() == QStringLiteral("Tập huấn mới"));
    CHECK(world.serverStore->appliedTwice == 0);
    // A replay of the same batch changes nothing.
    REQUIRE_NOTHROW(world.service->push(newer.device, decoded));
    CHECK(world.serverStore->appliedTwice == 0);
    // The last writer of the new field wins, as for any field; the older write is not handed on.
    const Version later{v.hlc + 5000, other.store->replicaId()};
    Change newer2 = newField;
    newer2.value = QStringLiteral("giá trị mới hơn");
    newer2.version = later;
    Change stale = newField;
    stale.value = QStringLiteral("giá trị cũ");
    stale.version = Version{v.hlc - 5000, other.store->replicaId()};
    REQUIRE_NOTHROW(world.service->push(other.device, newerPush(world, other, {newer2})));
    REQUIRE_NOTHROW(world.service->push(other.device, newerPush(world, other, {stale})));
    const PullResponse after = pullAll(world, newer.device);
    CHECK(holds(after, newer2));
    CHECK_FALSE(holds(after, stale));
    CHECK_FALSE(holds(after, newField));
}

TEST_CASE("a newer device's unknown changes are handed on only where this server can still check who writes them", "[server][compat][auth]")
{
    TempDir dir;
    World world(dir);
    Replica &coordinator = world.add(Role::Coordinator);
    Replica &tablet = world.add(Role::Facilitator);
    const QString activity = records::addActivity(*coordinator.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn")});
    const QString person = records::addPerson(*tablet.store, PersonInput{QStringLiteral("Lò Văn Pả")});
    world.syncAll();
    world.syncAll();
    const TableDef *activities = table(QStringLiteral("activities"));
    const TableDef *people = table(QStringLiteral("people"));
    const Version v{tablet.store->clock().last() + 1000, tablet.store->replicaId()};
    const Change onPerson{people->code, person, int(people->fields.size()) + 1, QStringLiteral("dân tộc Thái"), v, std::nullopt, false};
    const Change onActivity{activities->code, activity, int(activities->fields.size()) + 1, QStringLiteral("x"), v, std::nullopt, false};
    const Change newTable{int(tables().size()) + 3, QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3309"), 0, QStringLiteral("y"), v, std::nullopt, false};
    const Change onConflicts{table(QStringLiteral("conflicts"))->code, QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c330a"),
                             int(table(QStringLiteral("conflicts"))->fields.size()) + 1, QStringLiteral("z"), v, std::nullopt, false};
    REQUIRE_NOTHROW(world.service->push(tablet.device, newerPush(world, tablet, {onPerson, onActivity, newTable, onConflicts})));
    // A facilitator keeps the register: its new field of people is handed on. The plan's tables, a
    // table this server does not know and conflict records are not its to write: kept aside here.
    const PullResponse page = pullAll(world, coordinator.device);
    CHECK(holds(page, onPerson));
    CHECK_FALSE(holds(page, onActivity));
    CHECK_FALSE(holds(page, newTable));
    CHECK_FALSE(holds(page, onConflicts));
    CHECK(world.serverStore->quarantined() == 3);

    // Another centre cannot reach this centre's rows through fields or tables this server does not know.
    const QString otherReplica = Store::newId();
    const Device stranger{QStringLiteral("stranger"), Store::newId(), Role::Admin};
    const Version sv{v.hlc + 10, otherReplica};
    Change intoPerson = onPerson;
    intoPerson.version = sv;
    intoPerson.value = QStringLiteral("đổi từ phường khác");
    const Change coordinatorsTable{int(tables().size()) + 4, QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c330b"), 0, QStringLiteral("của phường này"),
                                   Version{v.hlc + 20, coordinator.store->replicaId()}, std::nullopt, false};
    REQUIRE_NOTHROW(world.service->push(coordinator.device, newerPush(world, coordinator, {coordinatorsTable})));
    Change intoTable = coordinatorsTable;
    intoTable.version = Version{sv.hlc + 30, otherReplica};
    intoTable.value = QStringLiteral("chiếm chỗ");
    PushRequest p;
    p.schema = syncSchemaVersion() + 1;
    p.replica = otherReplica;
    p.batch = 1;
    p.changes = {intoPerson, intoTable};
    // Rows are keyed by centre: the person is not a row of the stranger's centre (its new field is
    // refused), and the new table's row of the same id is the stranger centre's own, not ours.
    const PushResponse refused = world.service->push(stranger, decodePushRequest(encode(p)));
    REQUIRE(refused.rejected.size() == 1);
    CHECK(refused.rejected[0].index == 0);
    CHECK(refused.rejected[0].code == QStringLiteral("unknown_row"));
    const PullResponse ours = pullAll(world, tablet.device);
    CHECK(holds(ours, coordinatorsTable));
    CHECK_FALSE(holds(ours, intoTable));
    CHECK(world.service->pull(stranger, PullRequest{QString(), 10000}).changes.empty());
}

TEST_CASE("table and field codes no schema would use are refused with the change named, even from a newer device", "[server][compat][errors]")
{
    const Version v{1, QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301")};
    for (const auto &[tableCode, fieldCode, path] : {std::tuple<qint64, qint64, const char *>{(qint64(1) << 32) + 11, 0, "c[0][0]"},
                                                     {11, (qint64(1) << 32) + 1, "c[0][4][0]"},
                                                     {10000, 0, "c[0][0]"}}) {
        const QByteArray body = QStringLiteral(R"({"p":%4,"s":%1,"r":["3f2504e0-4f89-41d3-9a0c-0305e82c3301"],"b":1,)"
                                               R"("c":[[%2,"3f2504e0-4f89-41d3-9a0c-0305e82c3302",1,0,[%3,"x"]]]})")
                                    .arg(syncSchemaVersion() + 1).arg(tableCode).arg(fieldCode).arg(ProtocolVersion).toUtf8();
        try {
            decodePushRequest(body);
            FAIL("accepted " << body.constData());
        } catch (const Error &e) {
            CHECK(e.field() == QString::fromLatin1(path));
            CHECK(e.message().contains(QStringLiteral("out of range")));
        }
    }
    (void)v;
}

TEST_CASE("a pull page is cut by size as well as count, so long texts still make pages a device can read", "[server][limits]")
{
    TempDir dir;
    World world(dir);
    Replica &a = world.add();
    Replica &b = world.add();
    // 200 plans with five texts of 20,000 Vietnamese characters: about 60 MB as UTF-8 JSON, far past
    // what one message may carry.
    const QString text(20000, QChar(0x1EBF)); // ế
    for (int i = 0; i < 200; ++i) {
        std::vector<FieldWrite> fields{{QStringLiteral("school_year"), QStringLiteral("%1-%2").arg(1900 + i).arg(1901 + i)}};
        for (const char *f : {"bases", "purpose", "advantages", "difficulties", "solutions"})
            fields.push_back({QString::fromLatin1(f), text});
        a.store->write(QStringLiteral("plans"), Store::newId(), fields);
    }
    world.sync(a);
    const SyncSummary s = world.sync(b);
    CHECK(s.pulledPages > 5);
    CHECK(difference(canonical(*a.store), canonical(*b.store)) == "");
}

TEST_CASE("what one device has kept aside on the server is bounded, its oldest dropped first", "[server][compat][limits]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &newer = world.add(Role::Facilitator); // a table this server does not know is kept aside from a facilitator
    world.syncAll();
    PushRequest r;
    r.schema = syncSchemaVersion() + 1;
    r.replica = newer.store->replicaId();
    r.batch = world.serverStore->lastBatch(newer.device.id)->number + 1;
    const int unknownTable = int(tables().size()) + 7;
    const qint64 over = SyncService::MaxQuarantinedPerDevice + 50;
    for (qint64 i = 0; i < over; ++i)
        r.changes.push_back(Change{unknownTable, Store::newId(), 0, QStringLiteral("x"), Version{i + 1, r.replica}, std::nullopt, true});
    world.service->push(newer.device, r);
    CHECK(world.serverStore->quarantined() == SyncService::MaxQuarantinedPerDevice);
}

TEST_CASE("a row a newer app keeps growing stays small enough for one page, the rest kept aside", "[server][compat][limits]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &newer = world.add(Role::Coordinator);
    Replica &reader = world.add(Role::Coordinator);
    const QString activity = records::addActivity(*newer.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn")});
    world.syncAll();
    const TableDef *activities = table(QStringLiteral("activities"));
    const Version v{newer.store->clock().last() + 1000, newer.store->replicaId()};
    std::vector<Change> big;
    for (int i = 1; i <= 12; ++i) // 12 new fields of 100,000 characters: past what a row may hold
        big.push_back(Change{activities->code, activity, int(activities->fields.size()) + i, QString(100000, QLatin1Char('a' + i)), v, std::nullopt, false, {}});
    const PushResponse answer = world.service->push(newer.device, newerPush(world, newer, big));
    REQUIRE(answer.rejected.size() == 2);
    CHECK(answer.rejected[0].index == 10);
    CHECK(answer.rejected[0].code == QStringLiteral("row_too_large"));
    CHECK(world.serverStore->quarantined() == 2);
    // The row still travels whole, in a page a device can read, with everything else.
    const PullResponse page = pullAll(world, reader.device);
    qint64 bytes = 0;
    int fields = 0;
    for (const Change &c : page.changes) {
        bytes += messageBytes(c);
        fields += c.row == activity && c.field > int(activities->fields.size());
    }
    CHECK(fields == 10);
    CHECK(bytes <= MaxPullPageBytes);
    CHECK(encode(page).size() < MaxMessageBytes);
}

TEST_CASE("a newer app's field of another centre's row in centres refuses the whole batch", "[server][compat][scope]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &newer = world.add(Role::Coordinator);
    world.syncAll();
    const TableDef *centres = table(QStringLiteral("centres"));
    const Version v{newer.store->clock().last() + 1000, newer.store->replicaId()};
    const Change elsewhere{centres->code, Store::newId(), int(centres->fields.size()) + 1, QStringLiteral("x"), v, std::nullopt, false, {}};
    const int before = world.serverStore->puts;
    CHECK_THROWS_AS(world.service->push(newer.device, newerPush(world, newer, {elsewhere})), Error);
    CHECK(world.serverStore->puts == before);
}
