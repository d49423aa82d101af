#include "attendancemodel.h"

#include <QFile>
#include "merge.h"
#include "schema.h"
#include "demodata.h"
#include "records.h"
#include "storemanager.h"
#include "testsupport.h"
#include "apptestsupport.h"
#include "vietnamese.h"

#include <QAbstractItemModelTester>
#include <QThread>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;


TEST_CASE("a session whose attendance is not taken shows no marks, and taps cycle and persist at once", "[app][attendance]")
{
    Demo d;
    AttendanceModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setSessionId(d.session);
    CHECK(m.rowCount() == 0); // nothing tappable until the sheet is read
    REQUIRE(loaded(m));
    REQUIRE(m.rowCount() > 0);
    CHECK_FALSE(m.taken());
    CHECK(m.presentCount() == 0);
    CHECK(m.data(m.index(0), AttendanceModel::StatusRole).toInt() == AttendanceModel::NotMarked);
    const QString person = m.data(m.index(0), AttendanceModel::PersonIdRole).toString();

    const QStringList expected{QStringLiteral("present"), QStringLiteral("late"), QStringLiteral("excused"), QStringLiteral("absent"), QStringLiteral("present")};
    for (const QString &status : expected) {
        m.cycle(0);
        CHECK(d.statusInDb(person) == status); // written before the screen changed
    }
    CHECK(m.taken());
    CHECK(m.presentCount() == 1);
    // A new sheet (as after the app was killed) reads the same.
    AttendanceModel again;
    again.setSessionId(d.session);
    REQUIRE(loaded(again));
    CHECK(again.data(again.index(0), AttendanceModel::StatusRole).toInt() == AttendanceModel::Present);
    // Undo walks back, down to no mark at all.
    for (int i = 0; i < 5; ++i)
        m.undo();
    CHECK(d.statusInDb(person).isEmpty());
    CHECK_FALSE(m.canUndo());
    CHECK_FALSE(m.taken());
}

TEST_CASE("the attendance search ignores diacritics and case and lists by given name", "[app][attendance]")
{
    Demo d;
    AttendanceModel m;
    m.setSessionId(d.session);
    REQUIRE(loaded(m));
    QStringList names;
    for (int i = 0; i < m.rowCount(); ++i)
        names << m.data(m.index(i), AttendanceModel::NameRole).toString();
    QStringList sorted = names;
    std::stable_sort(sorted.begin(), sorted.end(), vn::NameOrder());
    CHECK(names == sorted);
    const QString someone = names.at(names.size() / 2);
    m.setFilter(vn::fold(someone).toUpper());
    REQUIRE(m.rowCount() >= 1);
    CHECK(m.data(m.index(0), AttendanceModel::NameRole).toString() == someone);
    m.setFilter(QStringLiteral("zzzz"));
    CHECK(m.rowCount() == 0);
    m.setFilter(QString());
    CHECK(m.rowCount() == names.size());
}

TEST_CASE("a walk-in is added to the register and marked present, a headcount is stored", "[app][attendance]")
{
    Demo d;
    AttendanceModel m;
    m.setSessionId(d.session);
    REQUIRE(loaded(m));
    const int before = m.rowCount();
    REQUIRE(m.addWalkIn(QStringLiteral("Đinh Thị Mới"), QStringLiteral("f"), QStringLiteral("1990"), QStringLiteral("Khu 4")));
    REQUIRE(loaded(m));
    CHECK(m.rowCount() == before + 1);
    CHECK(m.presentCount() == 1);
    CHECK_FALSE(m.addWalkIn(QString(), QString(), QString(), QString()));
    CHECK_FALSE(m.lastError().isEmpty());
    m.setHeadcount(35);
    AttendanceModel again;
    again.setSessionId(d.session);
    REQUIRE(loaded(again));
    CHECK(again.headcount() == 35);
    CHECK(again.taken());
}

