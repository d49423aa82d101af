// How long the app's models hold the GUI thread, on the demo scaled to a busy year
// (docs/performance.md):  build/tests/bench/bench_app [people] [sessions] [marks]
#include "attendancemodel.h"
#include "demodata.h"
#include "planmodel.h"
#include "records.h"
#include "schedulemodel.h"
#include "store.h"
#include "storemanager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <random>

using namespace clc;

namespace {
double ms(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

template<typename F>
double median(int n, F f)
{
    std::vector<double> v;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        f(i);
        v.push_back(ms(t));
    }
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int people = argc > 1 ? atoi(argv[1]) : 3000;
    const int sessions = argc > 2 ? atoi(argv[2]) : 400;
    const int marks = argc > 3 ? atoi(argv[3]) : 60000;
    QTemporaryDir dir;
    auto store = std::make_unique<Store>(dir.filePath(QStringLiteral("busy.db")));
    loadDemo(*store);
    {
        // Scale the demo: more residents in the demo's groups, more sessions, more marks.
        std::mt19937 rng(7);
        Transaction tx(store->db());
        const auto groups = [&] {
            QStringList g;
            auto st = store->db().prepare(QStringLiteral("SELECT name FROM learner_groups WHERE everyone = 0"));
            while (st.step())
                g << st.text(0);
            return g;
        }();
        QStringList personIds;
        for (int i = 300; i < people; ++i)
            personIds << records::addPerson(*store, PersonInput{QStringLiteral("Người dân số %1").arg(i), QStringLiteral("f"), 1950 + int(rng() % 50),
                                                                QStringLiteral("Khu %1").arg(rng() % 9 + 1), {}, {}, {groups[int(rng() % groups.size())]}});
        const auto acts = records::activities(*store);
        QStringList sessionIds;
        for (int i = 42; i < sessions; ++i)
            sessionIds << records::addSession(*store, acts[size_t(i) % acts.size()].id, QStringLiteral("2018-0%1-15T08:00").arg(1 + i % 8), QStringLiteral("Nhà văn hoá"));
        for (int i = 1700; i < marks && !sessionIds.isEmpty(); ++i)
            records::markAttendance(*store, sessionIds[int(rng() % sessionIds.size())], personIds[int(rng() % personIds.size())], QStringLiteral("present"));
        tx.commit();
    }
    const QString session = store->db().scalar(QStringLiteral("SELECT id FROM sessions ORDER BY starts_at LIMIT 1")).toText();
    StoreManager manager(std::move(store));
    StoreManager::setInstance(&manager);

    ScheduleModel schedule;
    const double scheduleMs = median(21, [&](int i) { schedule.setMonth(i % 2 ? QStringLiteral("2017-11") : QStringLiteral("2018-03")); });
    AttendanceModel sheet;
    sheet.setSessionId(session);
    const double attendanceMs = median(11, [&](int) { sheet.reload(); });
    const double tapMs = median(201, [&](int i) { sheet.cycle(i % std::max(1, sheet.rowCount())); });
    const QString activity = manager.store().value(QStringLiteral("sessions"), session, QStringLiteral("activity_id")).toText();
    const double expectedMs = median(11, [&](int) { records::expectedPeople(manager.store(), activity); });
    const double peopleMs = median(11, [&](int) { records::findPeople(manager.store(), QString()); });
    const double marksMs = median(11, [&](int) { records::sessionMarks(manager.store(), session); });
    std::printf("  of which: expected people %.1f ms, all people sorted %.1f ms, marks %.1f ms\n", expectedMs, peopleMs, marksMs);
    PlanModel plan;
    const double planMs = median(5, [&](int) { plan.reload(); });
    std::printf("data: %d people, %d sessions, %d marks\n", people, sessions, marks);
    std::printf("schedule month switch (GUI thread)     median %.1f ms\n", scheduleMs);
    std::printf("attendance sheet load (GUI thread)     median %.1f ms (%d rows)\n", attendanceMs, sheet.rowCount());
    std::printf("one tap: mark written + row updated    median %.2f ms\n", tapMs);
    std::printf("plan page: targets computed (GUI)      median %.1f ms\n", planMs);
    StoreManager::setInstance(nullptr);
    return 0;
}
