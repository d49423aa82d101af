// Protocol versions side by side (docs/sync.md#marks): devices and servers of release 8 (protocol 1
// only) and of this release (protocol 2) keep syncing with each other, and a batch retried across an
// app upgrade is still a retry.
#include "migrations.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

/// A morning at one session: a tablet marks people, one of them twice.
void markSession(Store &tablet, int people)
{
    const QString activity = records::addActivity(tablet, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn chăm sóc lúa")});
    const QString session = records::addSession(tablet, activity, QStringLiteral("2017-11-10T08:00"), QStringLiteral("Nhà văn hoá khu 3"));
    QStringList ids;
    for (int i = 0; i < people; ++i)
        ids << records::addPerson(tablet, PersonInput{QStringLiteral("Người học %1").arg(i)});
    for (int i = 0; i < people; ++i)
        records::markAttendance(tablet, session, ids[i], i % 3 ? QStringLiteral("present") : QStringLiteral("late"));
    records::markAttendance(tablet, session, ids[0], QStringLiteral("excused"));
}

/// The device's whole outbox as the batch numbered batch, built by hand to be sent in either protocol.
PushRequest outboxAsBatch(Store &store, qint64 batch)
{
    PushRequest r;
    r.schema = syncSchemaVersion();
    r.replica = store.replicaId();
    r.batch = batch;
    for (const Store::OutboxChange &o : store.outboxUpTo(store.outboxBatchEnd(MaxChanges, MaxBatchBytes)))
        r.changes.push_back(Change{o.table, o.row, o.field, o.value, o.version, o.base, false});
    return r;
}

/// What a server of release 8 does: it refuses a message in protocol 2 whole (HTTP 400 naming "p",
/// as HttpTransport reports it), ignores the pull's `p` and answers in protocol 1.
class Release8Server : public Transport
{
public:
    explicit Release8Server(LoopbackTransport &inner) : m_inner(inner) {}
    QByteArray push(const QByteArray &request) override
    {
        ++pushes;
        if (decodePushRequest(request).protocol != 1) {
            ++refused;
            throw Error(Error::Code::InvalidInput, QStringLiteral("unsupported protocol version 2 (this side speaks 1) (HTTP 400)"), QStringLiteral("p"));
        }
        return m_inner.push(request);
    }
    QByteArray pull(const QString &cursor, int limit, int) override
    {
        QByteArray page = m_inner.pull(cursor, limit, 1);
        REQUIRE(decodePullResponse(page).protocol == 1);
        return page;
    }
    int refused = 0;
    int pushes = 0;

private:
    LoopbackTransport &m_inner;
};

/// A server that answers a push with a message in a protocol nobody speaks: malformed, not a refusal.
class GarbledAnswers : public Transport
{
public:
    QByteArray push(const QByteArray &) override
    {
        ++pushes;
        return "{\"p\":3,\"b\":1,\"replay\":false,\"x\":[],\"t\":1}";
    }
    QByteArray pull(const QString &, int, int) override { return {}; }
    int pushes = 0;
};

/// What a server of release 9 does: it takes at most LegacyMaxChanges in a push (more is refused
/// whole, a 400 naming "c", storing nothing), never says `mb`, and caps pages at that size.
class Release9Server : public Transport
{
public:
    explicit Release9Server(LoopbackTransport &inner) : m_inner(inner) {}
    QByteArray push(const QByteArray &request) override
    {
        const size_t n = decodePushRequest(request).changes.size();
        largest = std::max(largest, n);
        if (n > size_t(LegacyMaxChanges)) {
            ++refused;
            throw Error(Error::Code::InvalidInput, QStringLiteral("more than 20000 changes in one message (HTTP 400)"), QStringLiteral("c"));
        }
        PushResponse answer = decodePushResponse(m_inner.push(request));
        answer.maxBatch = 0;
        return encode(answer);
    }
    QByteArray pull(const QString &cursor, int limit, int protocol) override
    {
        PullResponse page = decodePullResponse(m_inner.pull(cursor, std::min(limit, LegacyMaxChanges), protocol));
        page.maxBatch = 0;
        return encode(page);
    }
    int refused = 0;
    size_t largest = 0;

private:
    LoopbackTransport &m_inner;
};

/// Counts the changes of every push it passes on.
class BatchSizes : public Transport
{
public:
    explicit BatchSizes(Transport &inner) : m_inner(inner) {}
    QByteArray push(const QByteArray &request) override
    {
        sizes.push_back(decodePushRequest(request).changes.size());
        return m_inner.push(request);
    }
    QByteArray pull(const QString &cursor, int limit, int protocol) override { return m_inner.pull(cursor, limit, protocol); }
    std::vector<size_t> sizes;

private:
    Transport &m_inner;
};

/// What a device of release 8 does: it pushes in protocol 1 and pulls without asking for more.
class Release8Device : public Transport
{
public:
    explicit Release8Device(LoopbackTransport &inner) : m_inner(inner) {}
    QByteArray push(const QByteArray &request) override
    {
        PushRequest r = decodePushRequest(request);
        r.protocol = 1;
        const QByteArray answer = m_inner.push(encode(r));
        REQUIRE(decodePushResponse(answer).protocol == 1);
        return answer;
    }
    QByteArray pull(const QString &cursor, int limit, int) override
    {
        const QByteArray page = m_inner.pull(cursor, limit, 1);
        REQUIRE(decodePullResponse(page).protocol == 1);
        return page;
    }

private:
    LoopbackTransport &m_inner;
};

} // namespace