TEST_CASE("each mark shows its own sync state, and the sheet shows who recorded it and when", "[app][attendance][sync]")
{
    Demo d;
    Store &s = d.store();
    s.setMeta(QStringLiteral("device_name"), QStringLiteral("Máy tính bảng khu 3"));
    AttendanceModel m;
    m.setSessionId(d.session);
    REQUIRE(loaded(m));
    CHECK(m.recordedText().isEmpty()); // nothing recorded yet: no name, no time
    CHECK(m.data(m.index(0), AttendanceModel::SyncTextRole).toString().isEmpty());

    m.cycle(0);
    CHECK(m.data(m.index(0), AttendanceModel::SyncRole).toInt() == AttendanceModel::Waiting);
    CHECK(m.recordedText().contains(QStringLiteral("Máy tính bảng khu 3")));
    CHECK(s.value(QStringLiteral("sessions"), d.session, QStringLiteral("recorded_by")).toText() == QStringLiteral("Máy tính bảng khu 3"));

    // The server acknowledged everything: the mark is sent.
    s.db().exec(QStringLiteral("DELETE FROM outbox"));
    m.reload();
    REQUIRE(loaded(m));
    CHECK(m.data(m.index(0), AttendanceModel::SyncRole).toInt() == AttendanceModel::InStep);
    CHECK(m.data(m.index(0), AttendanceModel::SyncTextRole).toString().isEmpty()); // only a refusal is said on a row
    CHECK(m.waitingCount() == 0);

    // The next change is refused by the server: that mark says so, with the reason.
    m.cycle(0);
    s.db().exec(QStringLiteral("UPDATE outbox SET error = 'role: a viewer may not mark attendance'"));
    AttendanceModel again; // as after a restart: everything read back from the file
    again.setSessionId(d.session);
    REQUIRE(loaded(again));
    CHECK(again.data(again.index(0), AttendanceModel::StatusRole).toInt() == AttendanceModel::Late);
    CHECK(again.data(again.index(0), AttendanceModel::SyncRole).toInt() == AttendanceModel::Refused);
    CHECK(again.data(again.index(0), AttendanceModel::SyncTextRole).toString().contains(QStringLiteral("a viewer may not")));
    CHECK(again.recordedText().contains(QStringLiteral("Máy tính bảng khu 3")));
}

TEST_CASE("a tap made while the sheet is being re-read is not undone by the older read", "[app][attendance]")
{
    Demo d;
    AttendanceModel m;
    m.setSessionId(d.session);
    REQUIRE(loaded(m));
    m.reload(); // e.g. a sync finished
    REQUIRE(m.loading());
    QThread::msleep(300); // the read runs now, before the tap; its answer waits in this thread's queue
    m.cycle(0);           // the tap lands before that (older) answer is applied
    REQUIRE(loaded(m));
    CHECK(m.data(m.index(0), AttendanceModel::StatusRole).toInt() == AttendanceModel::Present);
    CHECK(m.presentCount() == 1);
}

TEST_CASE("undo takes back the right person's mark after the sheet was re-read and rows moved", "[app][attendance]")
{
    Demo d;
    AttendanceModel m;
    m.setSessionId(d.session);
    REQUIRE(loaded(m));
    const QString first = m.data(m.index(0), AttendanceModel::PersonIdRole).toString();
    m.cycle(0);
    REQUIRE(d.statusInDb(first) == QStringLiteral("present"));
    // A walk-in whose given name sorts first: every row moves down by one.
    REQUIRE(m.addWalkIn(QStringLiteral("Lê Văn A"), QStringLiteral("m"), QStringLiteral("1990"), QString()));
    REQUIRE(loaded(m));
    REQUIRE(m.data(m.index(1), AttendanceModel::PersonIdRole).toString() == first);
    const QString walkIn = m.data(m.index(0), AttendanceModel::PersonIdRole).toString();
    CHECK(d.statusInDb(walkIn) == QStringLiteral("present"));
    // Undo goes back in order: first the walk-in (mark and register entry), then the tap on `first`.
    m.undo();
    CHECK(m.undoneText() == QStringLiteral("Lê Văn A: walk-in removed"));
    CHECK(d.statusInDb(walkIn).isEmpty());
    CHECK(d.store().value(QStringLiteral("people"), walkIn, QStringLiteral("deleted")).toInt() == 1);
    REQUIRE(loaded(m));
    REQUIRE(m.data(m.index(0), AttendanceModel::PersonIdRole).toString() == first);
    m.undo();
    CHECK(d.statusInDb(first).isEmpty());
    CHECK(m.data(m.index(0), AttendanceModel::StatusRole).toInt() == AttendanceModel::NotMarked);
    CHECK(m.undoneText().endsWith(QStringLiteral(": back to not marked")));
    CHECK_FALSE(m.canUndo());
}

