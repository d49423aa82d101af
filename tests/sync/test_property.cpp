// Property tests: random histories on 2–5 replicas with random partial syncs, faults and orders must
// converge to byte-identical replicas. Each run is reproducible from its seed (printed on failure);
// CLC_PROPERTY_SEEDS=N runs more seeds.
#include "conflicts.h"
#include "error.h"
#include "records.h"
#include "schema.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

int seedCount(int fallback)
{
    const int n = qEnvironmentVariableIntValue("CLC_PROPERTY_SEEDS");
    return n > 0 ? n : fallback;
}

QStringList ids(Store &s, const char *table)
{
    QStringList out;
    auto st = s.db().prepare(QStringLiteral("SELECT id FROM %1 WHERE centre_id IS NOT NULL ORDER BY id").arg(QLatin1String(table)));
    while (st.step())
        out << st.text(0);
    return out;
}

template<typename T>
const T &pick(std::mt19937 &rng, const QList<T> &list) { return list[int(rng() % unsigned(list.size()))]; }

// One random user action on a replica.
void randomEdit(std::mt19937 &rng, Store &s)
{
    static const QStringList names{QStringLiteral("Nguyễn Văn An"), QStringLiteral("Trần Thị Bình"), QStringLiteral("Lê Hoà"),
                                   QStringLiteral("Đỗ Thuỷ"), QStringLiteral("Phạm Đức"), QStringLiteral("Vũ Thị Lan")};
    static const QStringList places{QStringLiteral("Nhà văn hoá khu 1"), QStringLiteral("Nhà văn hoá khu 2"), QStringLiteral("Hội trường")};
    static const QStringList statuses{QStringLiteral("present"), QStringLiteral("late"), QStringLiteral("excused"), QStringLiteral("absent")};
    const QStringList people = ids(s, "people");
    const QStringList sessions = ids(s, "sessions");
    const QStringList activities = ids(s, "activities");
    switch (rng() % 9) {
    case 0:
        records::addPerson(s, PersonInput{pick(rng, names), QString(), 1940 + int(rng() % 60), QStringLiteral("Khu %1").arg(rng() % 9 + 1)});
        return;
    case 1:
        if (activities.isEmpty() || rng() % 3 == 0) {
            records::addActivity(s, ActivityInput{QStringLiteral("2018-0%1").arg(rng() % 9 + 1), QStringLiteral("Hoạt động %1").arg(rng() % 100)});
        } else {
            records::addSession(s, pick(rng, activities), QStringLiteral("2018-03-%1T08:00").arg(10 + rng() % 18), pick(rng, places));
        }
        return;
    case 2:
    case 3:
        if (!people.isEmpty())
            s.write(QStringLiteral("people"), pick(rng, people),
                    {{rng() % 2 ? QStringLiteral("khu") : QStringLiteral("full_name"),
                      rng() % 2 ? QStringLiteral("Khu %1").arg(rng() % 9 + 1) : pick(rng, names)}});
        return;
    case 4:
        if (!people.isEmpty())
            s.write(QStringLiteral("people"), pick(rng, people), {{QStringLiteral("deleted"), qint64(rng() % 2)}}); // delete or undo
        return;
    case 5:
        if (!sessions.isEmpty())
            s.write(QStringLiteral("sessions"), pick(rng, sessions), {{QStringLiteral("place"), pick(rng, places)}});
        return;
    default:
        if (!sessions.isEmpty() && !people.isEmpty())
            records::markAttendance(s, pick(rng, sessions), pick(rng, people), pick(rng, statuses)); // mark or re-mark
        return;
    }
}

} // namespace

