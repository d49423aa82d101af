#include "error.h"
#include "hybridclock.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {
struct Change
{
    int tbl;
    QString row;
    int field;
    Value value;
    qint64 hlc;
    Value baseHlc;
};

std::vector<Change> outbox(Store &s)
{
    std::vector<Change> out;
    // The outbox as field-level changes, in push order (a new row waits as one packed row).
    auto st = s.db().prepare(QStringLiteral("SELECT tbl, row_id, field, value, hlc, base_hlc FROM outbox_changes ORDER BY seq, field"));
    while (st.step())
        out.push_back({int(st.integer(0)), st.text(1), int(st.integer(2)), st.value(3), st.integer(4), st.value(5)});
    return out;
}

const Change *find(const std::vector<Change> &changes, const QString &table, const QString &row, const QString &field)
{
    const TableDef *t = clc::table(table);
    for (const Change &c : changes)
        if (c.tbl == t->code && c.row == row && c.field == t->fieldCode(field))
            return &c;
    return nullptr;
}
} // namespace

TEST_CASE("creating a row records one change per field, all in the outbox", "[changes]")
{
    TempDir dir;
    auto s = makeStore(dir);
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    const QString id = Store::newId();
    const int n = s->write(QStringLiteral("people"), id,
                           {{QStringLiteral("full_name"), QStringLiteral("Nguyễn Văn An")}, {QStringLiteral("birth_year"), 1960},
                            {QStringLiteral("sex"), QStringLiteral("m")}});
    CHECK(n == 4); // the three fields and the centre it belongs to
    const auto changes = outbox(*s);
    REQUIRE(changes.size() == 4);
    REQUIRE(find(changes, QStringLiteral("people"), id, QStringLiteral("full_name")));
    CHECK(find(changes, QStringLiteral("people"), id, QStringLiteral("full_name"))->value == Value(QStringLiteral("Nguyễn Văn An")));
    CHECK(find(changes, QStringLiteral("people"), id, QStringLiteral("birth_year"))->value == Value(1960));
    CHECK(find(changes, QStringLiteral("people"), id, QStringLiteral("centre_id"))->value == Value(s->centreId()));
    for (const Change &c : changes)
        CHECK(c.baseHlc.isNull()); // nobody had seen a version of a new row's fields
}

TEST_CASE("a new row waits as one outbox row, an edited field leaves it, and a frozen one stays as sent", "[changes][outbox]")
{
    TempDir dir;
    auto s = makeStore(dir);
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    const TableDef &people = *table(QStringLiteral("people"));
    auto rows = [&] { return s->db().scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt(); };
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Trịnh Thị Ngọc")}, {QStringLiteral("khu"), QStringLiteral("Khu 5")}});
    CHECK(rows() == 1); // one row for the centre, the name and the khu (docs/sync.md#outbox)
    CHECK(s->pendingChanges() == 3);
    auto created = outbox(*s);
    REQUIRE(created.size() == 3);
    CHECK(created[0].field == people.fieldCode(QStringLiteral("centre_id"))); // its centre first
    for (const Change &c : created) {
        CHECK(c.hlc == created[0].hlc);
        CHECK(c.baseHlc.isNull());
    }
    CHECK(find(created, QStringLiteral("people"), id, QStringLiteral("full_name"))->value == Value(QStringLiteral("Trịnh Thị Ngọc")));

    // A row written after it, then an edit of the first before the push: only the edited field leaves
    // the packed row, which keeps its place ahead of the later row.
    const QString later = Store::newId();
    s->write(QStringLiteral("people"), later, {{QStringLiteral("full_name"), QStringLiteral("Hà Văn Sau")}});
    s->write(QStringLiteral("people"), id, {{QStringLiteral("khu"), QStringLiteral("Khu 6")}});
    s->write(QStringLiteral("people"), id, {{QStringLiteral("khu"), QStringLiteral("Khu 7")}}); // and again: coalesced
    CHECK(rows() == 3);
    const auto edited = outbox(*s);
    REQUIRE(edited.size() == 3 + 2);
    CHECK(edited[0].row == id);
    CHECK(edited[0].field == people.fieldCode(QStringLiteral("centre_id")));
    CHECK(edited[1].row == id);
    CHECK(edited[1].field == people.fieldCode(QStringLiteral("full_name")));
    CHECK(edited[1].hlc == created[0].hlc);
    CHECK(edited[2].row == later);
    const Change &khu = edited.back();
    CHECK(khu.row == id);
    CHECK(khu.field == people.fieldCode(QStringLiteral("khu")));
    CHECK(khu.value == Value(QStringLiteral("Khu 7")));
    CHECK(khu.hlc > created[0].hlc);
    CHECK(khu.baseHlc.isNull()); // still nobody outside has seen a version of it
    CHECK(s->pendingChanges() == 5);

    // A new row frozen in a batch being pushed stays as sent; the edit queues behind it with its base.
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    const QString other = Store::newId();
    s->write(QStringLiteral("people"), other, {{QStringLiteral("full_name"), QStringLiteral("Đinh Văn Lực")}});
    const qint64 frozenTo = s->db().scalar(QStringLiteral("SELECT max(seq) FROM outbox")).toInt();
    s->setMeta(MetaKey::OutboxFrozenTo, QString::number(frozenTo));
    const qint64 createdAt = outbox(*s).back().hlc;
    s->write(QStringLiteral("people"), other, {{QStringLiteral("full_name"), QStringLiteral("Đinh Văn Lục")}});
    CHECK(s->db().scalar(QStringLiteral("SELECT fields FROM outbox WHERE field = -1 AND seq = %1").arg(frozenTo)).toInt() ==
          (1 << people.fieldCode(QStringLiteral("centre_id")) | 1 << people.fieldCode(QStringLiteral("full_name"))));
    const auto after = outbox(*s);
    REQUIRE(after.size() == 2 + 1);
    CHECK(after[1].value == Value(QStringLiteral("Đinh Văn Lực")));
    CHECK(after.back().value == Value(QStringLiteral("Đinh Văn Lục")));
    CHECK(after.back().baseHlc == Value(createdAt));
    CHECK(s->pendingChanges() == 3);
}