TEST_CASE("undo never overwrites what another device wrote since, and keeps a walk-in others now depend on", "[app][attendance][undo]")
{
    Demo d;
    AttendanceModel m;
    m.setSessionId(d.session);
    REQUIRE(loaded(m));
    const QString person = m.data(m.index(0), AttendanceModel::PersonIdRole).toString();
    m.cycle(0); // present
    REQUIRE(d.statusInDb(person) == QStringLiteral("present"));
    // A co-facilitator's tablet marked the same person excused; it arrived by sync.
    records::markAttendance(d.store(), d.session, person, QStringLiteral("excused"));
    m.undo();
    CHECK(d.statusInDb(person) == QStringLiteral("excused")); // not overwritten
    CHECK(m.undoneText().contains(QStringLiteral("changed on another device since")));
    CHECK_FALSE(m.canUndo());

    // A walk-in who has since been put in a group stays in the register; only this mark goes.
    REQUIRE(m.addWalkIn(QStringLiteral("Vi Văn Thắng"), QStringLiteral("m"), QString(), QStringLiteral("Khu 2")));
    const QString walkIn = d.store().db().scalar(QStringLiteral("SELECT id FROM people WHERE full_name = 'Vi Văn Thắng'")).toText();
    REQUIRE_FALSE(walkIn.isEmpty());
    PersonInput edit;
    edit.fullName = QStringLiteral("Vi Văn Thắng");
    edit.groups = {QStringLiteral("Nông dân")};
    records::updatePerson(d.store(), walkIn, edit);
    m.undo();
    CHECK(d.statusInDb(walkIn).isEmpty());
    CHECK(d.store().value(QStringLiteral("people"), walkIn, QStringLiteral("deleted")).toInt() == 0);
    CHECK(m.undoneText().contains(QStringLiteral("kept in the register")));

    // Marking from the register someone a sync has already marked changes nothing and says so.
    REQUIRE(loaded(m));
    records::markAttendance(d.store(), d.session, walkIn, QStringLiteral("late"));
    CHECK(m.markFromRegister(walkIn));
    CHECK(d.statusInDb(walkIn) == QStringLiteral("late"));
    CHECK(m.undoneText().contains(QStringLiteral("already marked")));
}

TEST_CASE("a tap on a tablet whose storage is full says it was not saved, and the sheet shows what is stored", "[app][attendance][faults][diskfull]")
{
    Demo d;
    AttendanceModel m;
    m.setSessionId(d.session);
    REQUIRE(loaded(m));
    // The file may not grow (SQLite's page limit, as a full disk): taps fill the free room, then one fails.
    Database &db = d.store().db();
    db.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(db.scalar(QStringLiteral("PRAGMA page_count")).toInt()));
    int failedRow = -1;
    QString person, stored;
    QString outbox;
    for (int row = 0; row < m.rowCount() && failedRow < 0; ++row) {
        person = m.data(m.index(row), AttendanceModel::PersonIdRole).toString();
        stored = d.statusInDb(person);
        outbox = d.outbox();
        m.cycle(row);
        if (!m.lastError().isEmpty())
            failedRow = row;
    }
    REQUIRE(failedRow >= 0);
    CHECK(m.lastError().contains(QStringLiteral("storage is full, so nothing was saved")));
    // Never pretends: nothing was written, and the row shows what is on disk.
    CHECK(d.statusInDb(person) == stored);
    CHECK(d.outbox() == outbox);
    CHECK(stored.isEmpty()); // each tap was on a person not marked yet
    CHECK(m.data(m.index(failedRow), AttendanceModel::StatusRole).toInt() == AttendanceModel::NotMarked);
    // Room again (the person freed some space): the same tap takes.
    db.exec(QStringLiteral("PRAGMA max_page_count = 1073741823"));
    m.cycle(failedRow);
    CHECK(m.lastError().isEmpty());
    CHECK(d.statusInDb(person) == QStringLiteral("present"));
}
