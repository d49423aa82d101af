// The PostgreSQL server store against a real PostgreSQL (started by ctest).
#include "records.h"
#include "schema.h"
#include "syncservice.h"
#include "syncsession.h"
#include "serverstore.h"
#include "synctestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QUuid>
#include <map>
#include <catch2/catch.hpp>
#include <libpq-fe.h>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

TEST_CASE("the PostgreSQL store connects again after its connection is cut, as when PostgreSQL restarts", "[server][postgres]")
{
    const QString app = QStringLiteral("clc_test_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    auto store = openPostgresServerStore(postgresConninfo() + QStringLiteral(" application_name=") + app, schema);
    const QString epoch = store->epoch();

    // Another session ends this store's connection, as a restart of PostgreSQL would.
    PGconn *admin = PQconnectdb(postgresConninfo().toUtf8().constData());
    REQUIRE(PQstatus(admin) == CONNECTION_OK);
    const QByteArray kill = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '" + app.toLatin1() + "'";
    PGresult *r = PQexec(admin, kill.constData());
    REQUIRE(PQresultStatus(r) == PGRES_TUPLES_OK);
    CHECK(QByteArray(PQgetvalue(r, 0, 0)) == "1");
    PQclear(r);
    PQfinish(admin);

    // The first statement on the dead connection fails (the request gets a 503 and is retried);
    // the store then connects again, in its own schema, and goes on.
    bool recovered = false;
    for (int attempt = 0; attempt < 3 && !recovered; ++attempt) {
        try {
            recovered = store->epoch() == epoch;
        } catch (const Error &e) {
            CHECK(e.code() == Error::Code::Database);
        }
    }
    CHECK(recovered);
    const StoredChange name{Change{0, QStringLiteral("c"), 0, Value(QStringLiteral("TTHTCĐ")), Version{1, QStringLiteral("r")}, std::nullopt, false, {}},
                            QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("admin"), 0, 0};
    store->transaction(QStringLiteral("c"), [&] { store->put(name); });
    CHECK(store->rowExists(QStringLiteral("c"), 0, QStringLiteral("c")));
    CHECK(store->latest(QStringLiteral("c"), 0, QStringLiteral("c"), 0)->change.value == Value(QStringLiteral("TTHTCĐ")));
}

namespace {

/// Every change a store holds for a centre, in a form two stores can be compared by.
QStringList everything(ServerStore &store, const QString &centre, qint64 *top)
{
    std::vector<int> all;
    for (const TableDef &t : tables())
        all.push_back(t.code);
    const ServerStore::Page page = store.pull(centre, 0, 1000000, all, int(tables().size()) - 1, QString());
    *top = page.topSeq;
    QStringList out;
    for (const StoredChange &s : page.changes)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                   .arg(s.seq).arg(s.change.table).arg(s.change.row).arg(s.change.field).arg(s.change.value.toText())
                   .arg(s.change.version.hlc).arg(s.change.version.replica, s.device, s.role);
    out.sort();
    return out;
}

} // namespace

TEST_CASE("the previous release's PostgreSQL store migrates to the same rows, seqs and devices as its SQLite file", "[server][postgres][upgrade]")
{
    // Release 7's data directory (tests/fixtures/release-7), and the same rows in release 7's
    // PostgreSQL tables (release-7/postgres.sql, made from it by tests/fixtures/release-7-postgres.py).
    TempDir dir;
    const QString file = dir.path(QStringLiteral("server.db"));
    REQUIRE(QFile::copy(QStringLiteral(CLC_FIXTURES_DIR "/release-7/server.db"), file));
    QFile(file).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QFile sql(QStringLiteral(CLC_FIXTURES_DIR "/release-7/postgres.sql"));
    REQUIRE(sql.open(QIODevice::ReadOnly));
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    PGconn *admin = PQconnectdb(postgresConninfo().toUtf8().constData());
    REQUIRE(PQstatus(admin) == CONNECTION_OK);
    PGresult *r = PQexec(admin, ("CREATE SCHEMA " + schema.toLatin1() + "; SET search_path TO " + schema.toLatin1() + "; SET client_min_messages = warning;"
                                 + sql.readAll()).constData());
    INFO(PQresultErrorMessage(r));
    REQUIRE(PQresultStatus(r) == PGRES_COMMAND_OK);
    PQclear(r);
    PQfinish(admin);

    auto sqlite = openSqliteServerStore(file);
    auto pg = openPostgresServerStore(postgresConninfo(), schema);
    CHECK(pg->epoch() == sqlite->epoch());
    CHECK(pg->devices().size() == 4);
    CHECK(pg->devices().size() == sqlite->devices().size());
    QStringList centres;
    for (const DeviceRecord &d : sqlite->devices())
        if (!centres.contains(d.centre))
            centres << d.centre;
    REQUIRE(centres.size() == 2);
    qint64 top = 0;
    int held = 0;
    for (const QString &centre : centres) {
        qint64 sqliteTop = 0, pgTop = 0;
        const QStringList fromSqlite = everything(*sqlite, centre, &sqliteTop);
        CHECK_FALSE(fromSqlite.isEmpty());
        held += int(fromSqlite.size());
        CHECK(everything(*pg, centre, &pgTop) == fromSqlite);
        CHECK(pgTop == sqliteTop);
        top = std::max(top, pgTop);
    }
    CHECK(held == 160); // every change release 7 held (release-7/postgres.sql)
    // New writes go after everything the old store had handed out.
    const StoredChange name{Change{0, centres[0], 4, Value(QStringLiteral("Phường Đức Chính")), Version{1, QStringLiteral("r")}, std::nullopt, false, {}},
                            centres[0], QStringLiteral("d"), QStringLiteral("admin"), 0, 0};
    pg->transaction(centres[0], [&] { pg->put(name); });
    qint64 after = 0;
    everything(*pg, centres[0], &after);
    CHECK(after > top);
    // Opening it again finds nothing left to migrate.
    auto again = openPostgresServerStore(postgresConninfo(), schema);
    qint64 same = 0;
    CHECK(everything(*again, centres[0], &same).size() == everything(*pg, centres[0], &after).size());
}

TEST_CASE("two server processes on one PostgreSQL database never write a row from a stale read", "[server][postgres][multiprocess]")
{
    // Two stores on one schema stand for two clc-server processes behind a load balancer.
    TempDir dir;
    World world(dir, Backend::Postgres);
    Replica &office = world.add(Role::Coordinator);
    Replica &tablet = world.add(Role::Coordinator);
    const QString person = records::addPerson(*office.store, PersonInput{QStringLiteral("Hà Thị Mai")});
    world.syncAll();
    auto second = openPostgresServerStore(postgresConninfo(), world.pgSchema);
    SyncService other(*second);
    auto pushVia = [](SyncService &service, Replica &r) {
        LoopbackTransport t(service, r.device);
        SyncSummary sum;
        SyncSession(*r.store, t).pushAll(sum);
    };
    // The second process reads the row in a push that changes nothing (the office's own fields again).
    REQUIRE(office.store->requeueOwnChanges() > 0);
    pushVia(other, office);
    // The first process changes one field of it, then the second process another.
    tablet.store->write(QStringLiteral("people"), person, {{QStringLiteral("phone"), QStringLiteral("0912345678")}});
    world.sync(tablet);
    office.store->write(QStringLiteral("people"), person, {{QStringLiteral("note"), QStringLiteral("Tổ 3")}});
    pushVia(other, office);
    world.syncAll();
    Replica &later = world.add(Role::Coordinator);
    CHECK(later.store->value(QStringLiteral("people"), person, QStringLiteral("phone")).toText() == QStringLiteral("0912345678"));
    CHECK(later.store->value(QStringLiteral("people"), person, QStringLiteral("note")).toText() == QStringLiteral("Tổ 3"));
    CHECK(later.store->value(QStringLiteral("people"), person, QStringLiteral("full_name")).toText() == QStringLiteral("Hà Thị Mai"));
}

TEST_CASE("the PostgreSQL store keeps centres and row ids with quotes, backslashes, commas and braces exactly, in the order they were written", "[server][postgres]")
{
    // Rows go to PostgreSQL a thousand at a time as array parameters: every character that array
    // text would quote or escape must come back as it went in, and seqs must follow the writes'
    // order, new rows (a plain insert) and stored ones (an upsert) mixed in one statement.
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    auto store = openPostgresServerStore(postgresConninfo(), schema);
    const QStringList awkward{QStringLiteral("a\"b"), QStringLiteral("back\\slash"), QStringLiteral("x,y"), QStringLiteral("{}"),
                              QStringLiteral("NULL"), QString(), QStringLiteral(" lead and trail "), QStringLiteral("Đức Chính \\\""),
                              QStringLiteral("\\x00")};
    auto change = [](const QString &centre, const QString &row, const QString &value, qint64 hlc) {
        return StoredChange{Change{0, row, 0, Value(value), Version{hlc, QStringLiteral("r")}, std::nullopt, false, {}},
                            centre, QStringLiteral("d"), QStringLiteral("admin"), 0, 0};
    };
    const QString centre = QStringLiteral("centre \"q\" \\ {1,2}");
    std::vector<std::pair<int, QString>> rows;
    for (const QString &row : awkward)
        rows.emplace_back(0, row);
    // Written once, then again after a prefetch of all of them (the update path), each followed
    // by a new row (the insert path).
    QStringList order;
    for (qint64 round = 1; round <= 2; ++round) {
        store->transaction(centre, [&] {
            store->prefetch(centre, rows);
            for (const QString &row : awkward) {
                INFO(row.toStdString());
                CHECK(store->rowExists(centre, 0, row) == (round == 2));
                store->put(change(centre, row, row + QString::number(round), round));
                if (round == 2) {
                    const QString added = QStringLiteral("after ") + row;
                    CHECK_FALSE(store->rowExists(centre, 0, added));
                    store->put(change(centre, added, added, round));
                    order << row << added;
                }
            }
        });
    }
    const ServerStore::Page page = store->pull(centre, 0, 1000, {0}, -1, QString());
    REQUIRE(page.changes.size() == size_t(order.size()));
    for (int i = 0; i < order.size(); ++i) {
        const StoredChange &s = page.changes[size_t(i)];
        CHECK(s.centre == centre);
        CHECK(s.change.row == order[i]);
        CHECK(s.change.value == Value(i % 2 == 0 ? order[i] + QStringLiteral("2") : order[i]));
        if (i > 0)
            CHECK(s.seq > page.changes[size_t(i) - 1].seq);
    }
    CHECK(store->pull(QStringLiteral("centre"), 0, 1000, {0}, -1, QString()).changes.empty());
}

namespace {

/// Runs SQL in a schema as an administrator would (psql), outside any store.
void adminExec(const QString &schema, const QByteArray &sql)
{
    PGconn *admin = PQconnectdb(postgresConninfo().toUtf8().constData());
    REQUIRE(PQstatus(admin) == CONNECTION_OK);
    PGresult *r = PQexec(admin, "SET client_min_messages = warning; SET search_path TO " + schema.toLatin1() + "; " + sql);
    INFO(PQresultErrorMessage(r));
    const ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    PQfinish(admin);
    REQUIRE((st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK));
}

/// The first column of the first row SQL returns, or the error's SQLSTATE prefixed with "error ".
QByteArray adminValue(const QString &schema, const QByteArray &sql)
{
    PGconn *admin = PQconnectdb(postgresConninfo().toUtf8().constData());
    REQUIRE(PQstatus(admin) == CONNECTION_OK);
    PQclear(PQexec(admin, "SET search_path TO " + schema.toLatin1()));
    PGresult *r = PQexec(admin, sql.constData());
    const QByteArray out = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? QByteArray(PQgetvalue(r, 0, 0))
                           : PQresultStatus(r) == PGRES_COMMAND_OK                  ? QByteArray()
                                                                                    : "error " + QByteArray(PQresultErrorField(r, PG_DIAG_SQLSTATE));
    PQclear(r);
    PQfinish(admin);
    return out;
}

StoredChange nameChange(const QString &centre, const QString &row, const QString &value, qint64 hlc)
{
    return StoredChange{Change{0, row, 4, Value(value), Version{hlc, QStringLiteral("r")}, std::nullopt, false, {}},
                        centre, QStringLiteral("d"), QStringLiteral("admin"), 0, 0};
}

} // namespace

TEST_CASE("a PostgreSQL database whose records name centres by id opens with them numbered: the same records, seqs and pulls", "[server][postgres][upgrade]")
{
    // Two centres' records, as the release before numbered centres kept them (session 17's
    // clc_records, text centres: its CREATE TABLE below), made from a store of this release.
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString north = QStringLiteral("11111111-aaaa-4bbb-8ccc-000000000001"), south = QStringLiteral("22222222-aaaa-4bbb-8ccc-000000000002");
    std::map<QString, QStringList> before;
    std::map<QString, qint64> tops;
    std::vector<StoredChange> secondPage; // what a device half-way through north's pull is owed
    qint64 cursor = 0;
    {
        auto store = openPostgresServerStore(postgresConninfo(), schema);
        for (int i = 0; i < 30; ++i) {
            const QString &centre = i % 3 == 0 ? south : north;
            store->transaction(centre, [&] {
                store->put(nameChange(centre, QStringLiteral("row %1").arg(i % 12), QStringLiteral("Tổ %1").arg(i), i + 1));
            });
        }
        for (const QString &centre : {north, south}) {
            qint64 top = 0;
            before[centre] = everything(*store, centre, &top);
            tops[centre] = top;
        }
        const ServerStore::Page first = store->pull(north, 0, 3, {0}, -1, QString());
        REQUIRE(first.more);
        cursor = first.changes.back().seq;
        secondPage = store->pull(north, cursor, 1000, {0}, -1, QString()).changes;
        REQUIRE_FALSE(secondPage.empty());
    }
    adminExec(schema, "CREATE TABLE old_records (centre TEXT NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL, "
                      "  seq BIGINT NOT NULL, writes BYTEA NOT NULL, PRIMARY KEY (centre, tbl, row_id));"
                      "INSERT INTO old_records SELECT n.name, r.tbl, r.row_id, r.seq, r.writes FROM clc_records r JOIN clc_names n ON n.no = r.centre;"
                      "DROP TABLE clc_records; DROP TABLE clc_names;"
                      "ALTER TABLE old_records RENAME TO clc_records; ALTER TABLE clc_records RENAME CONSTRAINT old_records_pkey TO clc_records_pkey;"
                      "CREATE INDEX clc_records_by_seq ON clc_records (centre, seq);");
    REQUIRE(adminValue(schema, "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                               "AND table_name = 'clc_records' AND column_name = 'centre'") == "text");

    auto store = openPostgresServerStore(postgresConninfo(), schema);
    CHECK(adminValue(schema, "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                             "AND table_name = 'clc_records' AND column_name = 'centre'") == "integer");
    for (const QString &centre : {north, south}) {
        qint64 top = 0;
        CHECK(everything(*store, centre, &top) == before[centre]);
        CHECK(top == tops[centre]);
    }
    // The device half-way through its pull goes on from its cursor and gets what it was owed.
    const std::vector<StoredChange> owed = store->pull(north, cursor, 1000, {0}, -1, QString()).changes;
    REQUIRE(owed.size() == secondPage.size());
    for (size_t i = 0; i < owed.size(); ++i) {
        CHECK(owed[i].seq == secondPage[i].seq);
        CHECK(owed[i].change.row == secondPage[i].change.row);
        CHECK(owed[i].change.value == secondPage[i].change.value);
    }
    // New writes go after everything handed out, and a second start finds nothing to do.
    store->transaction(north, [&] { store->put(nameChange(north, QStringLiteral("row new"), QStringLiteral("Tổ mới"), 100)); });
    qint64 after = 0;
    CHECK(everything(*store, north, &after).size() == before[north].size() + 1);
    CHECK(after > std::max(tops[north], tops[south]));
    auto again = openPostgresServerStore(postgresConninfo(), schema);
    qint64 same = 0;
    CHECK(everything(*again, north, &same).size() == before[north].size() + 1);
    CHECK(same == after);
    // A process of the earlier release still running cannot write a text centre any more.
    CHECK(adminValue(schema, "INSERT INTO clc_records (centre, tbl, row_id, seq, writes) VALUES ('" + north.toLatin1() + "', 0, 'x', 999, '\\x00')")
          == "error 22P02"); // invalid_text_representation
}

TEST_CASE("a number a rolled-back PostgreSQL transaction made for a centre is not used again", "[server][postgres]")
{
    // PostgreSQL never hands out a sequence's number twice, so a store that kept the number of a
    // rolled-back insert into clc_names would write its centre's records under a number no other
    // process knows: their pulls would miss them.
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString centre = QStringLiteral("c-rolled-back");
    auto first = openPostgresServerStore(postgresConninfo(), schema);
    CHECK_THROWS_AS(first->transaction(centre, [&] {
        first->put(nameChange(centre, QStringLiteral("p"), QStringLiteral("lost with the batch"), 1));
        first->trimConflicts(centre, QStringLiteral("d"), 10, table(QStringLiteral("conflicts"))->code, 0); // writes what was put
        REQUIRE(adminValue(schema, "SELECT count(*) FROM clc_names") == "0"); // (made, not yet committed)
        throw Error(Error::Code::Database, QStringLiteral("the batch fails after its records were written"));
    }), Error);
    first->transaction(centre, [&] { first->put(nameChange(centre, QStringLiteral("p"), QStringLiteral("kept"), 2)); });
    auto second = openPostgresServerStore(postgresConninfo(), schema); // another server process
    const ServerStore::Page page = second->pull(centre, 0, 10, {0}, -1, QString());
    REQUIRE(page.changes.size() == 1);
    CHECK(page.changes[0].change.value == Value(QStringLiteral("kept")));
    CHECK(adminValue(schema, "SELECT count(*) FROM clc_records r LEFT JOIN clc_names n ON n.no = r.centre WHERE n.no IS NULL") == "0");
}

TEST_CASE("a PostgreSQL record that cannot be read is written over by the next push of its row", "[server][postgres]")
{
    // A damaged record reads as nothing, but it is there: the row is written over it (an upsert),
    // never inserted beside it, which the key would refuse batch after batch.
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString centre = QStringLiteral("c-damaged");
    auto store = openPostgresServerStore(postgresConninfo(), schema);
    store->transaction(centre, [&] { store->put(nameChange(centre, QStringLiteral("p"), QStringLiteral("first"), 1)); });
    adminExec(schema, "UPDATE clc_records SET writes = '\\x00ff'");
    for (const bool prefetched : {true, false}) {
        INFO(prefetched);
        store->transaction(centre, [&] {
            if (prefetched)
                store->prefetch(centre, {{0, QStringLiteral("p")}});
            CHECK_FALSE(store->latest(centre, 0, QStringLiteral("p"), 4));
            store->put(nameChange(centre, QStringLiteral("p"), QStringLiteral("again"), 2));
        });
        const ServerStore::Page page = store->pull(centre, 0, 10, {0}, -1, QString());
        REQUIRE(page.changes.size() == 1);
        CHECK(page.changes[0].change.value == Value(QStringLiteral("again")));
        adminExec(schema, "UPDATE clc_records SET writes = '\\x00ff'");
    }
}

TEST_CASE("after a PostgreSQL restore numbers centres anew, a running store writes each centre under its own number", "[server][postgres]")
{
    // A restore (or a failover to a replica behind) can give a number another centre had here: a
    // store that kept numbers across transactions would write one centre's records under another's.
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString north = QStringLiteral("c-north"), south = QStringLiteral("c-south");
    auto running = openPostgresServerStore(postgresConninfo(), schema);
    running->transaction(north, [&] { running->put(nameChange(north, QStringLiteral("n1"), QStringLiteral("Bắc"), 1)); });
    // The restored backup predates the north centre: no names, no records, the sequence back at 1.
    adminExec(schema, "TRUNCATE clc_records, clc_names; ALTER SEQUENCE clc_names_no_seq RESTART WITH 1;");
    auto other = openPostgresServerStore(postgresConninfo(), schema); // another process
    other->transaction(south, [&] { other->put(nameChange(south, QStringLiteral("s1"), QStringLiteral("Nam"), 1)); });
    running->transaction(north, [&] { running->put(nameChange(north, QStringLiteral("n2"), QStringLiteral("Bắc 2"), 2)); });
    const ServerStore::Page southPage = other->pull(south, 0, 10, {0}, -1, QString());
    REQUIRE(southPage.changes.size() == 1);
    CHECK(southPage.changes[0].change.row == QStringLiteral("s1"));
    const ServerStore::Page northPage = other->pull(north, 0, 10, {0}, -1, QString());
    REQUIRE(northPage.changes.size() == 1);
    CHECK(northPage.changes[0].change.row == QStringLiteral("n2"));
}

TEST_CASE("a row another PostgreSQL session stored after the batch found it new fails the batch, and the batch sent again merges it", "[server][postgres]")
{
    // A new row is a plain insert, safe because every writer of the centre holds its lock. A row
    // written without the lock (here an administrator's session) is found by the key: nothing of
    // the batch is kept, never a record replaced without merging.
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString centre = QStringLiteral("c-behind");
    auto store = openPostgresServerStore(postgresConninfo(), schema);
    store->transaction(centre, [&] { store->put(nameChange(centre, QStringLiteral("first"), QStringLiteral("có trước"), 1)); });
    auto batch = [&] {
        store->transaction(centre, [&] {
            store->prefetch(centre, {{0, QStringLiteral("p")}, {0, QStringLiteral("q")}});
            if (!store->rowExists(centre, 0, QStringLiteral("p")))
                adminExec(schema, "INSERT INTO clc_records (centre, tbl, row_id, seq, writes) "
                                  "SELECT r.centre, 0, 'p', nextval('clc_record_seq'), r.writes FROM clc_records r WHERE r.row_id = 'first'");
            store->put(nameChange(centre, QStringLiteral("q"), QStringLiteral("q"), 2));
            store->put(nameChange(centre, QStringLiteral("p"), QStringLiteral("p"), 2));
        });
    };
    CHECK_THROWS_AS(batch(), Error);
    ServerStore::Page page = store->pull(centre, 0, 10, {0}, -1, QString());
    REQUIRE(page.changes.size() == 2); // first, and p as the other session wrote it; no q
    CHECK(page.changes[1].change.row == QStringLiteral("p"));
    CHECK(page.changes[1].change.value == Value(QStringLiteral("có trước")));
    batch(); // sent again: p is found stored and merged (its field written at hlc 2 is newer)
    page = store->pull(centre, 0, 10, {0}, -1, QString());
    REQUIRE(page.changes.size() == 3);
    CHECK(page.changes[1].change.row == QStringLiteral("q"));
    CHECK(page.changes[2].change.row == QStringLiteral("p"));
    CHECK(page.changes[2].change.value == Value(QStringLiteral("p")));
}

TEST_CASE("a PostgreSQL that accepts the connection and never answers fails the store's connection instead of holding it", "[server][postgres]")
{
    // A socket that listens and never speaks: the kernel completes the TCP handshake, libpq sends
    // its startup packet and waits. Without a connect_timeout it would wait for ever (ctest's limit
    // then fails the test); the store gives up after its default of 10 s, or after what the
    // operator's connection string says, in either of libpq's forms.
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost));
    const QString port = QString::number(silent.serverPort());
    auto failsWithin = [](const QString &conninfo, qint64 atMostMs) {
        INFO(conninfo.toStdString());
        QElapsedTimer took;
        took.start();
        try {
            openPostgresServerStore(conninfo, QString());
            FAIL("connected to a socket that never answers");
        } catch (const Error &e) {
            CHECK(e.code() == Error::Code::Database);
        }
        CHECK(took.elapsed() < atMostMs);
        return took.elapsed();
    };
    if (qEnvironmentVariableIsEmpty("PGCONNECT_TIMEOUT"))
        CHECK(failsWithin(QStringLiteral("host=127.0.0.1 port=%1 user=clc dbname=postgres").arg(port), 30000) >= 9000); // the default, 10 s
    failsWithin(QStringLiteral("host=127.0.0.1 port=%1 user=clc dbname=postgres connect_timeout=2").arg(port), 8000);
    failsWithin(QStringLiteral("postgresql://clc@127.0.0.1:%1/postgres?connect_timeout=2").arg(port), 8000);
}

TEST_CASE("a PostgreSQL batch of more rows than one statement takes is looked up, written and read back whole and in order", "[server][postgres]")
{
    // Rows go 1,000 to a statement: 2,500 cross two boundaries in the writes and in the second
    // batch's lookups (the first looks nothing up: its centre has no number yet). Pulled in pages
    // of 1,000, each page's cursor the last seq of the one before.
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    const QString centre = QStringLiteral("c-many");
    auto store = openPostgresServerStore(postgresConninfo(), schema);
    std::vector<std::pair<int, QString>> rows;
    for (int i = 0; i < 2500; ++i)
        rows.emplace_back(0, QStringLiteral("row %1").arg(i, 4, 10, QLatin1Char('0')));
    // The first batch writes every other row; the second looks all of them up, then writes all.
    store->transaction(centre, [&] {
        store->prefetch(centre, rows);
        for (size_t i = 0; i < rows.size(); i += 2)
            store->put(nameChange(centre, rows[i].second, QStringLiteral("một"), 1));
    });
    store->transaction(centre, [&] {
        store->prefetch(centre, rows);
        for (size_t i = 0; i < rows.size(); ++i) {
            CHECK(store->rowExists(centre, 0, rows[i].second) == (i % 2 == 0));
            store->put(nameChange(centre, rows[i].second, QStringLiteral("hai"), 2));
        }
    });
    QStringList pulled, expected;
    QStringList values;
    qint64 cursor = 0, lastSeq = 0;
    bool ordered = true;
    for (bool more = true; more;) {
        const ServerStore::Page page = store->pull(centre, cursor, 1000, {0}, -1, QString());
        REQUIRE_FALSE(page.changes.empty());
        for (const StoredChange &c : page.changes) {
            pulled << c.change.row;
            values << c.change.value.toText();
            ordered = ordered && c.seq > lastSeq;
            lastSeq = c.seq;
        }
        cursor = page.changes.back().seq;
        more = page.more;
    }
    for (const auto &row : rows)
        expected << row.second;
    CHECK(pulled == expected);
    CHECK(values == QStringList(int(rows.size()), QStringLiteral("hai")));
    CHECK(ordered);
}