TEST_CASE("random histories with partial syncs, lost acknowledgements, replays and crashes converge", "[sync][property]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    const int seeds = seedCount(12);
    for (int seed = 1; seed <= seeds; ++seed) {
        INFO("seed " << seed << " (rerun: CLC_PROPERTY_SEEDS=" << seed << ")");
        std::mt19937 rng{unsigned(seed)};
        TempDir dir;
        World world(dir, backend);
        const int n = 2 + int(rng() % 4);
        std::vector<ManualClock> clocks(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) {
            *clocks[size_t(i)].ms = *world.clock.ms + qint64(rng() % 5000) - 2500; // devices disagree a little
            world.add(Role::Coordinator, &clocks[size_t(i)]);
        }
        const Faults faults{10, 15, 10};
        for (int step = 0; step < 120; ++step) {
            Replica &r = *world.replicas[rng() % unsigned(n)];
            for (auto &c : clocks)
                *c.ms += qint64(rng() % 50);
            if (rng() % 8 == 0)
                *clocks[rng() % unsigned(n)].ms -= qint64(rng() % 2000); // a wall clock steps back
            const unsigned action = rng() % 10;
            if (action < 6) {
                try {
                    randomEdit(rng, *r.store);
                } catch (const Error &) {
                    // Refused (e.g. marking someone deleted meanwhile): refused edits write nothing.
                }
                continue;
            }
            LoopbackTransport t(*world.service, r.device, &rng, faults);
            SyncSession session(*r.store, t, 1 + int(rng() % 20), 1 + int(rng() % 30));
            if (rng() % 10 == 0) {
                int pages = 0;
                const int crashAt = 1 + int(rng() % 3);
                session.beforePageCommit = [&pages, crashAt] {
                    if (++pages == crashAt)
                        throw TransportError("killed between applying a page and saving its cursor");
                };
            }
            SyncSummary sum;
            try {
                if (action < 8)
                    session.pushAll(sum);
                else
                    session.pullAll(sum);
            } catch (const TransportError &) {
                // The connection dropped or the process died: the next sync resumes.
            }
        }
        world.syncAll();
        const QByteArray first = canonical(*world.replicas.front()->store);
        for (auto &r : world.replicas) {
            CHECK(r->store->db().scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt() == 0); // none pending, none refused
            CHECK(difference(canonical(*r->store), first) == "");
        }
        CHECK(world.serverStore->appliedTwice == 0);
        // Every kept conflict names a real losing edit that is not the field's current version.
        Store &s = *world.replicas.front()->store;
        for (const ConflictRow &c : listConflicts(s, true)) {
            const TableDef *t = table(c.table);
            REQUIRE(t);
            const auto current = s.fieldVersion(*t, c.row, t->fieldCode(c.field));
            REQUIRE(current);
            CHECK(current->replica + QString::number(current->hlc) != c.lostReplica + QString::number(c.lostAtMs));
        }
    }
}

TEST_CASE("k devices editing one field from the same state leave k-1 conflicts and the greatest version wins", "[sync][property]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    const int seeds = seedCount(12);
    for (int seed = 1; seed <= seeds; ++seed) {
        INFO("seed " << seed);
        std::mt19937 rng{unsigned(1000 + seed)};
        TempDir dir;
        World world(dir, backend);
        const int n = 2 + int(rng() % 4);
        for (int i = 0; i < n; ++i)
            world.add();
        const QString person = records::addPerson(*world.replicas[0]->store, PersonInput{QStringLiteral("Ngô Minh Bình")});
        world.syncAll();
        std::vector<QString> values;
        std::vector<Version> stamps;
        const TableDef *people = table(QStringLiteral("people"));
        for (int i = 0; i < n; ++i) {
            *world.clock.ms += qint64(rng() % 3);
            values.push_back(QStringLiteral("Khu %1").arg(i + 1));
            Store &s = *world.replicas[size_t(i)]->store;
            s.write(QStringLiteral("people"), person, {{QStringLiteral("khu"), values.back()}});
            stamps.push_back(*s.fieldVersion(*people, person, people->fieldCode(QStringLiteral("khu"))));
        }
        // Random order of pushes and pulls, with faults, then a full round.
        for (int step = 0; step < 3 * n; ++step) {
            Replica &r = *world.replicas[rng() % unsigned(n)];
            try {
                world.sync(r, &rng, Faults{15, 20, 15});
            } catch (const TransportError &) {
            }
        }
        world.syncAll();
        const int bestIndex = int(std::max_element(stamps.begin(), stamps.end()) - stamps.begin());
        for (auto &r : world.replicas) {
            CHECK(r->store->value(QStringLiteral("people"), person, QStringLiteral("khu")).toText() == values[size_t(bestIndex)]);
            CHECK(r->store->db().scalar(QStringLiteral("SELECT count(*) FROM conflicts WHERE row_id = '%1' AND field = 'khu'").arg(person)).toInt() == n - 1);
            CHECK(difference(canonical(*r->store), canonical(*world.replicas.front()->store)) == "");
        }
        CHECK(world.serverStore->appliedTwice == 0);
    }
}
