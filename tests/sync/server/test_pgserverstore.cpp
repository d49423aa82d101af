// The PostgreSQL server store against a real PostgreSQL (started by ctest).
#include "records.h"
#include "schema.h"
#include "syncservice.h"
#include "syncsession.h"
#include "serverstore.h"
#include "synctestsupport.h"

#include <QFile>
#include <QUuid>
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
    // text quotes or escapes must come back as it went in, and seqs must follow the writes' order.
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
    // Written once, then again after a prefetch of all of them (the update path).
    for (qint64 round = 1; round <= 2; ++round) {
        store->transaction(centre, [&] {
            store->prefetch(centre, rows);
            for (const QString &row : awkward) {
                INFO(row.toStdString());
                CHECK(store->rowExists(centre, 0, row) == (round == 2));
                store->put(change(centre, row, row + QString::number(round), round));
            }
        });
    }
    const ServerStore::Page page = store->pull(centre, 0, 1000, {0}, -1, QString());
    REQUIRE(page.changes.size() == size_t(awkward.size()));
    for (int i = 0; i < awkward.size(); ++i) {
        const StoredChange &s = page.changes[size_t(i)];
        CHECK(s.centre == centre);
        CHECK(s.change.row == awkward[i]);
        CHECK(s.change.value == Value(awkward[i] + QStringLiteral("2")));
        if (i > 0)
            CHECK(s.seq > page.changes[size_t(i) - 1].seq);
    }
    CHECK(store->pull(QStringLiteral("centre"), 0, 1000, {0}, -1, QString()).changes.empty());
}
