#pragma once
// Sharing one server between devices (docs/security.md#fairness). A process has one store
// connection, so requests take turns on it: FairLock hands out turns first come, first served, and
// DeviceBudget keeps any one device from queueing many requests or sending them without pause. A
// device over its budget is answered 429 with Retry-After before it waits for a turn; the client
// waits that long and sends again (HttpTransport).
#include <QHash>
#include <QString>
#include <condition_variable>
#include <mutex>

namespace clc::sync {

/// A ticket lock: turns in the order they were asked for (std::mutex promises no order, so a device
/// with many connections could win the store again and again).
class FairLock
{
public:
    /// Blocks until it is the caller's turn. heavy marks a push or pull (a turn that may take long);
    /// returns how many heavy turns were ahead of this one when it was asked for.
    int lock(bool heavy);
    void unlock(bool heavy);

    /// Holds a turn for a scope.
    class Turn
    {
    public:
        Turn(FairLock &lock, bool heavy) : m_lock(lock), m_heavy(heavy), m_ahead(lock.lock(heavy)) {}
        ~Turn() { m_lock.unlock(m_heavy); }
        Turn(const Turn &) = delete;
        Turn &operator=(const Turn &) = delete;
        int ahead() const { return m_ahead; }

    private:
        FairLock &m_lock;
        bool m_heavy;
        int m_ahead;
    };

private:
    std::mutex m_mutex;
    std::condition_variable m_turn;
    quint64 m_next = 0, m_serving = 0;
    quint64 m_heavyAsked = 0, m_heavyDone = 0;
};

/// What one device may ask of a server process.
struct DeviceLimits
{
    int inFlight = 1;          ///< pushes and pulls of one device being answered or waiting at once
    double perSecond = 50;     ///< requests per second, on average...
    double burst = 500;        ///< ...with this many at once (a first sync of a busy year pulls ~100 pages)
};

/// Per-device admission: at most inFlight requests at once and a token bucket of requests.
class DeviceBudget
{
public:
    explicit DeviceBudget(DeviceLimits limits = {}) : m_limits(limits) {}
    /// 0 if the device may go on (then call done() when answered); else the seconds it should wait.
    int admit(const QString &device, qint64 nowMs);
    void done(const QString &device);
    const DeviceLimits &limits() const { return m_limits; }

    static constexpr int MaxTracked = 20000; ///< devices remembered; idle ones with a full bucket go first

private:
    struct State
    {
        int inFlight = 0;
        double tokens = 0;
        qint64 atMs = 0;
    };
    DeviceLimits m_limits;
    std::mutex m_mutex;
    QHash<QString, State> m_states;
};

} // namespace clc::sync
