// Upgrading in place: the files earlier releases left (tests/fixtures/release-7, release-9 and
// release-11, each made by its own build) open with this one, migrate, and keep syncing with nothing lost and nothing doubled.
#include "database.h"
#include "office.h"
#include "store.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace clc;
using namespace clctest;

namespace {

/// A copy of a fixture device, as if the app had been upgraded on the tablet that holds it: the file
/// is where it always was (no copy detected, so it keeps its replica, token and batches).
QString device(const QString &fixtures, const TempDir &dir, const char *name)
{
    const QString path = dir.path(QString::fromLatin1(name) + QStringLiteral(".db"));
    REQUIRE(QFile::copy(fixtures + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".db"), path));
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    Database db(path);
    db.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'device_fingerprint'")).bind(1, Store::deviceFingerprint(path)).exec();
    return path;
}

QJsonArray rows(const QString &db, const char *table) { return QJsonDocument::fromJson(exported(db)).object().value(QLatin1String(table)).toArray(); }

int countWhere(const QJsonArray &rows, const char *field, const QString &value)
{
    int n = 0;
    for (const QJsonValue &r : rows)
        n += r.toObject().value(QLatin1String(field)).toString() == value;
    return n;
}

QString meta(const QString &db, const char *key)
{
    Database d(db);
    return d.scalar(QStringLiteral("SELECT value FROM meta WHERE key = '%1'").arg(QLatin1String(key))).toText();
}

} // namespace

