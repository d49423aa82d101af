#pragma once
// The demo scaled to a busy year (3,000 people, 400 sessions, 60,000 marks by default), shared by the
// benchmarks (docs/performance.md). Deterministic: the same data every run.
#include "database.h"
#include "records.h"
#include "store.h"

#include <QStringList>
#include <random>

namespace clcbench {

/// After loadDemo: more residents in the demo's groups, more sessions, more marks.
inline void scaleDemo(clc::Store &store, int people, int sessions, int marks)
{
    // The demo, scaled: more residents in the demo's groups, more sessions, more marks.
    std::mt19937 rng(7);
    clc::Transaction tx(store.db());
    QStringList groups;
    {
        auto st = store.db().prepare(QStringLiteral("SELECT name FROM learner_groups WHERE everyone = 0"));
        while (st.step())
            groups << st.text(0);
    }
    QStringList personIds;
    for (int i = 300; i < people; ++i)
        personIds << clc::records::addPerson(store, clc::PersonInput{QStringLiteral("Người dân số %1").arg(i), QStringLiteral("f"), 1950 + int(rng() % 50),
                                                           QStringLiteral("Khu %1").arg(rng() % 9 + 1), {}, {}, {groups[int(rng() % groups.size())]}});
    const auto acts = clc::records::activities(store);
    QStringList sessionIds;
    for (int i = 42; i < sessions; ++i)
        sessionIds << clc::records::addSession(store, acts[size_t(i) % acts.size()].id, QStringLiteral("2018-0%1-15T08:00").arg(1 + i % 8),
                                          QStringLiteral("Nhà văn hoá"));
    for (int i = 1700; i < marks && !sessionIds.isEmpty() && !personIds.isEmpty(); ++i)
        clc::records::markAttendance(store, sessionIds[int(rng() % sessionIds.size())], personIds[int(rng() % personIds.size())], QStringLiteral("present"));
    tx.commit();
}

} // namespace clcbench
