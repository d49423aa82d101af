// How long the app's pages take to open, and how long they hold the GUI thread, on the demo scaled to
// a busy year (docs/performance.md):
//   build/tests/bench/bench_app [--people N] [--sessions N] [--marks N] [--save FILE]
// --save keeps the busy database (tests/bench/startup.sh starts the app on it).
#include "attendancemodel.h"
#include "conflictmodel.h"
#include "demodata.h"
#include "planmodel.h"
#include "records.h"
#include "registermodel.h"
#include "reports.h"
#include "schedulemodel.h"
#include "sessionlistmodel.h"
#include "store.h"
#include "storemanager.h"

#include "busyyear.h"
using clcbench::scaleDemo;

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <random>

using namespace clc;

namespace {
double ms(qint64 ns) { return double(ns) / 1e6; }

struct Timing
{
    double open = 0;  // request → answer applied
    double stall = 0; // the longest stretch the GUI thread could not run its event loop meanwhile
};

/// Starts an operation, then runs the event loop until the model has applied its answer, watching how
/// long the GUI thread is ever blocked (a 0 ms timer that notes the gaps between its runs).
Timing timeOpen(AsyncListModel &model, const std::function<void()> &start)
{
    QElapsedTimer clock;
    qint64 lastTick = 0, worst = 0;
    QTimer probe;
    probe.setInterval(0);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        worst = std::max(worst, now - lastTick);
        lastTick = now;
    });
    QEventLoop loop;
    const auto done = QObject::connect(&model, &AsyncListModel::loaded, &loop, &QEventLoop::quit);
    clock.start();
    probe.start();
    start(); // on the GUI thread, like a tap
    worst = std::max(worst, clock.nsecsElapsed());
    lastTick = clock.nsecsElapsed();
    if (model.loading())
        loop.exec();
    const qint64 total = clock.nsecsElapsed();
    worst = std::max(worst, total - lastTick);
    QObject::disconnect(done);
    return {ms(total), ms(worst)};
}

Timing median(int n, const std::function<Timing(int)> &f)
{
    std::vector<double> open, stall;
    for (int i = 0; i < n; ++i) {
        const Timing t = f(i);
        open.push_back(t.open);
        stall.push_back(t.stall);
    }
    std::sort(open.begin(), open.end());
    std::sort(stall.begin(), stall.end());
    return {open[open.size() / 2], stall.back()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int people = 3000, sessions = 400, marks = 60000;
    QString save;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--people"))
            people = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--sessions"))
            sessions = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--marks"))
            marks = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--save"))
            save = args[i + 1];
    }
    QTemporaryDir dir;
    const QString path = save.isEmpty() ? dir.filePath(QStringLiteral("busy.db")) : save;
    QFile::remove(path);
    auto store = std::make_unique<Store>(path);
    loadDemo(*store);
    scaleDemo(*store, people, sessions, marks);
    store->db().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const QString year = store->db().scalar(QStringLiteral("SELECT max(school_year) FROM plans")).toText();
    QStringList sessionIds;
    {
        auto st = store->db().prepare(QStringLiteral("SELECT s.id FROM sessions s ORDER BY (SELECT count(*) FROM attendance m WHERE m.session_id = s.id) DESC LIMIT 2"));
        while (st.step())
            sessionIds << st.text(0);
    }
    const QString activity = store->value(QStringLiteral("sessions"), sessionIds[0], QStringLiteral("activity_id")).toText();
    StoreManager manager(std::move(store));
    StoreManager::setInstance(&manager);
    std::printf("data: %d people, %d sessions, %d marks\n", people, sessions, marks);
    std::printf("%-44s %10s %16s\n", "page (median of runs)", "open ms", "worst GUI stall");
    auto row = [](const char *what, const Timing &t) { std::printf("%-44s %10.1f %16.1f\n", what, t.open, t.stall); };

    ScheduleModel schedule;
    timeOpen(schedule, [] {});
    row("schedule: switch month", median(21, [&](int i) {
            return timeOpen(schedule, [&] { schedule.setMonth(i % 2 ? QStringLiteral("2017-11") : QStringLiteral("2018-03")); });
        }));
    SessionListModel activityPane;
    activityPane.setActivityId(activity);
    row("activity: its sessions and counts", median(11, [&](int) { return timeOpen(activityPane, [&] { activityPane.reload(); }); }));
    AttendanceModel sheet;
    row("attendance sheet: open a session", median(11, [&](int i) {
            return timeOpen(sheet, [&] { sheet.setSessionId(sessionIds[i % sessionIds.size()]); });
        }));
    std::printf("  (%d rows on the sheet)\n", sheet.rowCount());
    std::vector<double> taps;
    for (int i = 0; i < 201; ++i) {
        QElapsedTimer t;
        t.start();
        sheet.cycle(i % std::max(1, sheet.rowCount())); // on the GUI thread: one row, its own transaction
        taps.push_back(ms(t.nsecsElapsed()));
        QCoreApplication::processEvents();
    }
    std::sort(taps.begin(), taps.end());
    std::printf("%-44s %10.2f %16.2f\n", "one tap: mark written + row updated (GUI)", taps[taps.size() / 2], taps.back());
    RegisterModel learners;
    row("learners: the register", median(11, [&](int) { return timeOpen(learners, [&] { learners.reload(); }); }));
    PlanModel plan;
    row("plan: targets and year figures", median(7, [&](int) { return timeOpen(plan, [&] { plan.reload(); }); }));
    ConflictModel conflicts;
    row("sync: kept conflicts", median(11, [&](int) { return timeOpen(conflicts, [&] { conflicts.reload(); }); }));
    {
        std::vector<double> v;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer t;
            t.start();
            reports::yearFigures(manager.store(), year);
            v.push_back(ms(t.nsecsElapsed()));
        }
        std::sort(v.begin(), v.end());
        std::printf("  of which reports::yearFigures alone: %.1f ms\n", v[v.size() / 2]);
    }
    StoreManager::setInstance(nullptr);
    return 0;
}
