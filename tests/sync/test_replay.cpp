// Replays are checked: a batch number used again with other changes is never acknowledged as a
// replay (that silently lost a restored device's new edits); the device sends them again.
#include "conflicts.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "synctestsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
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

namespace {
/// The conflict records the server holds, as a coordinator's device pulls them: id -> resolved.
std::map<QString, bool> serverConflicts(World &world, const Device &reader)
{
    const TableDef *c = clc::table(QStringLiteral("conflicts"));
    std::map<QString, bool> out;
    for (const Change &ch : world.service->pull(reader, PullRequest{QString(), 10000}).changes)
        if (ch.table == c->code) {
            out.emplace(ch.row, false);
            if (ch.field == c->fieldCode(QStringLiteral("resolved")))
                out[ch.row] = ch.value.toInt() == 1;
        }
    return out;
}
} // namespace

TEST_CASE("the conflict records one device's pushes leave on the server are bounded: the oldest resolved make room, lost values are never dropped", "[sync][conflict][limits]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    world.service->maxConflictsPerDevice = 4;
    Replica &office = world.add();
    Replica &late = world.add(); // its edits always lose: each of its pushes makes records
    std::vector<QString> activities;
    for (int i = 0; i < 8; ++i)
        activities.push_back(records::addActivity(*office.store, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Hoạt động %1").arg(i)}));
    world.syncAll();
    // Each round: `late` edits the titles first, the office later; the office syncs first.
    auto round = [&](int from, int to) {
        for (int i = from; i < to; ++i)
            records::setActivityField(*late.store, activities[size_t(i)], QStringLiteral("title"), QStringLiteral("Bản của máy trễ %1").arg(i));
        *world.clock.ms += 1000;
        for (int i = from; i < to; ++i)
            records::setActivityField(*office.store, activities[size_t(i)], QStringLiteral("title"), QStringLiteral("Bản của văn phòng %1").arg(i));
        world.sync(office);
        world.sync(late);
        world.sync(office);
    };
    round(0, 3);
    auto held = serverConflicts(world, office.device);
    REQUIRE(held.size() == 3);
    // The office resolves two of them.
    std::vector<QString> resolved;
    for (const ConflictRow &c : listConflicts(*office.store))
        if (resolved.size() < 2) {
            office.store->write(QStringLiteral("conflicts"), c.id, {{QStringLiteral("resolved"), qint64(1)}});
            resolved.push_back(c.id);
        }
    REQUIRE(resolved.size() == 2);
    world.sync(office);
    round(3, 6); // six records: the two resolved go
    held = serverConflicts(world, office.device);
    CHECK(held.size() == 4);
    for (const QString &id : resolved)
        CHECK(held.count(id) == 0);
    for (const auto &[id, isResolved] : held)
        CHECK_FALSE(isResolved);
    const auto keptBefore = held;
    const qint64 asideBefore = world.serverStore->quarantined();
    round(6, 8); // at the bound with none resolved: no record is dropped, the lost values are kept aside
    held = serverConflicts(world, office.device);
    CHECK(held == keptBefore);
    CHECK(world.serverStore->quarantined() == asideBefore + 2);
    // A device marking a dropped record resolved is not refused: there is nothing left to mark.
    const QString dropped = resolved.front();
    late.store->write(QStringLiteral("conflicts"), dropped, {{QStringLiteral("resolved"), qint64(1)}});
    const SyncSummary s = world.sync(late);
    CHECK(s.rejected == 0);
    CHECK(serverConflicts(world, office.device).count(dropped) == 0);
    // The data itself is untouched: the office's titles won everywhere.
    world.syncAll();
    for (int i = 0; i < 8; ++i)
        CHECK(late.store->value(QStringLiteral("activities"), activities[size_t(i)], QStringLiteral("title")).toText()
              == QStringLiteral("Bản của văn phòng %1").arg(i));
    CHECK(world.serverStore->appliedTwice == 0);
}

TEST_CASE("a new row's packed batch whose acknowledgement was lost is sent again as the same bytes, an edit made meanwhile behind it", "[sync][replay][outbox]")
{
    TempDir dir;
    World world(dir);
    Replica &a = world.add();
    world.syncAll();
    const qint64 before = world.serverStore->lastBatch(a.device.id)->number;
    const QString person = records::addPerson(*a.store, PersonInput{QStringLiteral("Mất Xác Nhận"), QStringLiteral("f"), 1970, QStringLiteral("Khu 3")});
    REQUIRE(a.store->db().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE field = -1")).toInt() >= 1); // waiting packed
    std::mt19937 rng(7);
    CHECK_THROWS_AS(world.sync(a, &rng, Faults{0, 100, 0}), TransportError); // the server stored it, the answer was lost
    CHECK(world.serverStore->lastBatch(a.device.id)->number == before + 1);
    // Edited while its batch waits frozen: the edit queues behind, the frozen batch stays as sent.
    a.store->write(QStringLiteral("people"), person, {{QStringLiteral("khu"), QStringLiteral("Khu 4")}});
    world.sync(a);
    // The retry was answered as a replay (the same bytes), then the edit went as the next batch; a
    // retry sent differently would have been refused as reused and sent under yet another number.
    CHECK(world.serverStore->lastBatch(a.device.id)->number == before + 2);
    CHECK(a.store->pendingChanges() == 0);
    Replica &b = world.add();
    CHECK(b.store->value(QStringLiteral("people"), person, QStringLiteral("khu")).toText() == QStringLiteral("Khu 4"));
    CHECK(b.store->value(QStringLiteral("people"), person, QStringLiteral("full_name")).toText() == QStringLiteral("Mất Xác Nhận"));
}

namespace {

/// A transport whose pushes go through a function (given the inner transport and the request): a
/// test delays, loses, records or rewrites them there.
class PushThrough : public Transport
{
public:
    using Push = std::function<QByteArray(Transport &inner, const QByteArray &request)>;
    PushThrough(Transport &inner, Push push) : m_inner(inner), m_push(std::move(push)) {}
    QByteArray push(const QByteArray &request) override { return m_push(m_inner, request); }
    QByteArray pull(const QString &cursor, int limit, int protocol) override { return m_inner.pull(cursor, limit, protocol); }

private:
    Transport &m_inner;
    Push m_push;
};

/// Thirty people, each with an edit waiting as a change of its own behind its packed new row.
QStringList thirtyPeople(Store &s)
{
    QStringList people;
    for (int i = 0; i < 30; ++i) {
        people << records::addPerson(s, PersonInput{QStringLiteral("Người Số %1").arg(i), QStringLiteral("f"), 1980, QStringLiteral("Khu 1")});
        s.write(QStringLiteral("people"), people.back(), {{QStringLiteral("khu"), QStringLiteral("Khu %1").arg(i % 7)}});
    }
    return people;
}

/// After a device's push: nothing waits on it, nothing was stored twice, and a device enrolled now
/// holds what it holds. Returns that device.
Replica &checkAllArrived(World &world, Replica &a)
{
    CHECK(a.store->pendingChanges() == 0);
    CHECK(world.serverStore->appliedTwice == 0);
    Replica &b = world.add();
    CHECK(difference(canonical(*a.store), canonical(*b.store)).empty());
    return b;
}

} // namespace

TEST_CASE("a push that reads each batch ahead sends what one batch at a time sends, in as many batches, each change once", "[sync][outbox][pipelined]")
{
    std::vector<std::pair<int, int>> sent; // (batches, changes) with and without reading ahead
    for (const bool ahead : {true, false}) {
        INFO(ahead);
        TempDir dir;
        World world(dir);
        Replica &a = world.add();
        thirtyPeople(*a.store);
        LoopbackTransport t(*world.service, a.device);
        SyncSession session(*a.store, t, 25); // about ten batches
        session.readsAhead = ahead;
        SyncSummary summary;
        session.pushAll(summary);
        sent.emplace_back(summary.pushedBatches, summary.pushedChanges);
        CHECK(summary.pushedBatches >= 5);
        CHECK(summary.readAhead == (ahead ? summary.pushedBatches - 1 : 0)); // each batch after the first
        CHECK(summary.rejected == 0);
        checkAllArrived(world, a);
    }
    CHECK(sent[0] == sent[1]);
}

TEST_CASE("an edit another connection commits while a batch is with the server is sent, not lost to the batch read ahead", "[sync][outbox][pipelined]")
{
    TempDir dir;
    World world(dir);
    Replica &a = world.add();
    const QStringList people = thirtyPeople(*a.store);
    LoopbackTransport loop(*world.service, a.device);
    int pushes = 0;
    PushThrough t(loop, [&](Transport &inner, const QByteArray &request) {
        if (pushes++ > 0)
            return inner.push(request);
        // The app's writer thread: its own connection to the file. Made after the next batch was read
        // ahead, the edits of the people in it go into changes still waiting there (the same outbox
        // rows, new values); those of the batch with the server queue behind it.
        QThread::msleep(300);
        Store other(a.store->db().path(), StoreOptions{QStringLiteral("device-0"), world.clock.fn()});
        for (const QString &person : people)
            other.write(QStringLiteral("people"), person, {{QStringLiteral("khu"), QStringLiteral("Khu 9")}});
        return inner.push(request);
    });
    SyncSession session(*a.store, t, 25);
    SyncSummary summary;
    session.pushAll(summary);
    CHECK(summary.readAhead == summary.pushedBatches - 2); // the second batch was read again
    Replica &b = checkAllArrived(world, a);
    for (const QString &person : people)
        CHECK(b.store->value(QStringLiteral("people"), person, QStringLiteral("khu")).toText() == QStringLiteral("Khu 9"));
}

TEST_CASE("a batch read ahead whose acknowledgement was lost is sent again as the same bytes and answered as a replay", "[sync][replay][pipelined]")
{
    TempDir dir;
    World world(dir);
    Replica &a = world.add();
    thirtyPeople(*a.store);
    const qint64 before = world.serverStore->lastBatch(a.device.id)->number;
    // The second batch (read ahead while the first was with the server) is stored, its answer lost.
    LoopbackTransport loop(*world.service, a.device);
    QByteArray lost;
    int pushes = 0;
    PushThrough t(loop, [&](Transport &inner, const QByteArray &request) {
        const QByteArray answer = inner.push(request);
        if (++pushes == 2) {
            lost = request;
            throw TransportError("the answer was lost");
        }
        return answer;
    });
    SyncSummary first;
    CHECK_THROWS_AS(SyncSession(*a.store, t, 25).pushAll(first), TransportError);
    CHECK(first.readAhead == 1); // the second batch
    CHECK(world.serverStore->lastBatch(a.device.id)->number == before + 2);
    // The next sync sends the frozen batch again: the same bytes, so the server answers it as the
    // replay it is, and the rest follows under the next numbers.
    QByteArray resent;
    PushThrough recording(loop, [&](Transport &inner, const QByteArray &request) {
        if (resent.isEmpty())
            resent = request;
        return inner.push(request);
    });
    SyncSummary second;
    SyncSession(*a.store, recording, 25).pushAll(second);
    CHECK(resent == lost);
    CHECK(world.serverStore->lastBatch(a.device.id)->number == before + 2 + second.pushedBatches - 1);
    checkAllArrived(world, a);
}

TEST_CASE("a batch read ahead under a batch limit the server has since lowered is read again under the new one", "[sync][outbox][pipelined]")
{
    TempDir dir;
    World world(dir);
    Replica &a = world.add();
    thirtyPeople(*a.store);
    LoopbackTransport loop(*world.service, a.device);
    // From its first answer on, the server says it takes at most 10 changes a batch (its `mb`).
    std::vector<size_t> sizes; // changes in each request
    PushThrough t(loop, [&](Transport &inner, const QByteArray &request) {
        sizes.push_back(decodePushRequest(request).changes.size());
        QJsonObject answer = QJsonDocument::fromJson(inner.push(request)).object();
        REQUIRE(answer.contains(QStringLiteral("mb")));
        answer.insert(QStringLiteral("mb"), 10);
        return QJsonDocument(answer).toJson(QJsonDocument::Compact);
    });
    SyncSummary summary;
    SyncSession(*a.store, t, 25).pushAll(summary);
    REQUIRE(sizes.size() >= 3);
    CHECK(sizes[0] > 10);
    for (size_t i = 1; i < sizes.size(); ++i) {
        INFO(i);
        CHECK(sizes[i] <= 10); // (a packed row of more fields would go whole: none has more than 10)
    }
    CHECK(summary.readAhead == summary.pushedBatches - 2); // the one read under the old limit was dropped
    checkAllArrived(world, a);
}
