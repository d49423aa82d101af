#include "keyfilter.h"

#include <QHashFunctions>

namespace clc::sync {

namespace {
// Two independent hashes of the key; probe i is h1 + i·h2 (Kirsch and Mitzenmacher's double hashing).
std::pair<quint64, quint64> hashes(const RecordKey &k)
{
    const quint64 h1 = qHashMulti(size_t(0x9e3779b97f4a7c15ULL), k.centre, k.table, k.row);
    const quint64 h2 = qHashMulti(size_t(0xc2b2ae3d27d4eb4fULL), k.row, k.table, k.centre) | 1; // odd: every probe differs
    return {h1, h2};
}
} // namespace

void KeyFilter::reset(qint64 capacity)
{
    m_capacity = std::max<qint64>(capacity, 1024);
    quint64 bits = 64;
    while (bits < quint64(m_capacity) * BitsPerKey)
        bits <<= 1;
    m_words.assign(bits / 64, 0);
    m_mask = bits - 1;
    m_count = 0;
}

void KeyFilter::add(const RecordKey &key)
{
    if (m_words.empty())
        reset(0);
    auto [h, step] = hashes(key);
    for (int i = 0; i < Probes; ++i, h += step)
        m_words[(h & m_mask) >> 6] |= quint64(1) << (h & 63);
    ++m_count;
}

bool KeyFilter::mayContain(const RecordKey &key) const
{
    if (m_words.empty())
        return false;
    auto [h, step] = hashes(key);
    for (int i = 0; i < Probes; ++i, h += step)
        if (!(m_words[(h & m_mask) >> 6] >> (h & 63) & 1))
            return false;
    return true;
}

} // namespace clc::sync
