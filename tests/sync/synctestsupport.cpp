#include "synctestsupport.h"
#include "exporter.h"

#include <QFile>
#include <QUuid>

using namespace clc;
using namespace clc::sync;

namespace clctest {

void CountingServerStore::put(const StoredChange &s)
{
    ++puts;
    const auto key = std::make_tuple(s.change.table, s.change.row, s.change.field, s.change.version.hlc, s.change.version.replica);
    if (!m_seen.insert(key).second)
        ++appliedTwice;
    m_inner->put(s);
}

QByteArray LoopbackTransport::push(const QByteArray &request)
{
    bytesSent += request.size();
    if (roll(m_faults.loseRequestPct))
        throw TransportError("request lost");
    QByteArray answer = encode(m_service.push(m_device, decodePushRequest(request)));
    if (roll(m_faults.duplicatePct))
        answer = encode(m_service.push(m_device, decodePushRequest(request)));
    if (roll(m_faults.loseAckPct))
        throw TransportError("acknowledgement lost");
    bytesReceived += answer.size();
    return answer;
}

QByteArray LoopbackTransport::pull(const QString &cursor, int limit, int protocol)
{
    if (roll(m_faults.loseRequestPct))
        throw TransportError("request lost");
    QByteArray answer = encode(m_service.pull(m_device, PullRequest{cursor, limit, protocol}));
    if (roll(m_faults.loseAckPct))
        throw TransportError("answer lost");
    bytesReceived += answer.size();
    return answer;
}

QString postgresConninfo()
{
    QFile f(QStringLiteral(CLC_PG_CONNINFO_FILE));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("PostgreSQL for the tests is not running (" CLC_PG_CONNINFO_FILE " is missing): run the tests with ctest, which starts it");
    return QString::fromUtf8(f.readAll()).trimmed();
}

std::unique_ptr<ServerStore> openServerStore(Backend backend, const TempDir &dir, QString *schemaName)
{
    if (backend == Backend::Sqlite)
        return openSqliteServerStore(dir.path(QStringLiteral("server.db")));
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    if (schemaName)
        *schemaName = schema;
    return openPostgresServerStore(postgresConninfo(), schema);
}

World::World(const TempDir &d, Backend backend, ManualClock c) : dir(d), clock(std::move(c))
{
    ownedStore = std::make_unique<CountingServerStore>(openServerStore(backend, dir, &pgSchema));
    serverStore = static_cast<CountingServerStore *>(ownedStore.get());
    service = std::make_unique<SyncService>(*serverStore, clock.fn());
}

Replica &World::add(Role role, const ManualClock *ownClock)
{
    const int n = int(replicas.size());
    auto r = std::make_unique<Replica>();
    const ManualClock &ck = ownClock ? *ownClock : clock;
    r->store = std::make_unique<Store>(dir.path(QStringLiteral("r%1.db").arg(n)), StoreOptions{QStringLiteral("device-%1").arg(n), ck.fn()});
    if (centre.isEmpty()) {
        centre = r->store->init(QStringLiteral("TTHTCĐ phường Đức Chính"));
    } else {
        r->store->initMember(centre);
    }
    r->device = Device{QStringLiteral("device-%1").arg(n), centre, role};
    replicas.push_back(std::move(r));
    Replica &added = *replicas.back();
    sync(added);
    return added;
}

SyncSummary World::sync(Replica &r, std::mt19937 *rng, Faults faults)
{
    LoopbackTransport t(*service, r.device, rng, faults);
    SyncSession session(*r.store, t);
    return session.run();
}

void World::syncAll()
{
    for (auto &r : replicas) {
        LoopbackTransport t(*service, r->device);
        SyncSession s(*r->store, t);
        SyncSummary sum;
        s.pushAll(sum);
    }
    for (auto &r : replicas) {
        LoopbackTransport t(*service, r->device);
        SyncSession s(*r->store, t);
        SyncSummary sum;
        s.pullAll(sum);
    }
}

QByteArray canonical(Store &s) { return exportJson(s); }

std::string difference(const QByteArray &a, const QByteArray &b)
{
    if (a == b)
        return {};
    const QList<QByteArray> la = a.split('\n'), lb = b.split('\n');
    int i = 0;
    while (i < la.size() && i < lb.size() && la[i] == lb[i])
        ++i;
    QByteArray out = "first difference at line " + QByteArray::number(i + 1) + "\n";
    for (int k = std::max(0, i - 12); k < std::min<int>(int(la.size()), i + 3); ++k)
        out += "  a: " + la[k] + "\n";
    for (int k = std::max(0, i - 2); k < std::min<int>(int(lb.size()), i + 3); ++k)
        out += "  b: " + lb[k] + "\n";
    return out.toStdString();
}

} // namespace clctest