TEST_CASE("a refused field of a new row leaves its packed row, the others are acknowledged and re-queued after a restore", "[changes][outbox][restore]")
{
    TempDir dir;
    auto s = makeStore(dir);
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    const TableDef &people = *table(QStringLiteral("people"));
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Lý Thị Dài")}, {QStringLiteral("note"), QStringLiteral("ghi chú")}});
    const qint64 seq = s->db().scalar(QStringLiteral("SELECT seq FROM outbox WHERE field = -1")).toInt();
    REQUIRE(seq > 0);
    const int note = people.fieldCode(QStringLiteral("note"));
    {
        Transaction tx(s->db()); // as SyncSession does with an acknowledgement that refused the note
        s->refuseOutboxChange(seq, note, QStringLiteral("row_too_large: the row would be larger than a message can carry"));
        s->dropAcknowledged(seq);
        tx.commit();
    }
    const auto left = outbox(*s);
    REQUIRE(left.size() == 1);
    CHECK(left[0].field == note);
    CHECK(left[0].value == Value(QStringLiteral("ghi chú")));
    CHECK(s->db().scalar(QStringLiteral("SELECT error FROM outbox")).toText().startsWith(QStringLiteral("row_too_large")));
    CHECK(s->pendingChanges() == 0);
    CHECK(s->refusalReasons().size() == 1);
    // The server was restored from a backup: the acknowledged fields go again, the refused one does not.
    CHECK(s->requeueOwnChanges() >= 2);
    const auto requeued = outbox(*s);
    CHECK(find(requeued, QStringLiteral("people"), id, QStringLiteral("centre_id")));
    CHECK(find(requeued, QStringLiteral("people"), id, QStringLiteral("full_name")));
    int notes = 0;
    for (const Change &c : requeued)
        notes += c.field == note ? 1 : 0;
    CHECK(notes == 1); // only the refused one, not sent again
}

TEST_CASE("an edit records the version the writer saw as its base", "[changes]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Lê Thị Hoa")}});
    const TableDef &people = *table(QStringLiteral("people"));
    const qint64 firstStamp = s->fieldVersion(people, id, people.fieldCode(QStringLiteral("full_name")))->hlc;
    s->db().exec(QStringLiteral("DELETE FROM outbox")); // as if the server had acknowledged it
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Lê Thị Hòa")}});
    const auto changes = outbox(*s);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].value == Value(QStringLiteral("Lê Thị Hòa")));
    CHECK(changes[0].baseHlc == Value(firstStamp));
    CHECK(changes[0].hlc > firstStamp);
}

