// Load and faults (docs/reliability.md): real clc-server processes on loopback and hundreds of simulated
// devices, each a real device store driven by the real client code (SyncSession over HttpTransport) on
// its own thread, across several centres. Facilitators' tablets mark attendance in sessions of their
// own, add learners, delete and bring them back; viewers' phones pull the schedule; some devices join
// mid-season; groups of tablets edit the same field of the same learner without seeing each other;
// one tablet is revoked mid-run. With --faults, server processes are killed and restarted, links
// through a proxy are delayed, cut and reset, and tablets "die" between a push and its answer or
// between a pull page and its cursor.
//
// At the end every device syncs until done and the run checks, printing each check and failing on any:
//   - every device's canonical export equals that of a device enrolled at the end with its role
//     (the server's view of its scope), and nothing waits or was refused;
//   - the server holds exactly what the devices wrote: each mark with its last status, each learner
//     with its last deleted flag, each contested field with the greatest version's value;
//   - conflict records = the concurrent same-field edits (k edits of one field: k − 1 records);
//   - no batch was stored twice (the servers' "batch N stored" lines) and PRAGMA integrity_check is ok
//     on every SQLite file;
//   - the revoked tablet was refused every sync after its revocation and nothing it wrote since arrived.
// It prints throughput and p50/p99 latency of push and pull, then one JSON object.
#include "deviceenrolment.h"
#include "exporter.h"
#include "httptransport.h"
#include "loadproxy.h"
#include "nettestsupport.h"
#include "records.h"
#include "schema.h"
#include "serveradmin.h"
#include "store.h"
#include "syncsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unistd.h>

using namespace clc;
using namespace clc::sync;
using clctest::ServerProcess;

namespace {

struct Options
{
    int devices = 200;
    int centres = 8;
    double seconds = 60;
    QString postgres;
    int processes = 0; // 0: 1 on SQLite, 2 on PostgreSQL
    bool faults = false;
    unsigned seed = 1;
    int thinkMs = 1500;
    int seedPeople = 60;
    QString restartPostgres; // a command that restarts the PostgreSQL server (a fault, when given)
};

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(double(v.size()) * p))];
}

/// k tablets edit one field of one learner, each before seeing any other's edit.
struct Contest
{
    QString person;
    std::vector<int> devices;
    std::vector<QString> values;
    std::vector<Version> stamps;
    std::atomic<int> written{0};
    std::mutex m;
};

enum class Role { Coordinator, Facilitator, Viewer };
const char *roleName(Role r) { return r == Role::Coordinator ? "coordinator" : r == Role::Facilitator ? "facilitator" : "viewer"; }

struct Device
{
    int index = 0;
    int centre = 0;
    Role role = Role::Viewer;
    QString path, code, id;
    qint64 joinAtMs = 0; // 0: at the start
    bool contests = true; // takes part in same-field edits (not the one to be revoked)
    bool viaProxy = false;
    int process = 0; // the server process it talks to; the next one after a failed exchange
    std::unique_ptr<Store> store;
    std::unique_ptr<HttpTransport> link;
    QString linkUrl;

    std::atomic<bool> joined{false};
    std::atomic<bool> retire{false}, readyToRevoke{false}, revoked{false};
    std::atomic<int> crashNext{0}; // 1: lose the next push's answer, 2: die before the next page's cursor

    std::mutex inboxMutex;
    std::vector<Contest *> inbox;
    std::vector<Contest *> waiting; // written, the others not yet

    // What it wrote (the model the server is checked against).
    std::map<std::pair<QString, QString>, QString> marks; // (session, person) -> last status
    std::map<QString, bool> learners;                      // id -> deleted
    QStringList sessions;
    QStringList afterRevocationSessions; // made after its revocation: must never reach the server

    // Figures.
    std::vector<double> pushMs, pullMs, firstSyncMs;
    qint64 pushed = 0, pulled = 0;
    int transportErrors = 0, crashes = 0, refusedAfterRevocation = 0, acceptedAfterRevocation = 0;
    QString cursorAtRevocation, failure;
    std::optional<Error::Code> refusedAs; // the last refusal's kind
    bool stopped = false; // its thread ended on an error
};

const QStringList kFamily{QStringLiteral("Nguyễn"), QStringLiteral("Trần"), QStringLiteral("Lê"), QStringLiteral("Phạm"), QStringLiteral("Hoàng"),
                          QStringLiteral("Vũ"), QStringLiteral("Đặng"), QStringLiteral("Bùi"), QStringLiteral("Đỗ"), QStringLiteral("Ngô")};
const QStringList kGiven{QStringLiteral("Thị Hồng"), QStringLiteral("Văn Đức"), QStringLiteral("Minh Khôi"), QStringLiteral("Thị Ngọc Ánh"),
                         QStringLiteral("Quốc Việt"), QStringLiteral("Thu Hương"), QStringLiteral("Văn Thắng"), QStringLiteral("Thị Lụa")};
const QStringList kStatus{QStringLiteral("present"), QStringLiteral("late"), QStringLiteral("excused"), QStringLiteral("absent")};

QString randomName(std::mt19937 &rng) { return kFamily[int(rng() % unsigned(kFamily.size()))] + QLatin1Char(' ') + kGiven[int(rng() % unsigned(kGiven.size()))]; }

/// A tablet "dying" in the middle of a sync: the exchange is lost as if the connection were, and the
/// device's file is opened again afterwards.
class TabletDied : public TransportError
{
public:
    using TransportError::TransportError;
};

/// A transport that, when told, loses the answer of one push after the server acted on it: the device
/// "dies" between its push and the acknowledgement.
class CrashingTransport : public Transport
{
public:
    CrashingTransport(Transport &inner, std::atomic<int> &crash) : m_inner(inner), m_crash(crash) {}
    QByteArray push(const QByteArray &request) override
    {
        QByteArray answer = m_inner.push(request);
        int one = 1;
        if (m_crash.compare_exchange_strong(one, 0))
            throw TabletDied("the tablet died before it recorded the answer");
        return answer;
    }
    QByteArray pull(const QString &cursor, int limit, int protocol) override { return m_inner.pull(cursor, limit, protocol); }

private:
    Transport &m_inner;
    std::atomic<int> &m_crash;
};

