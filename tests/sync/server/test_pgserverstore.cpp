// The PostgreSQL server store against a real PostgreSQL (started by ctest).
#include "serverstore.h"
#include "synctestsupport.h"

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
