#pragma once
// A ward office on loopback for the real-process tests: a clc-server (SQLite or PostgreSQL) and the
// devices that sync with it through the clc command.
#include "database.h"
#include "nettestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <catch2/catch.hpp>

namespace clctest {

enum class Backend { Sqlite, Postgres };

inline QStringList backendArgs(Backend b)
{
    if (b == Backend::Sqlite)
        return {};
    QFile f(QStringLiteral(CLC_PG_CONNINFO_FILE));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("PostgreSQL for the tests is not running: run the tests with ctest, which starts it");
    return {QStringLiteral("--postgres"), QString::fromUtf8(f.readAll()).trimmed(), QStringLiteral("--postgres-schema"),
            QStringLiteral("n_") + QUuid::createUuid().toString(QUuid::Id128)};
}

inline QByteArray exported(const QString &db)
{
    const Result r = runClc(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.code == 0);
    return r.out.toUtf8();
}

inline int count(const QString &db, const char *table)
{
    return QJsonDocument::fromJson(exported(db)).object().value(QLatin1String(table)).toArray().size();
}

struct Office
{
    TempDir dir;
    std::unique_ptr<ServerProcess> server;
    QString a, b, c;   // databases: the office computer (admin) and two facilitators' tablets
    QString centre;

    explicit Office(Backend backend, bool demo = true, const QStringList &serverOptions = {})
    {
        server = std::make_unique<ServerProcess>(dir.path(QStringLiteral("server")), freePort(), backendArgs(backend) + serverOptions);
        a = dir.path(QStringLiteral("a.db"));
        b = dir.path(QStringLiteral("b.db"));
        c = dir.path(QStringLiteral("c.db"));
        REQUIRE(runClc(a, {demo ? QStringLiteral("demo") : QStringLiteral("init")}).code == 0);
        centre = centreOf(a);
        enrol(a, QStringLiteral("admin"));
        enrol(b, QStringLiteral("facilitator"));
        enrol(c, QStringLiteral("facilitator"));
    }
    void enrol(const QString &db, const QString &role, const QString &url = {})
    {
        const QString code = server->enrollCode(centre, role, QStringLiteral("Máy %1").arg(db.right(4)));
        const Result r = runClc(db, {QStringLiteral("enroll"), QStringLiteral("--server"), url.isEmpty() ? server->url() : url, QStringLiteral("--code"), code});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
    }
    /// Syncs until a run succeeds (a fault may interrupt one).
    void syncUntilDone(const QString &db, int tries = 5)
    {
        for (int i = 0; i < tries; ++i)
            if (runClc(db, {QStringLiteral("sync")}).code == 0)
                return;
        FAIL("sync never completed");
    }
    void converge()
    {
        for (int round = 0; round < 2; ++round)
            for (const QString &db : {a, b, c})
                syncUntilDone(db);
        const QByteArray first = exported(a);
        CHECK(exported(b) == first);
        CHECK(exported(c) == first);
        // Every SQLite file is sound after whatever the test did to it (docs/reliability.md#fault-matrix).
        QStringList files{a, b, c};
        if (QFile::exists(dir.path(QStringLiteral("server/server.db"))))
            files << dir.path(QStringLiteral("server/server.db"));
        for (const QString &file : files)
            CHECK(clc::Database(file).scalar(QStringLiteral("PRAGMA integrity_check")).toText() == QStringLiteral("ok"));
    }
};

} // namespace clctest