struct Centre
{
    QString id, activity;
    QStringList people; // the seed register: marked by every tablet, the learners contested
    int nextContested = 0;
    std::vector<Contest *> contests;
};

class Load
{
public:
    explicit Load(Options o) : m_o(std::move(o)), m_rng(m_o.seed) {}
    int run();

private:
    void startServers();
    void setUpCentres();
    QString urlFor(const Device &d) const;
    bool syncOnce(Device &d, bool timed = true);
    void syncUntilDone(Device &d, int tries = 40);
    void join(Device &d);
    void deviceLoop(Device &d);
    void act(Device &d, std::mt19937 &rng);
    void takeContests(Device &d);
    void waitForContests(Device &d);
    void sleepMs(int ms) const { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }
    void drive(qint64 startMs, qint64 endMs);
    bool revokeIfReady();
    /// The revoked tablet still used (stolen): it writes a mark and syncs, and the sync must be refused.
    void useRevoked(Device &d, std::mt19937 &rng);
    /// Runs this thread's events (the proxies live here) for about ms.
    static void spinEvents(int ms);
    /// Runs fn on each device, from a pool of threads.
    static void inPool(const std::vector<Device *> &devices, int threads, const std::function<void(Device &)> &fn);
    void postContest();
    void injectFault(qint64 now);
    void endFaults();
    void converge();
    int check();
    void report(int failures);
    bool expect(bool ok, const QString &what);
    QString storePath(const QString &name) const { return QDir(m_dir.path()).filePath(name); }
    QString newCode(const Device &d);

    Options m_o;
    std::mt19937 m_rng;
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    std::vector<qint64> m_restartAt; // per process: when a killed one starts again (0: running)
    std::vector<std::unique_ptr<clcload::LoadProxy>> m_proxies;
    qint64 m_proxyCalmAt = 0;
    std::unique_ptr<ServerAdmin> m_admin;
    std::mutex m_adminMutex;
    QString m_schema;
    std::vector<Centre> m_centres;
    std::vector<std::unique_ptr<Device>> m_devices;
    std::map<std::pair<int, int>, std::unique_ptr<Device>> m_auditors; // (centre, role) -> a device enrolled at the end
    Device *m_revokee = nullptr;
    std::deque<Contest> m_contestStore;
    std::atomic<bool> m_stopping{false};
    double m_loadSeconds = 0;
    int m_serverKills = 0, m_proxyFaults = 0, m_deviceCrashes = 0, m_postgresRestarts = 0;
    std::atomic<int> m_failures{0};
    std::mutex m_printMutex;
    qint64 m_serverPeakKb = 0;
    qint64 m_conflicts = 0, m_batches = 0;
    double m_serverCpu = 0;
    int m_faultsInjected = 0;
};

bool Load::expect(bool ok, const QString &what)
{
    std::lock_guard<std::mutex> lock(m_printMutex);
    std::printf("%s  %s\n", ok ? "ok    " : "FAILED", qPrintable(what));
    std::fflush(stdout);
    if (!ok)
        ++m_failures;
    return ok;
}