TEST_CASE("writing the same value again records nothing", "[changes]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Đỗ Văn Hùng")}});
    const qint64 pending = s->pendingChanges();
    CHECK(s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Đỗ Văn Hùng")}}) == 0);
    CHECK(s->pendingChanges() == pending);
}

TEST_CASE("two unsent edits of one field leave one pending change that keeps the first base", "[changes]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("khu"), QStringLiteral("Khu 1")}, {QStringLiteral("full_name"), QStringLiteral("Vũ An")}});
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    s->write(QStringLiteral("people"), id, {{QStringLiteral("khu"), QStringLiteral("Khu 2")}});
    const Value base = outbox(*s).at(0).baseHlc;
    s->write(QStringLiteral("people"), id, {{QStringLiteral("khu"), QStringLiteral("Khu 3")}});
    const auto changes = outbox(*s);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].value == Value(QStringLiteral("Khu 3")));
    CHECK(changes[0].baseHlc == base);
}

TEST_CASE("deleting is an ordinary field write, so undo and re-create are too", "[changes]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Phạm Thu Trang")}});
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    s->remove(QStringLiteral("people"), id);
    CHECK(s->value(QStringLiteral("people"), id, QStringLiteral("deleted")) == Value(1));
    s->write(QStringLiteral("people"), id, {{QStringLiteral("deleted"), 0}});
    CHECK(s->value(QStringLiteral("people"), id, QStringLiteral("deleted")) == Value(0));
    const auto changes = outbox(*s);
    REQUIRE(changes.size() == 1); // delete then undo, unsent: one pending change holding the latest value
    CHECK(changes[0].value == Value(0));
}

TEST_CASE("two replicas marking the same person at the same session make the same mark id", "[changes][ids]")
{
    TempDir dir;
    auto a = makeStore(dir, QStringLiteral("a.db"));
    const QString activity = records::addActivity(*a, ActivityInput{QStringLiteral("2017-11"), QStringLiteral("Tập huấn kỹ thuật chăm sóc cây lúa")});
    const QString session = records::addSession(*a, activity, QStringLiteral("2017-11-10T08:00"), QStringLiteral("Nhà văn hoá khu 3"));
    const QString person = records::addPerson(*a, PersonInput{QStringLiteral("Nguyễn Văn An")});
    const QString mark = records::markAttendance(*a, session, person, QStringLiteral("present"));
    CHECK(mark == Store::naturalId(QStringLiteral("attendance"), session, person));
    // Any other replica computes the same id from the same two ends.
    CHECK(Store::naturalId(QStringLiteral("attendance"), session, person) == mark);
    CHECK(Store::naturalId(QStringLiteral("attendance"), person, session) != mark);
    // Re-marking updates the same row.
    CHECK(records::markAttendance(*a, session, person, QStringLiteral("late")) == mark);
    CHECK(a->db().scalar(QStringLiteral("SELECT count(*) FROM attendance")).toInt() == 1);
    CHECK(a->value(QStringLiteral("attendance"), mark, QStringLiteral("status")) == Value(QStringLiteral("late")));
}

TEST_CASE("a mark for an unknown session or person is refused", "[changes]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString person = records::addPerson(*s, PersonInput{QStringLiteral("Nguyễn Văn An")});
    CHECK_THROWS_AS(records::markAttendance(*s, Store::newId(), person, QStringLiteral("present")), Error);
}

