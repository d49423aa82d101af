// A record's sole writer (rowrecord.h, soleWriter), kept by the SQLite server store in the stream's
// index as "device:seq", so a pull passes over a device's own rows without reading them. Pulls must
// hand out exactly what they did without it, page by page; a record rewritten by a release that does
// not know the column is read again; a store from before the column gains it.
#include "records.h"
#include "schema.h"
#include "syncservice.h"
#include "synctestsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clc::sync;
using namespace clctest;

namespace {

QString serverFile(World &world) { return world.dir.path(QStringLiteral("server.db")); }

/// The row's sole writer as "device:seq" (the store keeps the device's number), or "(several)".
QString soleOf(World &world, const QString &row)
{
    return Database(serverFile(world))
        .scalar(QStringLiteral("SELECT coalesce((SELECT name FROM names WHERE no = substr(sole, 1, instr(sole, ':') - 1)) || substr(sole, instr(sole, ':')), "
                               "'(several)') FROM records WHERE row_id = '%1'")
                    .arg(row))
        .toText();
}

/// Every page a device (or, with an empty device, a server-side reader such as the public calendar)
/// gets from the start at the given page size: its changes, cursor and whether more follow.
QStringList pages(ServerStore &store, const QString &centre, const QString &device, int limit)
{
    std::vector<int> tables;
    for (const TableDef &t : clc::tables())
        tables.push_back(t.code);
    QStringList out;
    qint64 after = 0;
    for (int n = 0; n < 1000; ++n) {
        const ServerStore::Page page = store.pull(centre, after, limit, tables, -1, device);
        QStringList lines;
        for (const StoredChange &s : page.changes) {
            lines << QStringLiteral("%1 %2/%3/%4=%5").arg(s.seq).arg(s.change.table).arg(s.change.row).arg(s.change.field).arg(s.change.value.toText());
            after = s.seq;
        }
        out << lines.join(QLatin1Char('\n')) + QStringLiteral(" | more=%1 top=%2").arg(page.more).arg(page.topSeq);
        if (!page.more)
            break;
    }
    return out;
}

} // namespace

TEST_CASE("a row one device wrote keeps that writer in the SQLite store's index and every pull gives what it gave without it", "[server][sole]")
{
    TempDir dir;
    World world(dir, Backend::Sqlite);
    Replica &a = world.add();
    Replica &b = world.add();
    world.syncAll();
    QStringList onlyA;
    for (int i = 0; i < 5; ++i)
        onlyA << records::addPerson(*a.store, PersonInput{QStringLiteral("Người học %1").arg(i)});
    const QString both = records::addPerson(*a.store, PersonInput{QStringLiteral("Trần Thị Bình")});
    world.sync(a);
    world.sync(b);
    records::updatePerson(*b.store, both, PersonInput{QStringLiteral("Trần Thị Bình (khu 3)")});
    records::addPerson(*b.store, PersonInput{QStringLiteral("Lò Văn Pành")});
    world.sync(b);

    CHECK(soleOf(world, onlyA[0]).startsWith(a.device.id + QLatin1Char(':')));
    CHECK(soleOf(world, both) == QStringLiteral("(several)"));

    // The pages of both tablets and of a reader with no device, at several page sizes, with the sole
    // writers as stored and with none at all (every record read and filtered as before the column).
    auto everyPage = [&](ServerStore &store) {
        QStringList all;
        for (const QString &device : {a.device.id, b.device.id, QString()})
            for (const int limit : {1, 3, 1000})
                all << pages(store, world.centre, device, limit);
        return all;
    };
    const QStringList withSole = everyPage(*world.serverStore);
    CHECK(withSole.join(QLatin1Char('\n')).contains(QStringLiteral("Trần Thị Bình (khu 3)")));
    Database(serverFile(world)).exec(QStringLiteral("UPDATE records SET sole = NULL"));
    auto plain = openSqliteServerStore(serverFile(world));
    CHECK(everyPage(*plain) == withSole);

    // A record that a release without the column rewrote (a new seq, another writer) keeps the old
    // "device:seq": it no longer matches the record's seq, so the record is read, and a's pull gets b's name.
    Database(serverFile(world))
        .exec(QStringLiteral("UPDATE records SET sole = (SELECT no FROM names WHERE name = '%1') || ':' || (seq - 1) WHERE row_id = '%2'").arg(a.device.id, both));
    auto stale = openSqliteServerStore(serverFile(world));
    CHECK(pages(*stale, world.centre, a.device.id, 1000).join(QLatin1Char('\n')).contains(QStringLiteral("Trần Thị Bình (khu 3)")));

    // A store from before the column: opened, it gains the column and the index, and pulls the same.
    Database(serverFile(world)).exec(QStringLiteral("DROP INDEX records_by_seq_sole; ALTER TABLE records DROP COLUMN sole; "
                                                    "CREATE INDEX records_by_seq ON records (centre, seq)"));
    auto reopened = openSqliteServerStore(serverFile(world));
    CHECK(everyPage(*reopened) == withSole);
    Database check(serverFile(world));
    CHECK(check.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'records_by_seq_sole'")).toInt() == 1);
    CHECK(check.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'records_by_seq'")).toInt() == 0);
}

TEST_CASE("a SQLite server file an earlier release wrote to after its upgrade is refused, saying why", "[server][sole]")
{
    // A release from before the numbers names centres by their ids: run on an upgraded file, its
    // records would be invisible to this release's pulls (docs/sync.md#numbers).
    TempDir dir;
    World world(dir, Backend::Sqlite);
    Replica &a = world.add();
    records::addPerson(*a.store, PersonInput{QStringLiteral("Nguyễn Văn An")});
    world.sync(a);
    Database(serverFile(world))
        .prepare(QStringLiteral("INSERT INTO records (centre, tbl, row_id, writes) VALUES (?, 3, 'written-by-an-old-release', x'00')"))
        .bind(1, world.centre)
        .exec();
    try {
        openSqliteServerStore(serverFile(world));
        FAIL("opened");
    } catch (const Error &e) {
        CHECK(e.message().contains(QStringLiteral("1 records were written by an earlier release")));
    }
    Database(serverFile(world)).exec(QStringLiteral("DELETE FROM records WHERE row_id = 'written-by-an-old-release'"));
    CHECK_NOTHROW(openSqliteServerStore(serverFile(world)));
}
