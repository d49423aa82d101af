#include "exporter.h"
#include "records.h"
#include "store.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("the canonical export is the same bytes whatever order the same data was written in", "[export]")
{
    TempDir dir;
    ManualClock clockA, clockB;
    *clockB.ms += 123456;
    auto a = makeStore(dir, QStringLiteral("a.db"), clockA, QStringLiteral("dev-a"));
    auto b = makeStore(dir, QStringLiteral("b.db"), clockB, QStringLiteral("dev-b"));
    // Same centre id on both, as after an enrolment; same row ids, written in opposite orders.
    b->db().exec(QStringLiteral("PRAGMA foreign_keys=OFF; UPDATE centres SET id = '%1'; UPDATE meta SET value = '%1' WHERE key = 'centre_id'; PRAGMA foreign_keys=ON;")
                     .arg(a->centreId()));
    b = makeStore(dir, QStringLiteral("b.db"), clockB, QStringLiteral("dev-b"));
    const QString p1 = Store::newId(), p2 = Store::newId();
    a->write(QStringLiteral("people"), p1, {{QStringLiteral("full_name"), QStringLiteral("Nguyễn Văn An")}, {QStringLiteral("khu"), QStringLiteral("Khu 1")}});
    a->write(QStringLiteral("people"), p2, {{QStringLiteral("full_name"), QStringLiteral("Trần Thị Bình")}});
    b->write(QStringLiteral("people"), p2, {{QStringLiteral("full_name"), QStringLiteral("Trần Thị B")}});
    b->write(QStringLiteral("people"), p1, {{QStringLiteral("khu"), QStringLiteral("Khu 1")}, {QStringLiteral("full_name"), QStringLiteral("Nguyễn Văn An")}});
    b->write(QStringLiteral("people"), p2, {{QStringLiteral("full_name"), QStringLiteral("Trần Thị Bình")}});
    CHECK(exportJson(*a) == exportJson(*b));
    CHECK(exportCsv(*a) == exportCsv(*b));
    CHECK(a->replicaId() != b->replicaId());
}

TEST_CASE("the JSON export holds every table by its plural name, rows sorted by id, and no local metadata", "[export]")
{
    TempDir dir;
    auto s = makeStore(dir);
    for (int i = 0; i < 5; ++i)
        records::addPerson(*s, PersonInput{QStringLiteral("Người %1").arg(i)});
    const QJsonObject root = QJsonDocument::fromJson(exportJson(*s)).object();
    for (const char *t : {"centres", "activities", "sessions", "people", "attendance", "plans", "targets", "learner_groups"})
        CHECK(root.contains(QLatin1String(t)));
    const QJsonArray people = root[QStringLiteral("people")].toArray();
    REQUIRE(people.size() == 5);
    for (int i = 1; i < people.size(); ++i)
        CHECK(people[i - 1][QStringLiteral("id")].toString() < people[i][QStringLiteral("id")].toString());
    CHECK_FALSE(people[0].toObject().contains(QStringLiteral("search_key")));
    CHECK_FALSE(root.contains(QStringLiteral("outbox")));
    CHECK_FALSE(root.contains(QStringLiteral("meta")));
}

TEST_CASE("the CSV export starts with a BOM so spreadsheets read Vietnamese", "[export]")
{
    TempDir dir;
    auto s = makeStore(dir);
    records::addPerson(*s, PersonInput{QStringLiteral("Nguyễn Văn An, con")});
    const QByteArray csv = exportCsv(*s);
    CHECK(csv.startsWith("\xEF\xBB\xBFtable,id,field,value\n"));
    CHECK(csv.contains("\"Nguyễn Văn An, con\""));
}
