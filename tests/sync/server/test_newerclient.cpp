// A newer app version talking to this server: what it sends that this schema does not know is kept
// aside, never looked up, never crashes the server; codes no schema would use are refused.
#include "migrations.h"
#include "protocol.h"
#include "records.h"
#include "schema.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

TEST_CASE("a newer device's unknown tables and fields are kept aside by the server, which keeps serving", "[server][compat]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &newer = world.add();
    Replica &other = world.add();
    const QString activity = records::addActivity(*newer.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn")});
    world.syncAll();
    const TableDef *activities = table(QStringLiteral("activities"));
    const Version v{newer.store->clock().last() + 1000, newer.store->replicaId()};
    PushRequest r;
    r.schema = latestSchemaVersion() + 1; // a newer app
    r.replica = newer.store->replicaId();
    r.batch = world.serverStore->lastBatch(newer.device.id)->number + 1;
    r.changes = {
        Change{activities->code, activity, activities->fieldCode(QStringLiteral("title")), QStringLiteral("Tập huấn mới"), v, std::nullopt, false},
        Change{activities->code, activity, int(activities->fields.size()) + 3, QStringLiteral("a field from the future"), v, std::nullopt, false},
        Change{int(tables().size()) + 7, QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), 0, QStringLiteral("a table from the future"), v, std::nullopt, false},
    };
    // Through the wire format, as the HTTP layer decodes it.
    const PushRequest decoded = decodePushRequest(encode(r));
    PushResponse answer;
    REQUIRE_NOTHROW(answer = world.service->push(newer.device, decoded));
    CHECK_FALSE(answer.replay);
    CHECK(answer.rejected.empty());
    CHECK(world.serverStore->quarantined() == 2);
    // The known change is applied and reaches the other device; the unknown ones do not.
    world.sync(other);
    CHECK(other.store->value(QStringLiteral("activities"), activity, QStringLiteral("title")).toText() == QStringLiteral("Tập huấn mới"));
    CHECK(world.serverStore->appliedTwice == 0);
    // A replay of the same batch changes nothing.
    REQUIRE_NOTHROW(world.service->push(newer.device, decoded));
    CHECK(world.serverStore->quarantined() == 2);
}

TEST_CASE("table and field codes no schema would use are refused with the change named, even from a newer device", "[server][compat][errors]")
{
    const Version v{1, QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301")};
    for (const auto &[tableCode, fieldCode, path] : {std::tuple<qint64, qint64, const char *>{(qint64(1) << 32) + 11, 0, "c[0][0]"},
                                                     {11, (qint64(1) << 32) + 1, "c[0][4][0]"},
                                                     {10000, 0, "c[0][0]"}}) {
        const QByteArray body = QStringLiteral(R"({"p":%4,"s":%1,"r":["3f2504e0-4f89-41d3-9a0c-0305e82c3301"],"b":1,)"
                                               R"("c":[[%2,"3f2504e0-4f89-41d3-9a0c-0305e82c3302",1,0,[%3,"x"]]]})")
                                    .arg(latestSchemaVersion() + 1).arg(tableCode).arg(fieldCode).arg(ProtocolVersion).toUtf8();
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
    Replica &newer = world.add();
    world.syncAll();
    PushRequest r;
    r.schema = latestSchemaVersion() + 1;
    r.replica = newer.store->replicaId();
    r.batch = world.serverStore->lastBatch(newer.device.id)->number + 1;
    const int unknownTable = int(tables().size()) + 7;
    const qint64 over = SyncService::MaxQuarantinedPerDevice + 50;
    for (qint64 i = 0; i < over; ++i)
        r.changes.push_back(Change{unknownTable, Store::newId(), 0, QStringLiteral("x"), Version{i + 1, r.replica}, std::nullopt, true});
    world.service->push(newer.device, r);
    CHECK(world.serverStore->quarantined() == SyncService::MaxQuarantinedPerDevice);
}