TEST_CASE("a device of this release syncs with a server of release 8: it sends protocol 1 after one refusal", "[sync][versions]")
{
    TempDir dir;
    World world(dir);
    Replica &tablet = world.add();
    Replica &phone = world.add();
    world.syncAll();
    markSession(*tablet.store, 40);
    LoopbackTransport loop(*world.service, tablet.device);
    Release8Server old(loop);
    const SyncSummary s = SyncSession(*tablet.store, old, 50).run(); // batches of 50 changes
    CHECK(s.pushedBatches > 3);
    CHECK(old.refused == 1); // once, then protocol 1 for every batch
    CHECK(s.pushedChanges > 160);
    CHECK(tablet.store->pendingChanges() == 0);
    LoopbackTransport phoneLoop(*world.service, phone.device);
    Release8Server phoneOld(phoneLoop);
    SyncSession(*phone.store, phoneOld).run();
    CHECK(phoneOld.refused == 0); // nothing to push
    CHECK(difference(canonical(*phone.store), canonical(*tablet.store)).empty());

    // The next sync remembers: no batch is sent twice to that server.
    markSession(*tablet.store, 5);
    SyncSession(*tablet.store, old).run();
    CHECK(old.refused == 1);
    // The ward office upgrades its server: the first page in protocol 2 turns pushes back to 2.
    SyncSession(*tablet.store, loop).run();
    CHECK(tablet.store->meta(MetaKey::ServerProtocol).isEmpty());
    markSession(*tablet.store, 5);
    SyncSession(*tablet.store, old).run(); // (were it still old, it would refuse 2 once more)
    CHECK(old.refused == 2);
    CHECK(tablet.store->pendingChanges() == 0);
}

TEST_CASE("a push answer in a protocol the device does not read is an error, never a reason to send the batch again", "[sync][versions]")
{
    TempDir dir;
    World world(dir);
    Replica &tablet = world.add();
    world.syncAll();
    records::addPerson(*tablet.store, PersonInput{QStringLiteral("Nguyễn Văn An")});
    GarbledAnswers garbled;
    CHECK_THROWS_AS(SyncSession(*tablet.store, garbled).run(), Error);
    CHECK(garbled.pushes == 1);
    CHECK(tablet.store->pendingChanges() > 0); // still waiting, sent again by the next good sync
    world.sync(tablet);
    CHECK(tablet.store->pendingChanges() == 0);
}

TEST_CASE("devices of release 8 and of this release sync through one server and end equal", "[sync][versions]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &oldTablet = world.add();
    Replica &newTablet = world.add();
    Replica &oldPhone = world.add();
    world.syncAll();
    markSession(*oldTablet.store, 30);
    markSession(*newTablet.store, 30);
    LoopbackTransport oldLoop(*world.service, oldTablet.device), oldPhoneLoop(*world.service, oldPhone.device);
    Release8Device oldLink(oldLoop), oldPhoneLink(oldPhoneLoop);
    SyncSession(*oldTablet.store, oldLink).run();
    world.sync(newTablet);
    SyncSession(*oldTablet.store, oldLink).run();
    SyncSession(*oldPhone.store, oldPhoneLink).run();
    CHECK(oldTablet.store->pendingChanges() == 0);
    CHECK(newTablet.store->pendingChanges() == 0);
    CHECK(world.serverStore->appliedTwice == 0);
    CHECK(difference(canonical(*newTablet.store), canonical(*oldTablet.store)).empty());
    CHECK(difference(canonical(*oldPhone.store), canonical(*oldTablet.store)).empty());
}

