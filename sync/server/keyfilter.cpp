#include "keyfilter.h"

#include <QHashFunctions>

namespace clc::sync {

namespace {
// Two hashes of the key under different seeds (each part hashed with the seed: qHashMulti would
// hash the parts unseeded); probe i is h1 + i·h2 (Kirsch and Mitzenmacher's double hashing).
quint64 hashOf(const RecordKey &k, size_t seed)
{
    return quint64(::qHash(k.row, seed)) ^ (quint64(::qHash(k.centre, seed ^ 0x5bd1e995)) * 0x9e3779b97f4a7c15ULL)
        ^ (quint64(::qHash(k.table, seed)) * 0xc2b2ae3d27d4eb4fULL);
}

std::pair<quint64, quint64> hashes(const RecordKey &k)
{
    return {hashOf(k, size_t(0x243f6a8885a308d3ULL)), hashOf(k, size_t(0x13198a2e03707344ULL)) | 1}; // odd: every probe differs
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
        return true; // never built: it knows nothing, so "maybe"
    auto [h, step] = hashes(key);
    for (int i = 0; i < Probes; ++i, h += step)
        if (!(m_words[(h & m_mask) >> 6] >> (h & 63) & 1))
            return false;
    return true;
}

} // namespace clc::sync