void Load::startServers()
{
    const int n = m_o.processes > 0 ? m_o.processes : (m_o.postgres.isEmpty() ? 1 : 2);
    // Every simulated device comes from 127.0.0.1, as every device does through a reverse proxy.
    QStringList extra{QStringLiteral("--connections-per-address"), QStringLiteral("2000")};
    if (!m_o.postgres.isEmpty()) {
        m_schema = QStringLiteral("load_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        extra << QStringLiteral("--postgres") << m_o.postgres << QStringLiteral("--postgres-schema") << m_schema;
    } else if (n > 1) {
        throw std::runtime_error("several server processes share one database only on PostgreSQL");
    }
    // The servers say when they stored a batch (SyncService::push): the check that nothing was stored twice.
    qputenv("QT_LOGGING_RULES", "clc.server.api.debug=true");
    for (int i = 0; i < n; ++i)
        m_servers.push_back(std::make_unique<ServerProcess>(storePath(QStringLiteral("server%1").arg(i)), clctest::freePort(), extra));
    m_restartAt.assign(size_t(n), 0);
    m_admin = std::make_unique<ServerAdmin>(ServerConfig{storePath(QStringLiteral("server0")), m_o.postgres, m_schema});
    if (m_o.faults)
        for (int i = 0; i < n; ++i)
            m_proxies.push_back(std::make_unique<clcload::LoadProxy>(m_servers[size_t(i)]->port(), m_o.seed + unsigned(i)));
}

QString Load::newCode(const Device &d)
{
    std::lock_guard<std::mutex> lock(m_adminMutex);
    return m_admin->enrol(m_centres[size_t(d.centre)].id, QString::fromLatin1(roleName(d.role)), QStringLiteral("Máy %1").arg(d.index)).code;
}

void Load::setUpCentres()
{
    // Each centre: one coordinator, who set the centre up (an activity and its register), a few
    // tablets and many phones. A tenth of the devices join mid-season.
    m_centres.resize(size_t(m_o.centres));
    for (int i = 0; i < m_o.devices; ++i) {
        auto d = std::make_unique<Device>();
        d->index = i;
        d->centre = i % m_o.centres;
        const int inCentre = i / m_o.centres;
        d->role = inCentre == 0 ? Role::Coordinator : inCentre % 3 == 1 ? Role::Facilitator : Role::Viewer;
        d->path = storePath(QStringLiteral("device%1.db").arg(i));
        if (inCentre >= 2 && m_rng() % 10 == 0)
            d->joinAtMs = 1 + qint64(m_rng() % quint64(std::max(1.0, m_o.seconds * 500))); // in the first half
        d->viaProxy = m_o.faults && m_rng() % 3 == 0;
        d->process = i % int(m_servers.size());
        m_devices.push_back(std::move(d));
    }
    for (auto &d : m_devices)
        if (d->role == Role::Facilitator && d->centre == 0 && d->joinAtMs == 0) {
            d->contests = false; // its edits after revocation never arrive: no contest counts on them
            m_revokee = d.get();
            break;
        }
    for (int c = 0; c < m_o.centres; ++c) {
        Device &coord = *m_devices[size_t(c)];
        coord.store = std::make_unique<Store>(coord.path);
        Centre &centre = m_centres[size_t(c)];
        centre.id = coord.store->init(QStringLiteral("Trung tâm học tập cộng đồng phường %1").arg(c + 1));
        ActivityInput a;
        a.month = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
        a.title = QStringLiteral("Tập huấn kỹ thuật chăm sóc lúa vụ Đông Xuân");
        centre.activity = records::addActivity(*coord.store, a);
        for (int p = 0; p < m_o.seedPeople; ++p) {
            PersonInput in;
            in.fullName = randomName(m_rng);
            in.khu = QStringLiteral("Khu %1").arg(1 + p % 6);
            centre.people << records::addPerson(*coord.store, in);
        }
    }
    for (auto &d : m_devices)
        d->code = newCode(*d);
    // The coordinators enrol and push their centre before the season starts.
    for (int c = 0; c < m_o.centres; ++c) {
        Device &coord = *m_devices[size_t(c)];
        enrolDevice(*coord.store, m_servers[0]->url(), coord.code);
        coord.id = coord.store->meta(MetaKey::DeviceId);
        syncUntilDone(coord);
        coord.link.reset(); // made on this thread; the device's own thread makes its own
        coord.joined = true;
    }
}

QString Load::urlFor(const Device &d) const
{
    const size_t p = size_t(d.process) % m_servers.size();
    if (d.viaProxy && !m_proxies.empty())
        return QStringLiteral("http://127.0.0.1:%1").arg(m_proxies[p]->port());
    return m_servers[p]->url();
}

bool Load::syncOnce(Device &d, bool timed)
{
    const QString url = urlFor(d);
    const QString token = d.store->meta(MetaKey::Token);
    d.refusedAs.reset();
    if (!d.link || d.linkUrl != url) {
        HttpTransportOptions options;
        options.timeoutMs = 20000;
        options.connectTimeoutMs = 5000;
        d.link = std::make_unique<HttpTransport>(QUrl(url), token, options);
        d.linkUrl = url;
    }
    SyncSession::useToken(*d.store, token);
    CrashingTransport transport(*d.link, d.crashNext);
    SyncSession session(*d.store, transport);
    session.beforePageCommit = [&d] {
        int two = 2;
        if (d.crashNext.compare_exchange_strong(two, 0))
            throw TabletDied("the tablet died between a page and its cursor");
    };
    SyncSummary sum;
    struct Count // what moved is counted however the sync ends
    {
        Device &d;
        const SyncSummary &sum;
        ~Count()
        {
            d.pushed += sum.pushedChanges;
            d.pulled += sum.pulledChanges;
        }
    } count{d, sum};
    try {
        QElapsedTimer t;
        t.start();
        session.pushAll(sum);
        const double pushMs = double(t.nsecsElapsed()) / 1e6;
        t.restart();
        session.pullAll(sum);
        const double pullMs = double(t.nsecsElapsed()) / 1e6;
        if (timed) {
            if (sum.pushedBatches > 0)
                d.pushMs.push_back(pushMs);
            d.pullMs.push_back(pullMs);
        }
        return true;
    } catch (const TransportError &e) {
        ++d.transportErrors;
        d.failure = QString::fromUtf8(e.what());
        if (dynamic_cast<const TabletDied *>(&e)) {
            // As after a crash: the file opened again, the connection gone.
            ++d.crashes;
            d.store = std::make_unique<Store>(d.path);
        }
        d.link.reset();
        d.process = (d.process + 1) % int(m_servers.size()); // the retry goes to the other process, if any
        return false;
    } catch (const Error &e) {
        d.failure = e.message();
        d.refusedAs = e.code();
        d.link.reset();
        return false;
    }
}

void Load::syncUntilDone(Device &d, int tries)
{
    for (int i = 0; i < tries; ++i) {
        if (syncOnce(d, false) && d.store->pendingChanges() == 0)
            return;
        sleepMs(250);
    }
    throw std::runtime_error(QStringLiteral("device %1 never finished a sync: %2").arg(d.index).arg(d.failure).toStdString());
}

void Load::join(Device &d)
{
    d.store = std::make_unique<Store>(d.path);
    QString code = d.code;
    for (int attempt = 0;; ++attempt) {
        try {
            enrolDevice(*d.store, m_servers[size_t(d.process)]->url(), code);
            break;
        } catch (const std::exception &) {
            // The server may have spent the code before the answer was lost (a killed process): the
            // office makes a new one, as a person would ask for.
            if (attempt >= 20)
                throw;
            d.process = (d.process + 1) % int(m_servers.size());
            sleepMs(500);
            try {
                code = newCode(d);
            } catch (const std::exception &) {
                // The office's database is restarting too: the next attempt asks again.
            }
        }
    }
    d.id = d.store->meta(MetaKey::DeviceId);
    QElapsedTimer t;
    t.start();
    while (!syncOnce(d, false)) {
        if (t.elapsed() > 300000)
            throw std::runtime_error("a device's first sync never completed");
        sleepMs(250);
    }
    d.firstSyncMs.push_back(double(t.nsecsElapsed()) / 1e6);
    d.joined = true;
}

void Load::takeContests(Device &d)
{
    std::vector<Contest *> got;
    {
        std::lock_guard<std::mutex> lock(d.inboxMutex);
        got.swap(d.inbox);
    }
    const TableDef *people = table(QStringLiteral("people"));
    const int khu = people->fieldCode(QStringLiteral("khu"));
    for (Contest *c : got) {
        const size_t slot = size_t(std::find(c->devices.begin(), c->devices.end(), d.index) - c->devices.begin());
        d.store->write(QStringLiteral("people"), c->person, {{QStringLiteral("khu"), c->values[slot]}});
        const auto version = d.store->fieldVersion(*people, c->person, khu);
        {
            std::lock_guard<std::mutex> lock(c->m);
            c->stamps[slot] = *version;
        }
        ++c->written;
        d.waiting.push_back(c);
    }
}

void Load::waitForContests(Device &d)
{
    // A contested edit is sent only once every tablet of its contest made its own: none saw another's.
    QElapsedTimer t;
    t.start();
    for (;;) {
        takeContests(d);
        const bool all = std::all_of(d.waiting.begin(), d.waiting.end(), [](Contest *c) { return c->written == int(c->devices.size()); });
        if (all)
            break;
        if (t.elapsed() > 120000) // a member stopped: reported, not waited out
            throw std::runtime_error("a contest never completed");
        sleepMs(20);
    }
    d.waiting.clear();
}

void Load::act(Device &d, std::mt19937 &rng)
{
    const Centre &c = m_centres[size_t(d.centre)];
    const int r = int(rng() % 100);
    if (d.sessions.isEmpty() || r < 4) {
        // A session of its own: the marks of two tablets never meet unless a contest makes them.
        const QString day = QDate::currentDate().addDays(int(rng() % 28)).toString(QStringLiteral("yyyy-MM-dd"));
        d.sessions << records::addSession(*d.store, c.activity, day + QStringLiteral("T08:00"), QStringLiteral("Nhà văn hoá khu %1").arg(1 + rng() % 6));
        return;
    }
    if (r < 80) {
        const QString session = d.sessions[int(rng() % unsigned(d.sessions.size()))];
        const int marks = 5 + int(rng() % 16);
        for (int i = 0; i < marks; ++i) {
            const QString person = c.people[int(rng() % unsigned(c.people.size()))];
            const QString status = kStatus[int(rng() % unsigned(kStatus.size()))];
            records::markAttendance(*d.store, session, person, status);
            d.marks[{session, person}] = status;
        }
    } else if (r < 92 || d.learners.empty()) {
        PersonInput in;
        in.fullName = randomName(rng);
        in.khu = QStringLiteral("Khu %1").arg(1 + rng() % 6);
        d.learners[records::addPerson(*d.store, in)] = false;
    } else {
        // A learner deleted, or brought back.
        auto it = d.learners.begin();
        std::advance(it, long(rng() % d.learners.size()));
        it->second = !it->second;
        d.store->write(QStringLiteral("people"), it->first, {{QStringLiteral("deleted"), it->second ? 1 : 0}});
    }
}

void Load::deviceLoop(Device &d)
{
    std::mt19937 rng(m_o.seed * 7919u + unsigned(d.index));
    try {
        if (!d.joined) {
            const qint64 start = nowMs();
            while (nowMs() - start < d.joinAtMs && !m_stopping)
                sleepMs(50);
            join(d);
        }
        const int think = d.role == Role::Viewer ? 3 * m_o.thinkMs : m_o.thinkMs;
        for (;;) {
            takeContests(d);
            if (m_stopping) {
                std::lock_guard<std::mutex> lock(d.inboxMutex);
                if (d.inbox.empty() && d.waiting.empty())
                    break;
            }
            if (d.retire && !d.readyToRevoke) {
                // Handed in: a last sync, then the office revokes it.
                syncUntilDone(d);
                d.readyToRevoke = true;
                while (!d.revoked && !m_stopping)
                    sleepMs(20);
                d.cursorAtRevocation = d.store->meta(MetaKey::PullCursor);
                continue;
            }
            if (d.revoked) {
                useRevoked(d, rng);
                sleepMs(think);
                continue;
            }
            if (d.role != Role::Viewer)
                act(d, rng);
            if (d.role == Role::Viewer || rng() % 10 < 6) {
                waitForContests(d);
                syncOnce(d);
            }
            for (int slept = 0; slept < think && !m_stopping; slept += 50)
                sleepMs(50);
        }
        waitForContests(d);
    } catch (const std::exception &e) {
        d.failure = QStringLiteral("stopped: ") + QString::fromUtf8(e.what());
        d.stopped = true;
        std::fprintf(stderr, "device %d %s\n", d.index, qPrintable(d.failure));
        d.joined = false;
    }
    d.link.reset(); // its network objects belong to this thread
}

void Load::postContest()
{
    const int c = int(m_rng() % unsigned(m_o.centres));
    Centre &centre = m_centres[size_t(c)];
    if (centre.nextContested >= centre.people.size())
        return;
    std::vector<int> eligible;
    for (auto &d : m_devices)
        if (d->centre == c && d->role != Role::Viewer && d->contests && d->joined)
            eligible.push_back(d->index);
    std::shuffle(eligible.begin(), eligible.end(), m_rng);
    const size_t k = std::min(eligible.size(), size_t(2 + m_rng() % 3));
    if (k < 2)
        return;
    Contest &contest = m_contestStore.emplace_back();
    contest.person = centre.people[centre.nextContested++];
    contest.devices.assign(eligible.begin(), eligible.begin() + long(k));
    for (size_t i = 0; i < k; ++i)
        contest.values.push_back(QStringLiteral("Tổ %1, khu %2").arg(i + 1).arg(centre.nextContested));
    contest.stamps.resize(k);
    centre.contests.push_back(&contest);
    for (int index : contest.devices) {
        Device &d = *m_devices[size_t(index)];
        std::lock_guard<std::mutex> lock(d.inboxMutex);
        d.inbox.push_back(&contest);
    }
}

void Load::injectFault(qint64 now)
{
    // Each kind in turn, so that every run with a few faults has had each of them.
    const int kind = m_faultsInjected++ % (m_o.restartPostgres.isEmpty() ? 3 : 4);
    if (kind == 3) {
        // PostgreSQL itself restarted under load: every server process loses its connection at once.
        const QStringList command = m_o.restartPostgres.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const clctest::Result r = clctest::run(command.front(), command.mid(1));
        if (r.code != 0)
            throw std::runtime_error("restarting PostgreSQL failed: " + r.err.toStdString());
        ++m_postgresRestarts;
    } else if (kind == 0) {
        // A server process killed (SIGKILL) and started again a moment later; on PostgreSQL the other serves on.
        const size_t p = m_rng() % m_servers.size();
        if (m_restartAt[p] == 0) {
            m_servers[p]->kill();
            m_restartAt[p] = now + 500 + qint64(m_rng() % 2500);
            ++m_serverKills;
        }
    } else if (kind == 1 && !m_proxies.empty()) {
        // The links through the proxy delayed, cut at random offsets either way, or reset, for a few seconds.
        static const clcload::LoadProxy::Mode modes[] = {clcload::LoadProxy::Mode::Delay, clcload::LoadProxy::Mode::CutRequest,
                                                          clcload::LoadProxy::Mode::CutResponse, clcload::LoadProxy::Mode::Reset};
        const auto mode = modes[m_rng() % 4];
        for (auto &proxy : m_proxies)
            proxy->mode = mode;
        m_proxyCalmAt = now + 1000 + qint64(m_rng() % 3000);
        ++m_proxyFaults;
    } else {
        // A tablet dies between its push and the answer, or between a pull page and its cursor.
        std::vector<Device *> tablets;
        for (auto &d : m_devices)
            if (d->role != Role::Viewer && d->joined && d.get() != m_revokee)
                tablets.push_back(d.get());
        if (!tablets.empty()) {
            tablets[m_rng() % tablets.size()]->crashNext = 1 + int(m_rng() % 2);
            ++m_deviceCrashes;
        }
    }
}

void Load::endFaults()
{
    for (auto &proxy : m_proxies)
        proxy->mode = clcload::LoadProxy::Mode::Pass;
    for (size_t p = 0; p < m_servers.size(); ++p)
        if (m_restartAt[p] != 0) {
            m_servers[p]->start();
            m_restartAt[p] = 0;
        }
}

bool Load::revokeIfReady()
{
    if (!m_revokee || !m_revokee->retire || m_revokee->revoked || !m_revokee->readyToRevoke)
        return false;
    std::lock_guard<std::mutex> lock(m_adminMutex);
    m_admin->revoke(m_revokee->id);
    m_revokee->revoked = true;
    return true;
}

void Load::spinEvents(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void Load::inPool(const std::vector<Device *> &devices, int threads, const std::function<void(Device &)> &fn)
{
    std::atomic<size_t> next{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            for (size_t i; (i = next++) < devices.size();)
                fn(*devices[i]);
        });
    for (auto &t : pool)
        t.join();
}

void Load::drive(qint64 startMs, qint64 endMs)
{
    const qint64 span = endMs - startMs;
    const qint64 contestsUntil = startMs + span * 8 / 10;
    qint64 nextContest = startMs + 1000, nextFault = startMs + 2000;
    while (nowMs() < endMs) {
        spinEvents(50);
        const qint64 now = nowMs();
        if (now >= nextContest && now < contestsUntil) {
            postContest();
            nextContest = now + 500 + qint64(m_rng() % 1500);
        }
        if (m_revokee && now >= startMs + span * 4 / 10)
            m_revokee->retire = true;
        revokeIfReady();
        if (m_o.faults) {
            for (size_t p = 0; p < m_servers.size(); ++p)
                if (m_restartAt[p] != 0 && now >= m_restartAt[p]) {
                    m_servers[p]->start();
                    m_restartAt[p] = 0;
                }
            if (m_proxyCalmAt != 0 && now >= m_proxyCalmAt) {
                for (auto &proxy : m_proxies)
                    proxy->mode = clcload::LoadProxy::Mode::Pass;
                m_proxyCalmAt = 0;
            }
            if (now >= nextFault && now < contestsUntil) {
                injectFault(now);
                nextFault = now + 2000 + qint64(m_rng() % 6000);
            }
        }
    }
    revokeIfReady(); // ready just as the run ended
}

void Load::useRevoked(Device &d, std::mt19937 &rng)
{
    // What it writes stays on it, and every sync is refused.
    const Centre &c = m_centres[size_t(d.centre)];
    if (d.afterRevocationSessions.isEmpty())
        d.afterRevocationSessions << records::addSession(*d.store, c.activity, QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral("T14:00"),
                                                         QStringLiteral("Nhà văn hoá khu 9"));
    records::markAttendance(*d.store, d.afterRevocationSessions.front(), c.people[int(rng() % unsigned(c.people.size()))], QStringLiteral("present"));
    if (syncOnce(d, false))
        ++d.acceptedAfterRevocation;
    else if (d.refusedAs == Error::Code::NotFound) // 401: the token is no longer valid
        ++d.refusedAfterRevocation;
}

void Load::converge()
{
    // On a slow machine the run may end before the tablet to revoke was handed in and revoked, or
    // before it tried to sync again: both happen now, so the checks on it always have something to judge.
    if (m_revokee && m_revokee->store && m_revokee->retire && !m_revokee->revoked) {
        std::vector<Device *> revokee{m_revokee};
        inPool(revokee, 1, [this](Device &d) {
            d.link.reset();
            syncUntilDone(d);
            d.link.reset();
            d.readyToRevoke = true;
        });
        if (revokeIfReady())
            m_revokee->cursorAtRevocation = m_revokee->store->meta(MetaKey::PullCursor);
    }
    if (m_revokee && m_revokee->revoked && m_revokee->acceptedAfterRevocation + m_revokee->refusedAfterRevocation == 0) {
        std::vector<Device *> revokee{m_revokee};
        inPool(revokee, 1, [this](Device &d) {
            d.link.reset();
            std::mt19937 rng(7);
            useRevoked(d, rng);
            d.link.reset();
        });
    }
    // Every device syncs until done, twice over: the first round sends everything, the second brings it.
    auto round = [this](Device &d) {
        try {
            syncUntilDone(d);
        } catch (const std::exception &e) {
            d.failure = QString::fromUtf8(e.what());
            expect(false, QStringLiteral("device %1 converges: %2").arg(d.index).arg(d.failure));
        }
        d.link.reset();
    };
    std::vector<Device *> active;
    for (auto &d : m_devices)
        if (d->store && d.get() != m_revokee)
            active.push_back(d.get());
    inPool(active, 8, round);
    inPool(active, 8, round);
    // A device of each role of each centre, enrolled now: the server's view of that scope.
    std::vector<Device *> auditors;
    for (int c = 0; c < m_o.centres; ++c)
        for (Role r : {Role::Coordinator, Role::Facilitator, Role::Viewer}) {
            auto a = std::make_unique<Device>();
            a->index = 100000 + c * 3 + int(r);
            a->centre = c;
            a->role = r;
            a->path = storePath(QStringLiteral("auditor-%1-%2.db").arg(c).arg(QLatin1String(roleName(r))));
            a->code = newCode(*a);
            auditors.push_back(a.get());
            m_auditors[{c, int(r)}] = std::move(a);
        }
    inPool(auditors, 4, [this](Device &a) {
        try {
            join(a);
        } catch (const std::exception &e) {
            expect(false, QStringLiteral("the server's view of a scope could be read: %1").arg(QString::fromUtf8(e.what())));
            a.store.reset();
        }
        a.link.reset();
    });
}

/// CPU time a process has used so far (user and system), in seconds.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK)) : 0;
}

