#include "keyfilter.h"

#include <QHashFunctions>

namespace clc::sync {

namespace {
/// Spreads a 64-bit value over all its bits (MurmurHash3's finaliser).
quint64 mix(quint64 h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb93fe53b6ca9ULL;
    return h ^ (h >> 33);
}
} // namespace

std::pair<quint64, quint64> KeyFilter::hashes(const RecordKey &k) const
{
    // One hash of the row id, the centre's remembered (a push names one centre throughout), and the
    // table: probe i is h1 + i·h2 with h2 mixed from h1 (Kirsch and Mitzenmacher's double hashing
    // from one 64-bit hash). Hashing the texts twice, under two seeds, was a tenth of a push's merge.
    if (k.centre != m_centre || m_centre.isNull()) {
        m_centre = k.centre;
        m_centreHash = quint64(::qHash(k.centre, size_t(0x13198a2e03707344ULL)));
    }
    const quint64 h1 = quint64(::qHash(k.row, size_t(0x243f6a8885a308d3ULL))) ^ mix(m_centreHash + quint64(k.table));
    return {h1, mix(h1) | 1}; // odd: every probe differs
}

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
        return true; // never built: it knows nothing, so "maybe"
    auto [h, step] = hashes(key);
    for (int i = 0; i < Probes; ++i, h += step)
        if (!(m_words[(h & m_mask) >> 6] >> (h & 63) & 1))
            return false;
    return true;
}

} // namespace clc::sync
