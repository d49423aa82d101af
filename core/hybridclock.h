#pragma once
// Hybrid logical clock: 48 bits of wall-clock milliseconds, 16 bits of counter, packed in one int64 so
// that stamps compare as integers. Rule (docs/architecture.md#clock): a new stamp is strictly greater
// than every stamp this clock has issued or observed, and tracks the wall clock when it can.
#include <QtGlobal>
#include <functional>

namespace clc {

class HybridClock
{
public:
    /// Milliseconds since the Unix epoch; injected so tests can step the wall clock back.
    using WallClock = std::function<qint64()>;

    explicit HybridClock(WallClock wall = {});

    static qint64 pack(qint64 millis, int counter) { return (millis << 16) | (counter & 0xFFFF); }
    static qint64 millis(qint64 stamp) { return stamp >> 16; }
    static int counter(qint64 stamp) { return int(stamp & 0xFFFF); }

    /// Restores the last issued stamp (from the database) so stamps never go back across restarts.
    void restore(qint64 last);
    qint64 last() const { return m_last; }
    qint64 wallMillis() const { return m_wall(); }

    /// A stamp for a local event.
    qint64 now();
    /// Takes a stamp seen on a remote change into account; returns the clock's new value.
    qint64 observe(qint64 remote);

private:
    qint64 advance(qint64 floor);
    WallClock m_wall;
    qint64 m_last = 0;
};

} // namespace clc