qint64 peakRssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

int Load::check()
{
    int stopped = 0;
    for (auto &d : m_devices)
        if (d->stopped) {
            ++stopped;
            std::printf("        device %d: %s\n", d->index, qPrintable(d->failure));
        }
    expect(stopped == 0, QStringLiteral("no device stopped on an error (%1 did)").arg(stopped));

    // Each device holds what the server holds for its scope, and nothing waits or was refused.
    std::map<std::pair<int, int>, QByteArray> views;
    for (auto &[key, auditor] : m_auditors) {
        if (!auditor->store)
            return m_failures; // reported where it failed: nothing to compare with
        views[key] = exportJson(*auditor->store);
    }
    int differing = 0, waiting = 0, refused = 0, compared = 0;
    for (auto &d : m_devices) {
        if (!d->store || d.get() == m_revokee)
            continue;
        ++compared;
        waiting += int(d->store->pendingChanges());
        refused += int(d->store->refusalReasons().size());
        if (exportJson(*d->store) != views[{d->centre, int(d->role)}]) {
            if (differing == 0)
                std::printf("        device %d (%s) differs from the server's view of its scope\n", d->index, roleName(d->role));
            ++differing;
        }
    }
    expect(differing == 0 && compared == m_o.devices - (m_revokee ? 1 : 0),
           QStringLiteral("every device's canonical export equals the server's view of its scope (%1 devices, %2 differ)").arg(compared).arg(differing));
    expect(waiting == 0 && refused == 0, QStringLiteral("nothing waits on a device (%1) and nothing was refused (%2)").arg(waiting).arg(refused));

    // The server holds exactly what the devices wrote.
    qint64 marks = 0, learners = 0, wrongMarks = 0, wrongLearners = 0, missingSessions = 0, arrivedAfterRevocation = 0;
    qint64 contests = 0, contestEdits = 0, expectedConflicts = 0, foundConflicts = 0, wrongWinners = 0, extraRows = 0;
    for (int c = 0; c < m_o.centres; ++c) {
        Store &a = *m_auditors[{c, int(Role::Coordinator)}]->store;
        qint64 centreMarks = 0, centreLearners = 0, centreSessions = 0;
        for (auto &d : m_devices) {
            if (d->centre != c || !d->store)
                continue;
            for (const auto &[key, status] : d->marks) {
                const QString id = Store::naturalId(QStringLiteral("attendance"), key.first, key.second);
                if (!a.exists(QStringLiteral("attendance"), id) || a.value(QStringLiteral("attendance"), id, QStringLiteral("status")).toText() != status)
                    ++wrongMarks;
            }
            centreMarks += qint64(d->marks.size());
            for (const auto &[id, deleted] : d->learners)
                if (!a.exists(QStringLiteral("people"), id) || (a.value(QStringLiteral("people"), id, QStringLiteral("deleted")).toInt() != 0) != deleted)
                    ++wrongLearners;
            centreLearners += qint64(d->learners.size());
            for (const QString &s : d->sessions)
                missingSessions += a.exists(QStringLiteral("sessions"), s) ? 0 : 1;
            centreSessions += d->sessions.size(); // what was made after a revocation is not among them
            for (const QString &s : d->afterRevocationSessions)
                arrivedAfterRevocation += a.exists(QStringLiteral("sessions"), s) ? 1 : 0;
        }
        extraRows += std::abs(a.db().scalar(QStringLiteral("SELECT count(*) FROM attendance")).toInt() - centreMarks);
        extraRows += std::abs(a.db().scalar(QStringLiteral("SELECT count(*) FROM people")).toInt() - (m_o.seedPeople + centreLearners));
        extraRows += std::abs(a.db().scalar(QStringLiteral("SELECT count(*) FROM sessions")).toInt() - centreSessions);
        marks += centreMarks;
        learners += centreLearners;
        for (Contest *contest : m_centres[size_t(c)].contests) {
            ++contests;
            contestEdits += qint64(contest->devices.size());
            expectedConflicts += qint64(contest->devices.size()) - 1;
            const size_t best = size_t(std::max_element(contest->stamps.begin(), contest->stamps.end()) - contest->stamps.begin());
            if (a.value(QStringLiteral("people"), contest->person, QStringLiteral("khu")).toText() != contest->values[best])
                ++wrongWinners;
        }
        foundConflicts += a.db().scalar(QStringLiteral("SELECT count(*) FROM conflicts")).toInt();
    }
    expect(wrongMarks == 0, QStringLiteral("every mark is on the server with its last status (%1 marks, %2 missing or wrong)").arg(marks).arg(wrongMarks));
    expect(wrongLearners == 0, QStringLiteral("every new learner is on the server, deleted or brought back as last done (%1, %2 wrong)").arg(learners).arg(wrongLearners));
    expect(missingSessions == 0, QStringLiteral("every session made is on the server (%1 missing)").arg(missingSessions));
    expect(extraRows == 0, QStringLiteral("no row is doubled or invented: the server's counts of marks, people and sessions are the devices' (%1 off)").arg(extraRows));
    expect(foundConflicts == expectedConflicts && wrongWinners == 0,
           QStringLiteral("conflict records equal the concurrent same-field edits: %1 contests of %2 edits, %3 expected, %4 found, %5 wrong winners")
               .arg(contests).arg(contestEdits).arg(expectedConflicts).arg(foundConflicts).arg(wrongWinners));
    m_conflicts = foundConflicts;

    // No batch stored twice, by whichever process.
    static const QRegularExpression stored(QStringLiteral("device (\\S+) batch (\\d+) stored:"));
    std::map<std::pair<QString, qint64>, int> batches;
    for (auto &server : m_servers) {
        auto it = stored.globalMatch(server->log());
        while (it.hasNext()) {
            const auto m = it.next();
            ++batches[{m.captured(1), m.captured(2).toLongLong()}];
        }
    }
    qint64 twice = 0;
    for (const auto &[key, n] : batches)
        twice += n > 1 ? 1 : 0;
    m_batches = qint64(batches.size());
    expect(!batches.empty() && twice == 0, QStringLiteral("no batch was stored twice (%1 batches stored, %2 twice)").arg(batches.size()).arg(twice));

    // Every SQLite file is sound.
    int unsound = 0, files = 0;
    auto checkFile = [&](Database &db) {
        ++files;
        unsound += db.scalar(QStringLiteral("PRAGMA integrity_check")).toText() == QLatin1String("ok") ? 0 : 1;
    };
    for (auto &d : m_devices)
        if (d->store)
            checkFile(d->store->db());
    for (auto &[key, a] : m_auditors)
        checkFile(a->store->db());
    if (m_o.postgres.isEmpty()) {
        Database server(m_admin->sqlitePath());
        checkFile(server);
    }
    expect(unsound == 0, QStringLiteral("PRAGMA integrity_check is ok on every SQLite file (%1 files)").arg(files));

    int died = 0;
    for (auto &d : m_devices)
        died += d->crashes;
    m_deviceCrashes = died; // those that happened, not those armed
    if (m_o.faults)
        expect(m_serverKills > 0 && m_proxyFaults > 0 && m_deviceCrashes > 0 && (m_o.restartPostgres.isEmpty() || m_postgresRestarts > 0),
               QStringLiteral("every kind of fault was injected: %1 server kills, %2 PostgreSQL restarts, %3 proxy faults, %4 tablet deaths")
                   .arg(m_serverKills).arg(m_postgresRestarts).arg(m_proxyFaults).arg(m_deviceCrashes));
    if (m_revokee) {
        const Device &r = *m_revokee;
        expect(r.revoked, QStringLiteral("the tablet to revoke was revoked (a run too short ends before it)"));
        expect(r.revoked && r.acceptedAfterRevocation == 0 && r.refusedAfterRevocation > 0 && arrivedAfterRevocation == 0
                   && r.store->meta(MetaKey::PullCursor) == r.cursorAtRevocation,
               QStringLiteral("the revoked tablet was refused every sync after its revocation (%1 refused, %2 accepted) and nothing it wrote since arrived")
                   .arg(r.refusedAfterRevocation).arg(r.acceptedAfterRevocation));
    }
    return m_failures;
}

