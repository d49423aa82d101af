#include "database.h"
#include "error.h"
#include "exporter.h"
#include "migrations.h"
#include "schema.h"
#include "store.h"
#include "testsupport.h"

#include <QFile>
#include <QHash>
#include <QUuid>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("a new database is migrated to the latest schema, in WAL mode with foreign keys on", "[store]")
{
    TempDir dir;
    Store s(dir.path(QStringLiteral("new.db")));
    CHECK(s.db().scalar(QStringLiteral("PRAGMA user_version")).toInt() == latestSchemaVersion());
    CHECK(s.db().scalar(QStringLiteral("PRAGMA journal_mode")).toText() == QLatin1String("wal"));
    CHECK(s.db().scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(s.db().scalar(QStringLiteral("PRAGMA synchronous")).toInt() == 1); // NORMAL
    CHECK_FALSE(s.isInitialised());
}

TEST_CASE("texts bind as UTF-8 whatever their length and order, an empty text as '' and not NULL", "[store][db]")
{
    TempDir dir;
    Database db(dir.path(QStringLiteral("bind.db")));
    auto roundTrip = [&](const QString &text) {
        auto st = db.prepare(QStringLiteral("SELECT typeof(?1), ?1, length(?1), ?2"));
        st.bind(1, text).bind(2, QStringLiteral("khu 3"));
        REQUIRE(st.step());
        CHECK(st.text(0) == QLatin1String("text"));
        CHECK(st.text(1) == text);
        CHECK(st.integer(2) == text.size()); // characters (none here outside the BMP)
        CHECK(st.text(3) == QLatin1String("khu 3"));
    };
    const QString longText = QStringLiteral("Tập huấn kỹ thuật chăm sóc lúa vụ đông xuân, phường Đức Chính. ").repeated(40);
    roundTrip(QStringLiteral(""));
    roundTrip(QStringLiteral("Nguyễn Thị Hằng"));
    roundTrip(longText); // longer than anything bound before
    roundTrip(QStringLiteral("ấ"));
    roundTrip(QStringLiteral(""));
    roundTrip(QString()); // a null text too
    // ASCII up to 128 characters is copied without a conversion; longer, or with anything else, converted.
    {
        const QString outsideBmp = QStringLiteral("𠀀 Hà Nội");
        auto st = db.prepare(QStringLiteral("SELECT ?1"));
        st.bind(1, outsideBmp);
        REQUIRE(st.step());
        CHECK(st.text(0) == outsideBmp);
    }
    for (const int n : {127, 128, 129}) {
        roundTrip(QString(n, QLatin1Char('a')));
        roundTrip(QString(n - 1, QLatin1Char('b')) + QStringLiteral("ư"));
        roundTrip(QStringLiteral("ư") + QString(n - 1, QLatin1Char('c')));
    }
}

TEST_CASE("derived ids are RFC 4122 name-based (version 5) UUIDs in the project's namespace", "[store]")
{
    // The namespace is part of the protocol: every replica derives the same id from the same name.
    const QUuid space(QStringLiteral("{6f1c2a4e-8a53-4d0b-9a57-0c1c1d2e7b31}"));
    const QString session = QStringLiteral("0b6f1f0e-3a53-4d0b-9a57-0c1c1d2e7b31"), person = Store::newId();
    CHECK(Store::naturalId(QStringLiteral("attendance"), session, person)
          == QUuid::createUuidV5(space, QStringLiteral("attendance:") + session + QLatin1Char(':') + person).toString(QUuid::WithoutBraces));
    const QString vietnamese = QStringLiteral("Lớp học tiếng Anh cho thiếu nhi"), longName = QString(300, QLatin1Char('x'));
    for (const QString &b : {vietnamese, longName, QString(), QString(127, QLatin1Char('y')) + QStringLiteral("ữ")})
        CHECK(Store::naturalId(QStringLiteral("activity_groups"), session, b)
              == QUuid::createUuidV5(space, QStringLiteral("activity_groups:") + session + QLatin1Char(':') + b).toString(QUuid::WithoutBraces));
    CHECK(Store::naturalId(QStringLiteral("attendance"), session, person) != Store::naturalId(QStringLiteral("attendance"), person, session));
    TempDir dir;
    Store store(dir.path(QStringLiteral("ids.db")));
    store.init(QStringLiteral("TTHTCĐ phường Đức Chính"));
    CHECK(store.derivedId(QStringLiteral("nhóm: Hội Phụ nữ")) == QUuid::createUuidV5(space, store.centreId() + QStringLiteral("/nhóm: Hội Phụ nữ")).toString(QUuid::WithoutBraces));
}

TEST_CASE("every synced table and field in the schema descriptors exists in the migrated database", "[store][schema]")
{
    TempDir dir;
    Store s(dir.path(QStringLiteral("schema.db")));
    for (const TableDef &t : tables()) {
        QStringList columns;
        auto st = s.db().prepare(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(t.name));
        while (st.step())
            columns << st.text(0);
        INFO(t.name.toStdString());
        REQUIRE(columns.contains(QStringLiteral("id")));
        // The version its fields share when written at once (docs/sync.md#device-clock).
        for (const char *clock : {"clock_hlc", "clock_replica", "clock_fields"})
            CHECK(columns.contains(QLatin1String(clock)));
        for (const FieldDef &f : t.fields) {
            INFO(f.name.toStdString());
            CHECK(columns.contains(f.name));
        }
    }
}

TEST_CASE("a database made by the first migration opens, upgrades and keeps its rows", "[store][migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("v1.db"));
    {
        Database db(path);
        migrate(db, 1);
        db.exec(QStringLiteral("INSERT INTO meta VALUES ('replica_id', '11111111-1111-4111-8111-111111111111');"
                               "INSERT INTO people (id, full_name, birth_year) VALUES ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Nguyễn Văn An', 1960);"));
        REQUIRE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt() == 1);
    }
    Store s(path, StoreOptions{QStringLiteral("dev"), {}});
    CHECK(s.db().scalar(QStringLiteral("PRAGMA user_version")).toInt() == latestSchemaVersion());
    CHECK(s.value(QStringLiteral("people"), QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"), QStringLiteral("full_name")).toText()
          == QStringLiteral("Nguyễn Văn An"));
}

TEST_CASE("the committed fixture of a first-release database still opens and migrates", "[store][migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("fixture.db"));
    REQUIRE(QFile::copy(QStringLiteral(CLC_FIXTURES_DIR "/schema-v1.db"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    Store s(path, StoreOptions{QStringLiteral("dev"), {}});
    CHECK(s.db().scalar(QStringLiteral("PRAGMA user_version")).toInt() == latestSchemaVersion());
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM people")).toInt() > 0);
}

TEST_CASE("a database from a newer clc is refused, not opened", "[store][migrations]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("future.db"));
    {
        Database db(path);
        db.exec(QStringLiteral("PRAGMA user_version=999"));
    }
    try {
        Store s(path);
        FAIL("opened a database from the future");
    } catch (const Error &e) {
        CHECK(e.code() == Error::Code::TooNew);
    }
}

TEST_CASE("a file that is not a database gets a clear error", "[store]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.txt"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    CHECK_THROWS_AS(Store(path), Error);
}

TEST_CASE("init makes a replica id and a centre, and refuses to run twice", "[store][replica]")
{
    TempDir dir;
    auto s = makeStore(dir);
    CHECK(s->isInitialised());
    CHECK(s->replicaId().size() == 36);
    CHECK(s->value(QStringLiteral("centres"), s->centreId(), QStringLiteral("name")).toText().startsWith(QStringLiteral("Trung tâm")));
    CHECK_THROWS_AS(s->init(QStringLiteral("again")), Error);
}

TEST_CASE("reopening the same file on the same device keeps the replica id", "[store][replica]")
{
    TempDir dir;
    QString replica;
    {
        auto s = makeStore(dir);
        replica = s->replicaId();
    }
    Store again(dir.path(QStringLiteral("a.db")), StoreOptions{QStringLiteral("device-a"), {}});
    CHECK(again.replicaId() == replica);
}

TEST_CASE("a database file copied to another device gets a new replica id", "[store][replica]")
{
    TempDir dir;
    QString replica;
    {
        auto s = makeStore(dir);
        replica = s->replicaId();
    }
    // Same path, other device.
    Store other(dir.path(QStringLiteral("a.db")), StoreOptions{QStringLiteral("device-b"), {}});
    CHECK(other.replicaId() != replica);
    CHECK(other.meta(QStringLiteral("previous_replica_id")) == replica);
}

TEST_CASE("a database file copied to another path gets a new replica id", "[store][replica]")
{
    TempDir dir;
    QString replica;
    {
        auto s = makeStore(dir);
        replica = s->replicaId();
    }
    REQUIRE(QFile::copy(dir.path(QStringLiteral("a.db")), dir.path(QStringLiteral("copy.db"))));
    Store copy(dir.path(QStringLiteral("copy.db")), StoreOptions{QStringLiteral("device-a"), {}});
    CHECK(copy.replicaId() != replica);
    Store original(dir.path(QStringLiteral("a.db")), StoreOptions{QStringLiteral("device-a"), {}});
    CHECK(original.replicaId() == replica);
}

TEST_CASE("a failed write leaves the store exactly as it was", "[store]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QString id = Store::newId();
    s->write(QStringLiteral("people"), id, {{QStringLiteral("full_name"), QStringLiteral("Trần Thị Bình")}});
    const QByteArray before = exportJson(*s);
    const qint64 pending = s->pendingChanges();
    // The second field is invalid: the first must not be written either.
    CHECK_THROWS_AS(s->write(QStringLiteral("people"), id,
                             {{QStringLiteral("khu"), QStringLiteral("Khu 3")}, {QStringLiteral("birth_year"), 1800}}),
                    Error);
    CHECK_THROWS_AS(s->write(QStringLiteral("attendance"), Store::newId(),
                             {{QStringLiteral("session_id"), Store::newId()}, {QStringLiteral("person_id"), id},
                              {QStringLiteral("status"), QStringLiteral("present")}}),
                    Error);
    CHECK(exportJson(*s) == before);
    CHECK(s->pendingChanges() == pending);
}

TEST_CASE("a write the disk has no room for is refused as storage full and leaves the store as it was", "[store][faults][diskfull]")
{
    TempDir dir;
    auto s = makeStore(dir);
    // The file may not grow (SQLite's page limit, as a full disk): writes fill the free room, then fail.
    s->db().exec(QStringLiteral("PRAGMA max_page_count = %1").arg(s->db().scalar(QStringLiteral("PRAGMA page_count")).toInt()));
    QByteArray before;
    qint64 pending = 0;
    bool refused = false;
    for (int i = 0; i < 10000 && !refused; ++i) {
        before = exportJson(*s);
        pending = s->pendingChanges();
        try {
            s->write(QStringLiteral("people"), Store::newId(), {{QStringLiteral("full_name"), QStringLiteral("Nguyễn Thị Đầy %1").arg(i)},
                                                               {QStringLiteral("note"), QString(200, QLatin1Char('x'))}});
        } catch (const Error &e) {
            refused = true;
            CHECK(e.code() == Error::Code::StorageFull);
            CHECK(e.message().contains(QStringLiteral("storage is full, so nothing was saved")));
        }
    }
    REQUIRE(refused);
    CHECK(exportJson(*s) == before);
    CHECK(s->pendingChanges() == pending);
    // Room again: the same store goes on writing.
    s->db().exec(QStringLiteral("PRAGMA max_page_count = 1073741823"));
    s->write(QStringLiteral("people"), Store::newId(), {{QStringLiteral("full_name"), QStringLiteral("Nguyễn Thị Sau")}});
    CHECK(s->pendingChanges() > pending);
}

TEST_CASE("an error names the table and field that were wrong", "[store]")
{
    TempDir dir;
    auto s = makeStore(dir);
    try {
        s->write(QStringLiteral("activities"), Store::newId(),
                 {{QStringLiteral("month"), QStringLiteral("2018-13")}, {QStringLiteral("title"), QStringLiteral("x")},
                  {QStringLiteral("kind"), QStringLiteral("other")}, {QStringLiteral("status"), QStringLiteral("planned")}});
        FAIL("accepted month 2018-13");
    } catch (const Error &e) {
        CHECK(e.field() == QStringLiteral("activities.month"));
        CHECK(e.message().contains(QStringLiteral("2018-13")));
    }
}

TEST_CASE("the synced schema's version names a migration that has every synced table and field", "[store][schema]")
{
    // Messages carry syncSchemaVersion(): a migration adding a synced field must raise it, or an
    // older receiver would not know to keep that field aside.
    Database db(QStringLiteral(":memory:"));
    migrate(db, syncSchemaVersion());
    for (const TableDef &t : tables())
        for (const FieldDef &f : t.fields) {
            INFO(t.name.toStdString() << "." << f.name.toStdString());
            CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('%1') WHERE name = '%2'").arg(t.name, f.name)).toInt() == 1);
        }
    CHECK(syncSchemaVersion() <= latestSchemaVersion());
}

TEST_CASE("release-11 devices' shared clocks move into their rows with every field's version kept", "[store][migrations][clock]")
{
    // tests/fixtures/release-11: schema 11, a clock row of field -1 (a mask) per row written at once.
    // The phone has two packed outbox rows (one frozen in a batch whose acknowledgement was lost);
    // the tablet and the office have fields edited later (a row of their own, which wins over the
    // mask); the other centre's computer has only its centre.
    const QString device = GENERATE(QStringLiteral("phone"), QStringLiteral("tablet"), QStringLiteral("office"), QStringLiteral("other"));
    INFO(device.toStdString());
    TempDir dir;
    const QString path = dir.path(device + QStringLiteral(".db"));
    REQUIRE(QFile::copy(QStringLiteral(CLC_FIXTURES_DIR "/release-11/") + device + QStringLiteral(".db"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    // Each field's version before the upgrade: its own clock row, else its row's masked one.
    QHash<QString, QPair<qint64, qint64>> before;
    qint64 waiting = 0;
    {
        Database old(path);
        REQUIRE(old.scalar(QStringLiteral("PRAGMA user_version")).toInt() == 11);
        REQUIRE(old.scalar(QStringLiteral("SELECT count(*) FROM field_clock WHERE field = -1")).toInt() > 0);
        auto st = old.prepare(QStringLiteral("SELECT tbl, row_id, field, hlc, replica, fields FROM field_clock ORDER BY field DESC"));
        while (st.step()) {
            for (int f = 0; f <= 62; ++f) {
                if (st.integer(2) >= 0 ? f != st.integer(2) : !((st.integer(5) >> f) & 1))
                    continue;
                const QString key = QStringLiteral("%1/%2/%3").arg(st.integer(0)).arg(st.text(1)).arg(f);
                if (!before.contains(key)) // a field's own row (sorted first) wins over the mask
                    before.insert(key, {st.integer(3), st.integer(4)});
            }
        }
        waiting = old.scalar(QStringLiteral("SELECT count(*) FROM outbox_changes")).toInt();
        old.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'device_fingerprint'")).bind(1, Store::deviceFingerprint(path)).exec();
    }
    REQUIRE(!before.isEmpty());
    Store s(path);
    CHECK(s.db().scalar(QStringLiteral("PRAGMA user_version")).toInt() == latestSchemaVersion());
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM field_clock WHERE field = -1")).toInt() == 0);
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM centres WHERE clock_fields IS NOT NULL")).toInt() == 1);
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        const QStringList key = it.key().split(QLatin1Char('/'));
        INFO(it.key().toStdString());
        const auto v = s.fieldVersion(*tableByCode(key[0].toInt()), key[1], key[2].toInt());
        REQUIRE(v);
        CHECK(v->hlc == it.value().first);
        CHECK(v->replica == s.replicaUuid(int(it.value().second)));
    }
    // No field gained a version it did not have.
    int versions = 0;
    for (const TableDef &t : tables())
        for (int f = 0; f < int(t.fields.size()); ++f) {
            auto rows = s.db().prepare(QStringLiteral("SELECT id FROM %1").arg(t.name));
            while (rows.step())
                versions += s.fieldVersion(t, rows.text(0), f).has_value();
        }
    CHECK(versions == before.size());
    CHECK(s.pendingChanges() == waiting); // what waited still waits
    // Each waiting packed row has its row's stamp, by which the outbox finds it (migration 13).
    const int packed = s.db().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE field = -1")).toInt();
    int stamped = 0;
    for (const TableDef &t : tables())
        stamped += s.db().scalar(QStringLiteral("SELECT count(*) FROM outbox o JOIN %1 r ON r.id = o.row_id AND r.clock_hlc = o.hlc "
                                                "WHERE o.field = -1 AND o.tbl = %2").arg(t.name).arg(t.code)).toInt();
    CHECK(stamped == packed);
    // An edit of a mark whose creation waits (not in the frozen batch) takes its field out of it.
    const TableDef &attendance = *table(QStringLiteral("attendance"));
    const int status = attendance.fieldCode(QStringLiteral("status"));
    auto open = s.db().prepare(QStringLiteral("SELECT row_id, seq FROM outbox WHERE field = -1 AND tbl = ? AND seq > "
                                              "coalesce((SELECT value FROM meta WHERE key = 'outbox_frozen_to'), 0)"));
    open.bind(1, qint64(attendance.code));
    if (open.step()) {
        const QString mark = open.text(0);
        const qint64 seq = open.integer(1);
        s.write(QStringLiteral("attendance"), mark, {{QStringLiteral("status"), QStringLiteral("absent")}});
        CHECK(((s.db().scalar(QStringLiteral("SELECT fields FROM outbox WHERE seq = %1").arg(seq)).toInt() >> status) & 1) == 0);
        CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE row_id = '%1' AND field = %2 AND value = 'absent'")
                                .arg(mark).arg(status)).toInt() == 1);
        CHECK(s.pendingChanges() == waiting); // the same number of changes, one moved
        auto edited = s.db().prepare(QStringLiteral("SELECT hlc, replica FROM field_clock WHERE tbl = ? AND row_id = ? AND field = ?"));
        edited.bind(1, qint64(attendance.code)).bind(2, mark).bind(3, qint64(status));
        REQUIRE(edited.step());
        before.insert(QStringLiteral("%1/%2/%3").arg(attendance.code).arg(mark).arg(status), {edited.integer(0), edited.integer(1)});
    } else {
        CHECK(device != QLatin1String("phone")); // the phone's mark made after its frozen batch waits
    }
    // The re-queue for a restored server: every field this device wrote, with the version it had.
    s.db().exec(QStringLiteral("DELETE FROM outbox"));
    const int queued = s.requeueOwnChanges();
    auto st = s.db().prepare(QStringLiteral("SELECT tbl, row_id, field, hlc, replica FROM outbox"));
    int matched = 0;
    while (st.step()) {
        const auto was = before.value(QStringLiteral("%1/%2/%3").arg(st.integer(0)).arg(st.text(1)).arg(st.integer(2)));
        matched += was.first == st.integer(3) && was.second == st.integer(4);
    }
    CHECK(matched == queued);
    const qint64 self = s.db().scalar(QStringLiteral("SELECT no FROM replicas WHERE uuid = (SELECT value FROM meta WHERE key = 'replica_id')")).toInt();
    const auto mine = std::count_if(before.constBegin(), before.constEnd(), [self](const QPair<qint64, qint64> &v) { return v.second == self; });
    CHECK(queued >= mine); // its own fields, and the centre of rows it wrote a field of
}

TEST_CASE("a previous release's tablet keeps every field's version and re-queues them all for a restored server", "[store][migrations][clock]")
{
    // tests/fixtures/release-7/tablet.db: schema 9, one field_clock row per field.
    TempDir dir;
    const QString path = dir.path(QStringLiteral("tablet.db"));
    REQUIRE(QFile::copy(QStringLiteral(CLC_FIXTURES_DIR "/release-7/tablet.db"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    // What each field's version was, read before the upgrade.
    QHash<QString, QPair<qint64, qint64>> before;
    int mine = 0;
    {
        Database old(path);
        REQUIRE(old.scalar(QStringLiteral("PRAGMA user_version")).toInt() == 9);
        const qint64 self = old.scalar(QStringLiteral("SELECT no FROM replicas WHERE uuid = (SELECT value FROM meta WHERE key = 'replica_id')")).toInt();
        auto st = old.prepare(QStringLiteral("SELECT tbl, row_id, field, hlc, replica FROM field_clock"));
        while (st.step()) {
            before.insert(QStringLiteral("%1/%2/%3").arg(st.integer(0)).arg(st.text(1)).arg(st.integer(2)), {st.integer(3), st.integer(4)});
            mine += st.integer(4) == self;
        }
        old.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'device_fingerprint'")).bind(1, Store::deviceFingerprint(path)).exec();
    }
    REQUIRE(mine > 100);
    Store s(path);
    CHECK(s.db().scalar(QStringLiteral("PRAGMA user_version")).toInt() == latestSchemaVersion());
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        const QStringList key = it.key().split(QLatin1Char('/'));
        const auto v = s.fieldVersion(*tableByCode(key[0].toInt()), key[1], key[2].toInt());
        REQUIRE(v);
        CHECK(v->hlc == it.value().first);
        CHECK(v->replica == s.replicaUuid(int(it.value().second)));
    }
    // The re-queue for a restored server: every field this tablet wrote, with its version.
    s.db().exec(QStringLiteral("DELETE FROM outbox"));
    const int queued = s.requeueOwnChanges();
    CHECK(queued >= mine);
    auto st = s.db().prepare(QStringLiteral("SELECT tbl, row_id, field, hlc FROM outbox"));
    int matched = 0;
    while (st.step())
        matched += before.value(QStringLiteral("%1/%2/%3").arg(st.integer(0)).arg(st.text(1)).arg(st.integer(2))).first == st.integer(3);
    CHECK(matched == queued);
}

TEST_CASE("an id is a lower-case UUID in its 8-4-4-4-12 text form, nothing else", "[store][ids]")
{
    CHECK(isId(QStringLiteral("2fb17a10-51cb-434e-a597-cde9a367c679")));
    CHECK(isId(Store::newId()));
    CHECK(isId(Store::naturalId(QStringLiteral("attendance"), Store::newId(), Store::newId())));
    CHECK_FALSE(isId(QString()));
    CHECK_FALSE(isId(QStringLiteral("2FB17A10-51CB-434E-A597-CDE9A367C679")));  // upper case
    CHECK_FALSE(isId(QStringLiteral("2fb17a10-51cb-434e-a597-cde9a367c67")));   // one short
    CHECK_FALSE(isId(QStringLiteral("2fb17a10-51cb-434e-a597-cde9a367c6790"))); // one long
    CHECK_FALSE(isId(QStringLiteral("2fb17a1051cb-434e-a597-cde9a367c679-")));  // a dash moved
    CHECK_FALSE(isId(QStringLiteral("2fb17a10-51cb-434e-a597-cde9a367c67g")));  // not hex
    CHECK_FALSE(isId(QStringLiteral("2fb17a10-51cb-434e-a597-cde9a367c67đ")));  // not ASCII
    CHECK_FALSE(isId(QStringLiteral("{2fb17a10-51cb-434e-a597-cde9a367c6}")));  // braces
}

TEST_CASE("a statement run with exec can be bound and run again, each run with its own values", "[store][database]")
{
    TempDir dir;
    Database db(dir.path(QStringLiteral("reuse.db")));
    db.exec(QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)"));
    auto insert = db.prepare(QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"));
    for (int i = 1; i <= 3; ++i) {
        insert.bind(1, qint64(i)).bind(2, QStringLiteral("giá trị %1").arg(i)).exec();
        CHECK(db.changes() == 1);
    }
    CHECK(db.scalar(QStringLiteral("SELECT group_concat(k || '=' || v, ';') FROM t")).toText() == QStringLiteral("1=giá trị 1;2=giá trị 2;3=giá trị 3"));
}
