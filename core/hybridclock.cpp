#include "hybridclock.h"

#include <QDateTime>
#include <algorithm>

namespace clc {

HybridClock::HybridClock(WallClock wall)
    : m_wall(wall ? std::move(wall) : WallClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
}

void HybridClock::restore(qint64 last) { m_last = std::max(m_last, last); }

// The next stamp is the larger of "the wall clock now" and "one tick after floor".
qint64 HybridClock::advance(qint64 floor)
{
    const qint64 wall = pack(std::max<qint64>(0, m_wall()), 0);
    qint64 next = floor + 1; // +1 in the counter; a full counter carries into the milliseconds
    m_last = std::max(wall, next);
    return m_last;
}

qint64 HybridClock::now() { return advance(m_last); }

qint64 HybridClock::observe(qint64 remote) { return advance(std::max(m_last, remote)); }

} // namespace clc