void Load::report(int failures)
{
    std::vector<double> push, pull, first;
    qint64 pushed = 0, pulled = 0, cuts = 0;
    int devices = 0;
    for (auto &d : m_devices) {
        if (!d->store)
            continue;
        ++devices;
        push.insert(push.end(), d->pushMs.begin(), d->pushMs.end());
        pull.insert(pull.end(), d->pullMs.begin(), d->pullMs.end());
        first.insert(first.end(), d->firstSyncMs.begin(), d->firstSyncMs.end());
        pushed += d->pushed;
        pulled += d->pulled;
        cuts += d->transportErrors;
    }
    const QString backend = m_o.postgres.isEmpty() ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    const qint64 loadKb = peakRssKb(QCoreApplication::applicationPid());
    std::printf("\n%s, %d server process(es), %d devices in %d centres, %.0f s of load%s\n", qPrintable(backend), int(m_servers.size()), devices,
                m_o.centres, m_loadSeconds, m_o.faults ? ", with faults" : "");
    std::printf("  changes pushed %lld (%.0f/s), pulled %lld (%.0f/s); %zu pushes, %zu pulls\n", (long long)pushed, double(pushed) / m_loadSeconds,
                (long long)pulled, double(pulled) / m_loadSeconds, push.size(), pull.size());
    std::printf("  push p50 %.1f ms, p99 %.1f ms; pull p50 %.1f ms, p99 %.1f ms; first sync of a joining device p50 %.0f ms (%zu)\n",
                percentile(push, 0.5), percentile(push, 0.99), percentile(pull, 0.5), percentile(pull, 0.99), percentile(first, 0.5), first.size());
    std::printf("  faults: %d server kills, %d PostgreSQL restarts, %d proxy faults (%lld exchanges cut), %d tablet deaths; %lld syncs interrupted\n", m_serverKills, m_postgresRestarts,
                m_proxyFaults, (long long)[&] {
                    qint64 n = 0;
                    for (auto &p : m_proxies)
                        n += p->cuts;
                    return n;
                }(),
                m_deviceCrashes, (long long)cuts);
    std::printf("  peak RSS: server %.0f MB (largest process), this program %.0f MB for all devices\n", double(m_serverPeakKb) / 1024,
                double(loadKb) / 1024);
    const double exchanges = double(push.size() + pull.size());
    const double cpuPerExchangeMs = exchanges > 0 ? 1000 * m_serverCpu / exchanges : 0.0;
    std::printf("  server CPU: %.1f s in %.0f s of load (%.2f cores), %.2f ms per push or pull answered\n", m_serverCpu, m_loadSeconds,
                m_serverCpu / m_loadSeconds, cpuPerExchangeMs);
    std::printf("  %s\n", failures == 0 ? "converged: nothing lost, nothing doubled" : "FAILED");
    auto figure = [](double value, const char *unit) { return QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("unit"), QLatin1String(unit)}}; };
    const QJsonObject json{
        {QStringLiteral("backend"), backend},
        {QStringLiteral("server_processes"), int(m_servers.size())},
        {QStringLiteral("devices"), devices},
        {QStringLiteral("centres"), m_o.centres},
        {QStringLiteral("faults"), m_o.faults},
        {QStringLiteral("load_seconds"), figure(m_loadSeconds, "s")},
        {QStringLiteral("changes_pushed"), figure(double(pushed), "changes")},
        {QStringLiteral("changes_pulled"), figure(double(pulled), "changes")},
        {QStringLiteral("push_throughput"), figure(double(pushed) / m_loadSeconds, "changes/s")},
        {QStringLiteral("pull_throughput"), figure(double(pulled) / m_loadSeconds, "changes/s")},
        {QStringLiteral("push_p50"), figure(percentile(push, 0.5), "ms")},
        {QStringLiteral("push_p99"), figure(percentile(push, 0.99), "ms")},
        {QStringLiteral("pull_p50"), figure(percentile(pull, 0.5), "ms")},
        {QStringLiteral("pull_p99"), figure(percentile(pull, 0.99), "ms")},
        {QStringLiteral("first_sync_p50"), figure(percentile(first, 0.5), "ms")},
        {QStringLiteral("batches_stored"), figure(double(m_batches), "batches")},
        {QStringLiteral("conflicts"), figure(double(m_conflicts), "records")},
        {QStringLiteral("server_kills"), m_serverKills},
        {QStringLiteral("postgres_restarts"), m_postgresRestarts},
        {QStringLiteral("proxy_faults"), m_proxyFaults},
        {QStringLiteral("tablet_deaths"), m_deviceCrashes},
        {QStringLiteral("syncs_interrupted"), double(cuts)},
        {QStringLiteral("rss_mb_server"), figure(double(m_serverPeakKb) / 1024, "MB")},
        {QStringLiteral("server_cpu_cores"), figure(m_serverCpu / m_loadSeconds, "cores")},
        {QStringLiteral("server_cpu_ms_per_exchange"), figure(cpuPerExchangeMs, "ms")},
        {QStringLiteral("rss_mb_load_program"), figure(double(loadKb) / 1024, "MB")},
        {QStringLiteral("failed_checks"), failures},
    };
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
}