TEST_CASE("an earlier release's server data and devices migrate and keep syncing with nothing lost or doubled", "[upgrade][process]")
{
    // release-7: the server's changes one row per field; release-9: row records in key order;
    // release-11: devices with clock rows of field -1 and packed outbox rows (migration 12 moves the
    // clocks into the rows), a server as session 16 left it (centres and sole writers by their ids).
    const QString release = GENERATE(QStringLiteral("release-7"), QStringLiteral("release-9"), QStringLiteral("release-11"));
    INFO(release.toStdString());
    const QString Fixtures = QStringLiteral(CLC_FIXTURES_DIR "/") + release;
    TempDir dir;
    const QString data = dir.path(QStringLiteral("server"));
    QDir().mkpath(data);
    for (const char *f : {"server.db", "server.db.seq"}) {
        REQUIRE(QFile::copy(Fixtures + QLatin1Char('/') + QLatin1String(f), data + QLatin1Char('/') + QLatin1String(f)));
        QFile(data + QLatin1Char('/') + QLatin1String(f)).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    const QString tablet = device(Fixtures, dir, "tablet"), phone = device(Fixtures, dir, "phone"), office = device(Fixtures, dir, "office"),
                  other = device(Fixtures, dir, "other");
    // What the files held before the upgrade.
    const int phoneWaiting = Database(phone).scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt();
    REQUIRE(phoneWaiting > 0);
    REQUIRE(meta(phone, "outbox_frozen_to").toInt() > 0); // a batch pushed, its acknowledgement never recorded
    const QJsonArray tabletMarks = rows(tablet, "attendance");
    const QJsonArray phoneMarks = rows(phone, "attendance");
    const QString centreA = meta(tablet, "centre_id"), centreB = meta(other, "centre_id");

    // Each record's sole writer as "device:seq", by its seq (the centre's too), before and after.
    auto soles = [](Database &db, bool numbered) {
        QStringList out;
        auto st = db.prepare(numbered ? QStringLiteral("SELECT r.seq || ' ' || c.name || ' ' || coalesce((SELECT name FROM names WHERE no = "
                                                       "substr(r.sole, 1, instr(r.sole, ':') - 1)) || substr(r.sole, instr(r.sole, ':')), '-') "
                                                       "FROM records r JOIN names c ON c.no = r.centre ORDER BY r.seq")
                                      : QStringLiteral("SELECT seq || ' ' || centre || ' ' || coalesce(sole, '-') FROM records ORDER BY seq"));
        while (st.step())
            out << st.text(0);
        return out;
    };
    QStringList solesBefore;
    {
        Database before(data + QStringLiteral("/server.db"));
        if (before.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'records'")).toInt() > 0)
            solesBefore = soles(before, false);
    }
    ServerProcess server(data, freePort());
    {
        Database migrated(data + QStringLiteral("/server.db"));
        CHECK(migrated.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('changes', 'rows')")).toInt() == 0);
        CHECK(migrated.scalar(QStringLiteral("SELECT count(*) FROM records")).toInt() > 0);
        // The records in arrival order: the table keyed by seq.
        CHECK(migrated.scalar(QStringLiteral("SELECT count(*) FROM pragma_table_info('records') WHERE name = 'seq' AND pk = 1")).toInt() == 1);
        // Centres and sole writers by number: every record's centre and every sole writer is a known id.
        CHECK(migrated.scalar(QStringLiteral("SELECT type FROM pragma_table_info('records') WHERE name = 'centre'")).toText() == QStringLiteral("INTEGER"));
        CHECK(migrated.scalar(QStringLiteral("SELECT count(*) FROM records WHERE centre NOT IN (SELECT no FROM names)")).toInt() == 0);
        if (!solesBefore.isEmpty()) {
            CHECK(soles(migrated, true) == solesBefore); // every record's centre and sole writer the same, by seq
            CHECK(migrated.scalar(QStringLiteral("SELECT count(sole) FROM records")).toInt() > 30);
        }
        CHECK(migrated.scalar(QStringLiteral("SELECT count(*) FROM records WHERE sole IS NOT NULL AND NOT EXISTS (SELECT 1 FROM names n "
                                             "WHERE n.no = substr(sole, 1, instr(sole, ':') - 1) "
                                             "AND (n.name = 'server' OR n.name IN (SELECT id FROM devices)))"))
                  .toInt() == 0); // a conflict record's writer is the server
    }
    auto sync = [&](const QString &db) {
        const Result r = runClc(db, {QStringLiteral("sync"), QStringLiteral("--server"), server.url()});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        return r;
    };
    // The phone first: its frozen batch is answered as a replay, its later mark goes as the next
    // batch, and it pulls from the middle of the log what the tablet wrote after its last pull.
    sync(phone);
    CHECK(Database(phone).scalar(QStringLiteral("SELECT count(*) FROM outbox")).toInt() == 0);
    for (const QString &db : {tablet, office, other, phone, tablet, office})
        sync(db);

    // Centre A's three devices hold the same data, which has everything each held before.
    const QByteArray a = exported(tablet);
    CHECK(exported(office) == a);
    CHECK(exported(phone) == a);
    const QJsonArray marks = rows(tablet, "attendance");
    for (const QJsonArray &before : {tabletMarks, phoneMarks})
        for (const QJsonValue &m : before)
            CHECK(countWhere(marks, "id", m.toObject().value(QLatin1String("id")).toString()) == 1);
    CHECK(marks.size() == tabletMarks.size() + 2); // the phone's two marks, once each
    CHECK(countWhere(rows(phone, "people"), "full_name", QStringLiteral("Nguyễn Thị Hằng")) == 1); // written after the phone's last pull
    CHECK(rows(tablet, "conflicts").size() == 1); // the kept conflict, once
    // A device enrolled after the upgrade gets the same from the migrated records alone.
    const QString fresh = dir.path(QStringLiteral("fresh.db"));
    const Result enrol = runClc(fresh, {QStringLiteral("enroll"), QStringLiteral("--server"), server.url(), QStringLiteral("--code"),
                                        server.enrollCode(centreA, QStringLiteral("coordinator"), QStringLiteral("Máy mới"))});
    REQUIRE(enrol.code == 0);
    sync(fresh);
    CHECK(exported(fresh) == a);
    // The other centre kept its own and saw nothing of centre A.
    const QByteArray b = exported(other);
    CHECK_FALSE(b.contains(centreA.toUtf8()));
    CHECK_FALSE(a.contains(centreB.toUtf8()));
    CHECK(server.log().contains(release == QLatin1String("release-7") ? QStringLiteral("one record per row")
                                                                      : QStringLiteral("centres and writers by number")));
}
