#include "fairness.h"

#include <algorithm>
#include <cmath>

namespace clc::sync {

int FairLock::lock(bool heavy)
{
    std::unique_lock lock(m_mutex);
    const quint64 ticket = m_next++;
    const int ahead = int(m_heavyAsked - m_heavyDone);
    if (heavy)
        ++m_heavyAsked;
    m_turn.wait(lock, [&] { return m_serving == ticket; });
    return ahead;
}

void FairLock::unlock(bool heavy)
{
    {
        std::lock_guard lock(m_mutex);
        ++m_serving;
        if (heavy)
            ++m_heavyDone;
    }
    m_turn.notify_all();
}

int DeviceBudget::admit(const QString &device, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    auto it = m_states.find(device);
    if (it == m_states.end()) {
        if (m_states.size() >= MaxTracked) {
            // Forget devices with nothing in flight: a forgotten device starts with a full bucket,
            // which is all it could have refilled to.
            for (auto i = m_states.begin(); i != m_states.end();)
                i = i->inFlight == 0 ? m_states.erase(i) : std::next(i);
        }
        it = m_states.insert(device, State{0, m_limits.burst, nowMs});
    }
    State &s = *it;
    s.tokens = std::min(m_limits.burst, s.tokens + double(std::max<qint64>(0, nowMs - s.atMs)) * m_limits.perSecond / 1000.0);
    s.atMs = std::max(s.atMs, nowMs);
    if (s.inFlight >= m_limits.inFlight)
        return 1; // one of its requests will be answered soon
    if (s.tokens < 1.0)
        return std::max(1, int(std::ceil((1.0 - s.tokens) / m_limits.perSecond)));
    s.tokens -= 1.0;
    ++s.inFlight;
    return 0;
}

void DeviceBudget::done(const QString &device)
{
    std::lock_guard lock(m_mutex);
    if (auto it = m_states.find(device); it != m_states.end() && it->inFlight > 0)
        --it->inFlight;
}

} // namespace clc::sync
