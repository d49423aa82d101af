#pragma once
// A small world for sync tests: one SyncService over a SQLite server store, replicas with their own
// stores and clocks, and a loopback transport that can lose requests, lose acknowledgements and
// deliver twice.
#include "syncservice.h"
#include "syncsession.h"
#include "testsupport.h"

#include <random>
#include <set>
#include <tuple>

namespace clctest {

/// Counts what the server stores, to prove no change is applied twice.
class CountingServerStore : public clc::sync::ServerStore
{
public:
    explicit CountingServerStore(std::unique_ptr<clc::sync::ServerStore> inner) : m_inner(std::move(inner)) {}
    void transaction(const QString &c, const std::function<void()> &fn) override { m_inner->transaction(c, fn); }
    std::optional<LastBatch> lastBatch(const QString &d) override { return m_inner->lastBatch(d); }
    void setLastBatch(const QString &d, const LastBatch &b) override { m_inner->setLastBatch(d, b); }
    std::optional<clc::sync::StoredChange> latest(const QString &c, int t, const QString &r, int f) override { return m_inner->latest(c, t, r, f); }
    void put(const clc::sync::StoredChange &c) override;
    bool rowExists(const QString &c, int t, const QString &r) override { return m_inner->rowExists(c, t, r); }
    void confirmAbsent(const QString &c, int t, const QString &r) override { m_inner->confirmAbsent(c, t, r); }
    qint64 rowBytes(const QString &c, int t, const QString &r) override { return m_inner->rowBytes(c, t, r); }
    void prefetch(const QString &c, const std::vector<std::pair<int, QString>> &rows) override { m_inner->prefetch(c, rows); }
    Page pull(const QString &c, qint64 a, int l, const std::vector<int> &t, int n, const QString &d) override { return m_inner->pull(c, a, l, t, n, d); }
    void quarantine(const clc::sync::StoredChange &c, const QString &r) override { m_inner->quarantine(c, r); }
    qint64 quarantined() override { return m_inner->quarantined(); }
    void trimQuarantine(const QString &d, qint64 keep) override { m_inner->trimQuarantine(d, keep); }
    void noteConflict(const QString &c, const QString &d, const QString &r) override { m_inner->noteConflict(c, d, r); }
    qint64 trimConflicts(const QString &c, const QString &d, qint64 k, int t, int f) override { return m_inner->trimConflicts(c, d, k, t, f); }
    void addDevice(const clc::sync::DeviceRecord &d, const QByteArray &c, qint64 e) override { m_inner->addDevice(d, c, e); }
    std::optional<clc::sync::DeviceRecord> redeemCode(const QByteArray &c, const QByteArray &t, qint64 n) override { return m_inner->redeemCode(c, t, n); }
    std::optional<QString> codeCentre(const QByteArray &c, qint64 n) override { return m_inner->codeCentre(c, n); }
    QString epoch() override { return m_inner->epoch(); }
    QString renewEpoch() override { return m_inner->renewEpoch(); }
    bool lostHistory(qint64 seq) override { return m_inner->lostHistory(seq); }
    QByteArray cursorKey() override { return m_inner->cursorKey(); }
    std::optional<clc::sync::DeviceRecord> deviceByToken(const QByteArray &t) override { return m_inner->deviceByToken(t); }
    bool revokeDevice(const QString &id) override { return m_inner->revokeDevice(id); }
    std::vector<clc::sync::DeviceRecord> devices() override { return m_inner->devices(); }

    clc::sync::ServerStore &inner() { return *m_inner; }
    int appliedTwice = 0; ///< puts of a (field, version) that had been put before
    int puts = 0;

private:
    std::unique_ptr<clc::sync::ServerStore> m_inner;
    std::set<std::tuple<int, QString, int, qint64, QString>> m_seen;
};

struct Faults
{
    int loseRequestPct = 0;   ///< the request never reaches the server
    int loseAckPct = 0;       ///< the server acts, the answer is lost
    int duplicatePct = 0;     ///< the request is delivered twice
};

class LoopbackTransport : public clc::sync::Transport
{
public:
    LoopbackTransport(clc::sync::SyncService &service, clc::sync::Device device, std::mt19937 *rng = nullptr, Faults faults = {})
        : m_service(service), m_device(std::move(device)), m_rng(rng), m_faults(faults)
    {
    }
    QByteArray push(const QByteArray &request) override;
    QByteArray pull(const QString &cursor, int limit, int protocol) override;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;

private:
    bool roll(int pct) { return m_rng && pct > 0 && int((*m_rng)() % 100) < pct; }
    clc::sync::SyncService &m_service;
    clc::sync::Device m_device;
    std::mt19937 *m_rng;
    Faults m_faults;
};

struct Replica
{
    std::unique_ptr<clc::Store> store;
    clc::sync::Device device;
};

/// The server store back ends; every server test runs on both.
enum class Backend { Sqlite, Postgres };
/// The libpq conninfo of the PostgreSQL server ctest started for the tests.
QString postgresConninfo();
/// A fresh, private server store (PostgreSQL: a new schema in the ctest fixture's server).
/// schema, if given, is set to the PostgreSQL schema (so a test can open a second store on it).
std::unique_ptr<clc::sync::ServerStore> openServerStore(Backend backend, const TempDir &dir, QString *schema = nullptr);

/// A server and a centre; replicas join it. The first replica creates the centre.
class World
{
public:
    explicit World(const TempDir &dir, Backend backend = Backend::Sqlite, ManualClock clock = {});
    Replica &add(clc::sync::Role role = clc::sync::Role::Coordinator, const ManualClock *clock = nullptr);
    /// Push then pull for one replica through a loopback transport (no faults unless given).
    clc::sync::SyncSummary sync(Replica &r, std::mt19937 *rng = nullptr, Faults faults = {});
    /// Every replica pushes, then every replica pulls: afterwards all hold the same data.
    void syncAll();

    const TempDir &dir;
    ManualClock clock;
    CountingServerStore *serverStore;
    std::unique_ptr<clc::sync::ServerStore> ownedStore;
    std::unique_ptr<clc::sync::SyncService> service;
    QString pgSchema; ///< the server store's schema on PostgreSQL
    QString centre;
    std::vector<std::unique_ptr<Replica>> replicas;
};

/// The canonical export, for comparing replicas.
QByteArray canonical(clc::Store &s);
/// Empty when equal, else the lines around the first difference (readable in a failed CHECK).
std::string difference(const QByteArray &a, const QByteArray &b);

} // namespace clctest
