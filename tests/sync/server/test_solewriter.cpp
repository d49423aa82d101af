// A record's sole writer (rowrecord.h, soleWriter): stored beside the record on both back ends, so a
// pull passes over a device's own rows in the index; pulls hand out exactly what they did before,
// and a store from before the column gains it.
#include "records.h"
#include "schema.h"
#include "syncservice.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>
#include <libpq-fe.h>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

/// Runs SQL on the world's server store outside it; returns the first column of the first row.
QString rawSql(World &world, Backend backend, const QString &sql)
{
    if (backend == Backend::Sqlite) {
        Database db(world.dir.path(QStringLiteral("server.db")));
        if (!sql.startsWith(QLatin1String("SELECT"))) {
            db.exec(sql);
            return {};
        }
        return db.scalar(sql).toText();
    }
    PGconn *c = PQconnectdb(postgresConninfo().toUtf8().constData());
    REQUIRE(PQstatus(c) == CONNECTION_OK);
    const QByteArray full = "SET search_path TO " + world.pgSchema.toLatin1() + "; SET client_min_messages = warning; "
        + sql.toUtf8().replace("records", "clc_records");
    PGresult *r = PQexec(c, full.constData());
    INFO(PQresultErrorMessage(r));
    REQUIRE((PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK));
    const QString out = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? QString::fromUtf8(PQgetvalue(r, 0, 0)) : QString();
    PQclear(r);
    PQfinish(c);
    return out;
}

QString soleOf(World &world, Backend backend, const QString &row)
{
    return rawSql(world, backend, QStringLiteral("SELECT coalesce(sole, '(several)') FROM records WHERE row_id = '%1'").arg(row));
}

/// What a device gets from the start, as "table/row/field=value" lines.
QStringList pulled(SyncService &service, const Device &device)
{
    QStringList out;
    for (const Change &c : service.pull(device, PullRequest{QString(), MaxChanges, ProtocolVersion}).changes)
        out << QStringLiteral("%1/%2/%3=%4").arg(c.table).arg(c.row).arg(c.field).arg(c.value.toText());
    out.sort();
    return out;
}

} // namespace

TEST_CASE("a row one device wrote keeps that writer beside it and that device's pull passes over it, on both back ends", "[server][sole]")
{
    TempDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    World world(dir, backend);
    Replica &a = world.add();
    Replica &b = world.add();
    world.syncAll();
    const QString onlyA = records::addPerson(*a.store, PersonInput{QStringLiteral("Nguyễn Văn An")});
    const QString both = records::addPerson(*a.store, PersonInput{QStringLiteral("Trần Thị Bình")});
    world.sync(a);
    world.sync(b);
    records::updatePerson(*b.store, both, PersonInput{QStringLiteral("Trần Thị Bình (khu 3)")});
    world.sync(b);

    CHECK(soleOf(world, backend, onlyA) == a.device.id);
    CHECK(soleOf(world, backend, both) == QStringLiteral("(several)"));
    const QStringList aGets = pulled(*world.service, a.device);
    CHECK_FALSE(aGets.join(QLatin1Char('\n')).contains(onlyA));         // only its own writes: nothing
    CHECK(aGets.join(QLatin1Char('\n')).contains(QStringLiteral("Trần Thị Bình (khu 3)"))); // b's write of a shared row
    const QStringList bGets = pulled(*world.service, b.device);
    CHECK(bGets.join(QLatin1Char('\n')).contains(onlyA));

    // A store from before the column: opened again, it gains the column; its old rows have no sole
    // writer and are read and filtered as before, so every device gets the same as above.
    if (backend == Backend::Sqlite)
        rawSql(world, backend, QStringLiteral("DROP INDEX records_by_seq_sole; ALTER TABLE records DROP COLUMN sole; "
                                              "CREATE INDEX records_by_seq ON records (centre, seq)"));
    else
        rawSql(world, backend, QStringLiteral("ALTER TABLE records DROP COLUMN sole"));
    auto reopened = backend == Backend::Sqlite ? openSqliteServerStore(dir.path(QStringLiteral("server.db")))
                                               : openPostgresServerStore(postgresConninfo(), world.pgSchema);
    SyncService again(*reopened, world.clock.fn());
    CHECK(soleOf(world, backend, onlyA) == QStringLiteral("(several)")); // unknown: read as before
    CHECK(pulled(again, a.device) == aGets);
    CHECK(pulled(again, b.device) == bGets);
    if (backend == Backend::Sqlite)
        CHECK(rawSql(world, backend, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'records_by_seq'")) == QStringLiteral("0"));
}