TEST_CASE("a batch sent in protocol 1 and retried in protocol 2 after an app upgrade is a retry, applied once", "[sync][versions][replay]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &tablet = world.add();
    world.syncAll();
    markSession(*tablet.store, 20);
    PushRequest r = outboxAsBatch(*tablet.store, world.serverStore->lastBatch(tablet.device.id)->number + 1);
    r.protocol = 1;
    const QByteArray sentByRelease8 = encode(r);
    CHECK_FALSE(world.service->push(tablet.device, decodePushRequest(sentByRelease8), sentByRelease8).replay);
    const int puts = world.serverStore->puts;
    // The answer was lost; the app was upgraded; the same batch goes again, now in protocol 2.
    r.protocol = 2;
    const QByteArray sentAfterUpgrade = encode(r);
    REQUIRE(sentAfterUpgrade != sentByRelease8);
    const PushResponse again = world.service->push(tablet.device, decodePushRequest(sentAfterUpgrade), sentAfterUpgrade);
    CHECK(again.replay);
    CHECK(again.protocol == 2);
    CHECK(world.serverStore->puts == puts);

    // The other way: the next batch sent in 2, its answer lost, and sent again in 1 (a device that fell
    // back to 1 meanwhile) is a retry as well.
    records::addPerson(*tablet.store, PersonInput{QStringLiteral("Lò Văn Pành")});
    PushRequest next = outboxAsBatch(*tablet.store, r.batch + 1); // everything waiting: a new batch
    next.protocol = 2;
    const QByteArray inTwo = encode(next);
    CHECK_FALSE(world.service->push(tablet.device, decodePushRequest(inTwo), inTwo).replay);
    const int putsAfter = world.serverStore->puts;
    next.protocol = 1;
    const QByteArray inOne = encode(next);
    CHECK(world.service->push(tablet.device, decodePushRequest(inOne), inOne).replay);
    CHECK(world.serverStore->puts == putsAfter);
}

TEST_CASE("a device sends 20,000 changes in a batch until the server says it takes more, then batches that large", "[sync][versions][batch-size]")
{
    TempDir dir;
    World world(dir);
    Replica &tablet = world.add();
    world.syncAll();
    CHECK(tablet.store->meta(MetaKey::ServerBatchLimit) == QString::number(MaxChanges)); // said on the pull page
    tablet.store->setMeta(MetaKey::ServerBatchLimit, QString()); // as a device that has not heard it yet
    markSession(*tablet.store, 3600);
    const qint64 waiting = tablet.store->pendingChanges();
    REQUIRE(waiting > LegacyMaxChanges);
    REQUIRE(waiting < LegacyMaxChanges + MaxChanges);
    LoopbackTransport loop(*world.service, tablet.device);
    BatchSizes counted(loop);
    SyncSession(*tablet.store, counted).run();
    // A batch ends at a row: a new mark waits as one outbox row of its fields (docs/sync.md#outbox).
    REQUIRE(counted.sizes.size() == 2);
    CHECK(counted.sizes[0] <= size_t(LegacyMaxChanges));
    CHECK(counted.sizes[0] > size_t(LegacyMaxChanges - 8));
    CHECK(counted.sizes[0] + counted.sizes[1] == size_t(waiting));
    CHECK(tablet.store->meta(MetaKey::ServerBatchLimit) == QString::number(MaxChanges));
    CHECK(tablet.store->pendingChanges() == 0);
    // A new enrolment (another server, perhaps) forgets what this one said.
    SyncSession::useToken(*tablet.store, QStringLiteral("another-token"));
    CHECK(tablet.store->meta(MetaKey::ServerBatchLimit).isEmpty());
}

TEST_CASE("a server of release 9 that refuses a batch over 20,000 changes gets the same changes in batches it takes", "[sync][versions][batch-size]")
{
    TempDir dir;
    World world(dir);
    Replica &tablet = world.add();
    Replica &phone = world.add();
    world.syncAll();
    markSession(*tablet.store, 3600);
    const qint64 waiting = tablet.store->pendingChanges();
    REQUIRE(waiting > LegacyMaxChanges);
    // The office's server said it takes 80,000 (a page of this release), then was replaced by one of
    // release 9 (the old installation restored).
    REQUIRE(tablet.store->meta(MetaKey::ServerBatchLimit) == QString::number(MaxChanges));
    LoopbackTransport loop(*world.service, tablet.device);
    Release9Server old(loop);
    const SyncSummary s = SyncSession(*tablet.store, old).run();
    CHECK(old.refused == 1); // once, then batches it takes
    CHECK(s.pushedBatches == 2);
    CHECK(s.pushedChanges == waiting);
    CHECK(tablet.store->pendingChanges() == 0);
    CHECK(tablet.store->meta(MetaKey::ServerBatchLimit).isEmpty());
    CHECK(world.serverStore->appliedTwice == 0);
    // The next sync sends no batch it would refuse.
    markSession(*tablet.store, 3600);
    SyncSession(*tablet.store, old).run();
    CHECK(old.refused == 1);
    CHECK(old.largest == size_t(waiting)); // the first, refused one
    LoopbackTransport phoneLoop(*world.service, phone.device);
    Release9Server phoneOld(phoneLoop);
    SyncSession(*phone.store, phoneOld).run();
    CHECK(difference(canonical(*phone.store), canonical(*tablet.store)).empty());
}
