#pragma once
// A Bloom filter of the row keys a server store holds (docs/sync.md#key-filter): it answers "not
// stored" for sure, or "maybe stored". The SQLite store asks it before looking a pushed row up, so a
// row new to the server costs no lookup.

#include "rowrecord.h"

#include <QtGlobal>
#include <vector>

namespace clc::sync {

/// Not thread-safe, not even its const members: it remembers the last centre's hash (a store's
/// filter is used under that store's lock).
class KeyFilter
{
public:
    /// Empty, sized for `capacity` keys at about one false "maybe" in a hundred.
    void reset(qint64 capacity);
    void add(const RecordKey &key);
    /// False only for a key never added since the last reset (true for a filter never reset).
    bool mayContain(const RecordKey &key) const;
    /// More keys than it was sized for: its "maybe" grows likelier (never wrong); time to rebuild it larger.
    bool overfull() const { return m_count > m_capacity; }
    qint64 count() const { return m_count; }
    qint64 bytes() const { return qint64(m_words.size() * sizeof(quint64)); }

private:
    std::pair<quint64, quint64> hashes(const RecordKey &key) const;

    static constexpr int Probes = 7;       // bits set per key
    static constexpr int BitsPerKey = 10;  // with 7 probes: about 1 % false "maybe" when full
    std::vector<quint64> m_words;
    quint64 m_mask = 0; // bit count - 1 (a power of two)
    qint64 m_count = 0, m_capacity = 0;
    mutable QString m_centre;
    mutable quint64 m_centreHash = 0;
};

} // namespace clc::sync