TEST_CASE("after a server restore, the fields this replica wrote last go back into the outbox, and only those", "[changes][restore]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString mine = Store::newId();
    s->write(QStringLiteral("people"), mine, {{QStringLiteral("full_name"), QStringLiteral("Của máy này")}, {QStringLiteral("khu"), QStringLiteral("Khu 1")}});
    // A field another device set last, merged in.
    const TableDef &people = *table(QStringLiteral("people"));
    {
        Transaction tx(s->db());
        s->applyRemote(people, mine, people.fieldCode(QStringLiteral("khu")), QStringLiteral("Khu 7"),
                       Version{HybridClock::pack(*ManualClock{}.ms + 1000, 0), QStringLiteral("99999999-9999-4999-8999-999999999999")});
        tx.commit();
    }
    s->db().exec(QStringLiteral("DELETE FROM outbox")); // everything was acknowledged
    s->write(QStringLiteral("people"), mine, {{QStringLiteral("phone"), QStringLiteral("0912345678")}}); // waiting already
    // A row whose creation still waits, packed in one outbox row: none of its fields goes again.
    const QString waitingRow = Store::newId();
    s->write(QStringLiteral("people"), waitingRow, {{QStringLiteral("full_name"), QStringLiteral("Chưa gửi")}, {QStringLiteral("khu"), QStringLiteral("Khu 2")}});
    REQUIRE(s->db().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE row_id = '%1' AND field = -1").arg(waitingRow)).toInt() == 1);
    const int queued = s->requeueOwnChanges();
    CHECK(s->db().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE row_id = '%1'").arg(waitingRow)).toInt() == 1);
    auto fields = [&] {
        QStringList out;
        auto st = s->db().prepare(QStringLiteral("SELECT field, value FROM outbox WHERE row_id = ? ORDER BY field"));
        st.bind(1, mine);
        while (st.step())
            out << people.fields[size_t(st.integer(0))].name + QLatin1Char('=') + st.value(1).toText();
        return out;
    };
    const QStringList out = fields();
    CHECK(out.contains(QStringLiteral("full_name=Của máy này")));
    CHECK(out.contains(QStringLiteral("phone=0912345678")));
    CHECK_FALSE(out.join(QLatin1Char(' ')).contains(QStringLiteral("khu="))); // the other device's value is not ours to send
    CHECK(out.count(QStringLiteral("phone=0912345678")) == 1);               // the waiting change is not doubled
    CHECK(queued >= 2); // full_name and deleted at least (and the centre)
    CHECK(s->requeueOwnChanges() == 0); // all waiting now: nothing more
    // The change that was already waiting now goes after the row's re-queued centre and name.
    const qint64 phoneSeq = s->db().scalar(QStringLiteral("SELECT seq FROM outbox WHERE row_id = '%1' AND field = %2")
                                               .arg(mine).arg(people.fieldCode(QStringLiteral("phone")))).toInt();
    const qint64 centreSeq = s->db().scalar(QStringLiteral("SELECT seq FROM outbox WHERE row_id = '%1' AND field = %2")
                                                .arg(mine).arg(people.fieldCode(QStringLiteral("centre_id")))).toInt();
    CHECK(centreSeq < phoneSeq);
}

TEST_CASE("a change the server refused is not sent again by a re-queue", "[changes][restore]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Bị từ chối")}});
    s->db().exec(QStringLiteral("UPDATE outbox SET error = 'role: no'"));
    CHECK(s->requeueOwnChanges() == 0);
    CHECK(s->db().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE error IS NULL")).toInt() == 0);
}

TEST_CASE("a re-queue also sends the centre of a row another device created, when this one wrote a field of it", "[changes][restore]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const TableDef &people = *table(QStringLiteral("people"));
    const QString theirs = Store::newId();
    const Version creator{HybridClock::pack(1'400'000'000'000LL, 0), QStringLiteral("99999999-9999-4999-8999-999999999999")};
    {
        Transaction tx(s->db());
        s->applyRemote(people, theirs, people.fieldCode(QStringLiteral("centre_id")), s->centreId(), creator);
        s->applyRemote(people, theirs, people.fieldCode(QStringLiteral("full_name")), QStringLiteral("Của máy khác"), creator);
        tx.commit();
    }
    s->write(QStringLiteral("people"), theirs, {{QStringLiteral("khu"), QStringLiteral("Khu 4")}});
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    s->requeueOwnChanges();
    auto st = s->db().prepare(QStringLiteral("SELECT field, hlc FROM outbox WHERE row_id = ? ORDER BY seq"));
    st.bind(1, theirs);
    QList<int> fields;
    qint64 centreHlc = 0;
    while (st.step()) {
        fields << int(st.integer(0));
        if (st.integer(0) == people.fieldCode(QStringLiteral("centre_id")))
            centreHlc = st.integer(1);
    }
    REQUIRE(fields.size() == 2);
    CHECK(fields.first() == people.fieldCode(QStringLiteral("centre_id"))); // the centre goes first
    CHECK(fields.last() == people.fieldCode(QStringLiteral("khu")));
    CHECK(centreHlc == creator.hlc);                                         // with its creator's version
}