int Load::run()
{
    if (!m_dir.isValid())
        throw std::runtime_error("no temporary directory");
    startServers();
    setUpCentres();
    std::atomic<int> done{0};
    std::vector<std::thread> threads;
    for (auto &d : m_devices)
        threads.emplace_back([this, &d, &done] {
            deviceLoop(*d);
            ++done;
        });
    const qint64 start = nowMs();
    try {
        drive(start, start + qint64(m_o.seconds * 1000));
    } catch (const std::exception &e) {
        // Reported as a failed check once the devices have stopped, never an abort with threads running.
        expect(false, QStringLiteral("the run's driver: %1").arg(QString::fromUtf8(e.what())));
    }
    m_stopping = true;
    // The devices finish what they started (the proxies still need this thread).
    while (done < int(threads.size()))
        spinEvents(50);
    for (auto &t : threads)
        t.join();
    m_loadSeconds = double(nowMs() - start) / 1000;
    endFaults();
    for (auto &server : m_servers) {
        m_serverPeakKb = std::max(m_serverPeakKb, peakRssKb(server->pid()));
        m_serverCpu += cpuSeconds(server->pid()); // a process killed by a fault took its figure with it
    }
    for (auto &d : m_devices)
        d->viaProxy = false;
    converge();
    const int failures = check();
    report(failures);
    for (auto &server : m_servers)
        server->terminate();
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // This program's own lines only (the servers' logs go to their files): no line per enrolment code or sync.
    QLoggingCategory::setFilterRules(QStringLiteral("clc.*.info=false\nclc.*.debug=false"));
    Options o;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto next = [&]() -> QString {
            if (i + 1 >= args.size()) {
                std::fprintf(stderr, "clc_load: %s needs a value\n", qPrintable(a));
                std::exit(2);
            }
            return args[++i];
        };
        if (a == QLatin1String("--devices"))
            o.devices = next().toInt();
        else if (a == QLatin1String("--centres"))
            o.centres = next().toInt();
        else if (a == QLatin1String("--seconds"))
            o.seconds = next().toDouble();
        else if (a == QLatin1String("--minutes"))
            o.seconds = next().toDouble() * 60;
        else if (a == QLatin1String("--postgres"))
            o.postgres = next();
        else if (a == QLatin1String("--processes"))
            o.processes = next().toInt();
        else if (a == QLatin1String("--faults"))
            o.faults = true;
        else if (a == QLatin1String("--seed"))
            o.seed = next().toUInt();
        else if (a == QLatin1String("--restart-postgres"))
            o.restartPostgres = next();
        else if (a == QLatin1String("--think-ms"))
            o.thinkMs = next().toInt();
        else {
            std::fprintf(stderr, "usage: clc_load [--devices N] [--centres N] [--seconds S | --minutes M] [--postgres CONNINFO [--processes P]] "
                                 "[--faults [--restart-postgres COMMAND]] [--seed N] [--think-ms MS]\n");
            return 2;
        }
    }
    if (o.devices < 2 * o.centres || o.centres < 1 || o.seconds <= 0) {
        std::fprintf(stderr, "clc_load: at least two devices per centre, one centre, and some time\n");
        return 2;
    }
    try {
        return Load(o).run();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "clc_load: %s\n", e.what());
        return 1;
    }
}