TEST_CASE("a row written at once keeps its version in itself, an edited field a clock row, and both survive a re-queue", "[changes][clock]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const TableDef &people = *table(QStringLiteral("people"));
    auto code = [&](const char *f) { return people.fieldCode(QString::fromLatin1(f)); };
    auto clockRows = [&](const QString &id) {
        return s->db().scalar(QStringLiteral("SELECT count(*) FROM field_clock WHERE row_id = '%1'").arg(id)).toInt();
    };
    auto rowMask = [&](const QString &id) {
        return s->db().scalar(QStringLiteral("SELECT clock_fields FROM people WHERE id = '%1'").arg(id)).toInt();
    };
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Lê Thị Hoa")}, {QStringLiteral("khu"), QStringLiteral("Khu 3")}});
    CHECK(clockRows(id) == 0); // in the row itself
    CHECK(rowMask(id) == ((qint64(1) << code("centre_id")) | (qint64(1) << code("full_name")) | (qint64(1) << code("khu"))));
    const auto created = s->fieldVersion(people, id, code("full_name"));
    REQUIRE(created);
    CHECK(s->fieldVersion(people, id, code("khu")) == created);
    CHECK(s->fieldVersion(people, id, code("centre_id")) == created);
    CHECK_FALSE(s->fieldVersion(people, id, code("phone"))); // never written: no version
    s->write(QStringLiteral("people"), id, {{QStringLiteral("khu"), QStringLiteral("Khu 5")}});
    CHECK(clockRows(id) == 1); // the edited field's own, which wins over the row's
    const auto edited = s->fieldVersion(people, id, code("khu"));
    REQUIRE(edited);
    CHECK(created->hlc < edited->hlc);
    CHECK(s->fieldVersion(people, id, code("full_name")) == created);
    // A server restored from a backup gets every field again, each with its own version.
    s->db().exec(QStringLiteral("DELETE FROM outbox"));
    s->requeueOwnChanges();
    const auto queued = outbox(*s);
    REQUIRE(find(queued, QStringLiteral("people"), id, QStringLiteral("full_name")));
    CHECK(find(queued, QStringLiteral("people"), id, QStringLiteral("full_name"))->hlc == created->hlc);
    CHECK(find(queued, QStringLiteral("people"), id, QStringLiteral("khu"))->hlc == edited->hlc);
    CHECK(find(queued, QStringLiteral("people"), id, QStringLiteral("khu"))->value == Value(QStringLiteral("Khu 5")));
    CHECK(find(queued, QStringLiteral("people"), id, QStringLiteral("centre_id"))->hlc == created->hlc);
    CHECK_FALSE(find(queued, QStringLiteral("people"), id, QStringLiteral("phone")));
    CHECK(std::count_if(queued.begin(), queued.end(), [&](const Change &c) { return c.row == id; }) == 3);
}

TEST_CASE("a row pulled whole keeps each field's version, shared ones in the row itself", "[changes][clock]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const TableDef &people = *table(QStringLiteral("people"));
    auto code = [&](const char *f) { return people.fieldCode(QString::fromLatin1(f)); };
    const Version a{HybridClock::pack(1700000000000, 0), Store::newId()};
    const Version b{HybridClock::pack(1700000005000, 0), Store::newId()};
    const QString id = Store::newId();
    const qint64 waiting = s->pendingChanges();
    Transaction tx(s->db());
    REQUIRE(s->insertRemoteRow(people, id, {{code("centre_id"), s->centreId(), a}, {code("full_name"), QStringLiteral("Đinh Văn Tú"), a},
                                            {code("khu"), QStringLiteral("Khu 2"), b}}));
    tx.commit();
    CHECK(s->db().scalar(QStringLiteral("SELECT count(*) FROM field_clock WHERE row_id = '%1'").arg(id)).toInt() == 1); // khu's
    CHECK(s->db().scalar(QStringLiteral("SELECT clock_fields FROM people WHERE id = '%1'").arg(id)).toInt()
          == ((qint64(1) << code("centre_id")) | (qint64(1) << code("full_name"))));
    CHECK(s->fieldVersion(people, id, code("centre_id")) == a);
    CHECK(s->fieldVersion(people, id, code("full_name")) == a);
    CHECK(s->fieldVersion(people, id, code("khu")) == b);
    CHECK_FALSE(s->fieldVersion(people, id, code("phone")));
    CHECK(s->pendingChanges() == waiting); // pulled changes never go back out
}
