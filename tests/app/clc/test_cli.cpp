#include "cli.h"
#include "database.h"
#include "merge.h"
#include "schema.h"
#include "testsupport.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <catch2/catch.hpp>

using namespace clctest;

namespace {

struct Run
{
    int code;
    QString out;
    QString err;
    QString lastLine() const { return out.trimmed().section(QLatin1Char('\n'), -1); }
};

// Runs the CLI in-process (fast), exactly as main() does after loading translations.
Run runClc(const QString &db, const QStringList &args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = clc::runCli(QStringList{QStringLiteral("--db"), db} + args, o, e);
    o.flush();
    e.flush();
    return {code, out, err};
}

QByteArray exported(const QString &db)
{
    const Run r = runClc(db, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")});
    REQUIRE(r.code == 0);
    return r.out.toUtf8();
}

} // namespace

TEST_CASE("clc init, activity add, session add, person add and attend print the new ids last", "[cli]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("c.db"));
    REQUIRE(runClc(db, {QStringLiteral("init"), QStringLiteral("--centre"), QStringLiteral("TTHTCĐ phường Đức Chính")}).code == 0);
    const Run act = runClc(db, {QStringLiteral("activity"), QStringLiteral("add"), QStringLiteral("--month"), QStringLiteral("2017-11"),
                             QStringLiteral("--title"), QStringLiteral("Tập huấn kỹ thuật chăm sóc cây lúa"), QStringLiteral("--group"),
                             QStringLiteral("Người trồng lúa"), QStringLiteral("--partner"), QStringLiteral("Hội nông dân phường"),
                             QStringLiteral("--budget"), QStringLiteral("1.500.000"), QStringLiteral("--kind"), QStringLiteral("technical")});
    REQUIRE(act.code == 0);
    const QString activityId = act.lastLine();
    CHECK(activityId.size() == 36);
    const Run ses = runClc(db, {QStringLiteral("session"), QStringLiteral("add"), activityId, QStringLiteral("--at"),
                             QStringLiteral("2017-11-10T08:00"), QStringLiteral("--location"), QStringLiteral("Nhà văn hoá khu 3")});
    REQUIRE(ses.code == 0);
    const Run per = runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Nguyễn Văn An"),
                             QStringLiteral("--birth-year"), QStringLiteral("1960"), QStringLiteral("--sex"), QStringLiteral("m"),
                             QStringLiteral("--khu"), QStringLiteral("Khu 3"), QStringLiteral("--group"), QStringLiteral("Nông dân")});
    REQUIRE(per.code == 0);
    const Run mark = runClc(db, {QStringLiteral("attend"), ses.lastLine(), per.lastLine(), QStringLiteral("present")});
    REQUIRE(mark.code == 0);

    const Run list = runClc(db, {QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--month"), QStringLiteral("2017-11"), QStringLiteral("--json")});
    REQUIRE(list.code == 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][QStringLiteral("id")].toString() == activityId);
    CHECK(rows[0][QStringLiteral("budget")].toInteger() == 1500000);
    CHECK(rows[0][QStringLiteral("participants")].toInt() == 1);
    CHECK(rows[0][QStringLiteral("sessions")].toInt() == 1);

    const Run set = runClc(db, {QStringLiteral("activity"), QStringLiteral("set"), activityId, QStringLiteral("status"), QStringLiteral("done")});
    CHECK(set.code == 0);
    const Run human = runClc(db, {QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--month"), QStringLiteral("2017-11")});
    CHECK(human.out.contains(QStringLiteral("1.500.000 đ")));
    CHECK(human.out.contains(QStringLiteral("11/2017")));
}

TEST_CASE("clc person find ignores diacritics and case and lists by given name", "[cli]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("c.db"));
    REQUIRE(runClc(db, {QStringLiteral("init")}).code == 0);
    for (const char *n : {"Nguyễn Văn An", "Trần Thị Ánh", "Nguyễn Thị Lan", "Đỗ Văn Đức"})
        REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QString::fromUtf8(n)}).code == 0);
    auto names = [&db](const QString &q) {
        const Run r = runClc(db, {QStringLiteral("person"), QStringLiteral("find"), q, QStringLiteral("--json")});
        REQUIRE(r.code == 0);
        QStringList out;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            out << v[QStringLiteral("full_name")].toString();
        return out;
    };
    CHECK(names(QStringLiteral("nguyen van an")) == QStringList{QStringLiteral("Nguyễn Văn An")});
    CHECK(names(QStringLiteral("NGUYEN")) == QStringList{QStringLiteral("Nguyễn Văn An"), QStringLiteral("Nguyễn Thị Lan")});
    CHECK(names(QStringLiteral("an")) == QStringList{QStringLiteral("Nguyễn Văn An"), QStringLiteral("Trần Thị Ánh")});
    CHECK(names(QStringLiteral("duc")) == QStringList{QStringLiteral("Đỗ Văn Đức")});
}

TEST_CASE("bad input to every verb gets one clear error, a non-zero exit, and changes nothing", "[cli][errors]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("c.db"));
    REQUIRE(runClc(db, {QStringLiteral("demo")}).code == 0);
    const QString activityId = QJsonDocument::fromJson(runClc(db, {QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--json")}).out.toUtf8())
                                   .array()[0][QStringLiteral("id")].toString();
    const QString unknown = QStringLiteral("00000000-0000-4000-8000-000000000000");
    QFile bad(dir.path(QStringLiteral("bad.json")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": \"clc-plan/1\", \"centre\": {\"name\": \"x\"},\n \"plan\": ");
    bad.close();
    QFile latin(dir.path(QStringLiteral("latin1.csv")));
    REQUIRE(latin.open(QIODevice::WriteOnly));
    latin.write("Ho ten;Nam sinh\nL\xEA V\xE3n T\xE1m;1950\n");
    latin.close();
    const QByteArray before = exported(db);

    struct Case
    {
        QStringList args;
        QString mentions; // the field, option or line the error must name
    };
    const std::vector<Case> cases{
        {{QStringLiteral("activity"), QStringLiteral("add"), QStringLiteral("--month"), QStringLiteral("2018-13"), QStringLiteral("--title"), QStringLiteral("x")}, QStringLiteral("month")},
        {{QStringLiteral("activity"), QStringLiteral("add"), QStringLiteral("--month"), QStringLiteral("2018-01"), QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--budget"), QStringLiteral("-5")}, QStringLiteral("--budget")},
        {{QStringLiteral("activity"), QStringLiteral("add"), QStringLiteral("--month"), QStringLiteral("2018-01"), QStringLiteral("--title"), QStringLiteral("  ")}, QStringLiteral("--title")},
        {{QStringLiteral("activity"), QStringLiteral("add"), QStringLiteral("--month"), QStringLiteral("2018-01"), QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--kind"), QStringLiteral("party")}, QStringLiteral("kind")},
        {{QStringLiteral("activity"), QStringLiteral("set"), unknown, QStringLiteral("title"), QStringLiteral("x")}, unknown},
        {{QStringLiteral("activity"), QStringLiteral("set"), activityId, QStringLiteral("colour"), QStringLiteral("x")}, QStringLiteral("colour")},
        {{QStringLiteral("activity"), QStringLiteral("set"), activityId, QStringLiteral("budget"), QStringLiteral("-1")}, QStringLiteral("budget")},
        {{QStringLiteral("activity"), QStringLiteral("set"), activityId, QStringLiteral("month"), QStringLiteral("2018-13")}, QStringLiteral("month")},
        {{QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--month"), QStringLiteral("2018-13")}, QStringLiteral("month")},
        {{QStringLiteral("session"), QStringLiteral("add"), unknown, QStringLiteral("--at"), QStringLiteral("2018-01-01T08:00")}, unknown},
        {{QStringLiteral("session"), QStringLiteral("add"), activityId, QStringLiteral("--at"), QStringLiteral("2018-02-30T08:00")}, QStringLiteral("starts_at")},
        {{QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("")}, QStringLiteral("--name")},
        {{QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("A"), QStringLiteral("--sex"), QStringLiteral("x")}, QStringLiteral("--sex")},
        {{QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("A"), QStringLiteral("--birth-year"), QStringLiteral("19x0")}, QStringLiteral("--birth-year")},
        {{QStringLiteral("attend"), unknown, unknown, QStringLiteral("present")}, unknown},
        {{QStringLiteral("plan"), QStringLiteral("import"), dir.path(QStringLiteral("bad.json"))}, QStringLiteral("line 2")},
        {{QStringLiteral("plan"), QStringLiteral("import"), dir.path(QStringLiteral("missing.json"))}, QStringLiteral("missing.json")},
        {{QStringLiteral("person"), QStringLiteral("import"), dir.path(QStringLiteral("latin1.csv"))}, QStringLiteral("line 2")},
        {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")}, QStringLiteral("--format")},
        {{QStringLiteral("schedule"), QStringLiteral("--month"), QStringLiteral("11/2017")}, QStringLiteral("--month")},
        {{QStringLiteral("schedule"), QStringLiteral("--month"), QStringLiteral("2017-11"), QStringLiteral("--format"), QStringLiteral("pdf")}, QStringLiteral("--format")},
        {{QStringLiteral("schedule"), QStringLiteral("--month"), QStringLiteral("2017-11"), QStringLiteral("--format"), QStringLiteral("png")}, QStringLiteral("--out")},
        {{QStringLiteral("schedule"), QStringLiteral("--month"), QStringLiteral("2017-11"), QStringLiteral("--format"), QStringLiteral("ics"), QStringLiteral("--to"), QStringLiteral("2017-99")}, QStringLiteral("2017-99")},
        {{QStringLiteral("schedule")}, QStringLiteral("--month")},
        {{QStringLiteral("sync"), QStringLiteral("--page-size"), QStringLiteral("0")}, QStringLiteral("--page-size")},
        {{QStringLiteral("sync"), QStringLiteral("--page-size"), QStringLiteral("80001")}, QStringLiteral("--page-size")},
        {{QStringLiteral("sync"), QStringLiteral("--page-size"), QStringLiteral("many")}, QStringLiteral("--page-size")},
    };
    for (const Case &c : cases) {
        INFO(c.args.join(QLatin1Char(' ')).toStdString());
        const Run r = runClc(db, c.args);
        CHECK(r.code != 0);
        CHECK(r.err.contains(c.mentions));
        CHECK(r.err.trimmed().count(QLatin1Char('\n')) < 3); // one error, not a dump
    }
    // A mark status that is not one of the four, on real ids.
    const QString personId = QJsonDocument::fromJson(runClc(db, {QStringLiteral("person"), QStringLiteral("find"), QStringLiteral("a"), QStringLiteral("--json")}).out.toUtf8())
                                 .array()[0][QStringLiteral("id")].toString();
    CHECK(exported(db) == before);
    Q_UNUSED(personId)
}

TEST_CASE("commands on a database that was never initialised say how to start", "[cli][errors]")
{
    TempDir dir;
    const Run r = runClc(dir.path(QStringLiteral("none.db")), {QStringLiteral("activity"), QStringLiteral("list")});
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("init")));
}

TEST_CASE("clc person import --dry-run writes nothing, and without it the register is imported", "[cli]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("c.db"));
    REQUIRE(runClc(db, {QStringLiteral("init")}).code == 0);
    const QString csv = QStringLiteral(CLC_FIXTURES_DIR "/danh-sach-hoc-vien.csv");
    const QByteArray before = exported(db);
    const Run dry = runClc(db, {QStringLiteral("person"), QStringLiteral("import"), csv, QStringLiteral("--dry-run")});
    CHECK(dry.code == 0);
    CHECK(exported(db) == before);
    const Run real = runClc(db, {QStringLiteral("person"), QStringLiteral("import"), csv});
    CHECK(real.code == 0);
    CHECK(exported(db) != before);
}

TEST_CASE("the clc binary speaks Vietnamese by default and English with --lang en", "[cli][i18n]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("c.db"));
    QProcess p;
    p.start(QStringLiteral(CLC_BINARY), {QStringLiteral("--db"), db, QStringLiteral("init")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    auto run = [&db](const QStringList &extra) {
        QProcess q;
        q.start(QStringLiteral(CLC_BINARY), extra + QStringList{QStringLiteral("--db"), db, QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--month"), QStringLiteral("2018-04")});
        REQUIRE(q.waitForFinished(30000));
        return QString::fromUtf8(q.readAllStandardOutput());
    };
    CHECK(run({QStringLiteral("--lang"), QStringLiteral("vi")}).contains(QStringLiteral("Không có hoạt động nào trong tháng 04/2018")));
    CHECK(run({QStringLiteral("--lang"), QStringLiteral("en")}).contains(QStringLiteral("No activities in 04/2018")));
}

TEST_CASE("clc-app without a display says how to run it instead of crashing", "[cli][app]")
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CLC_APP_BINARY), {QStringLiteral("--db"), QStringLiteral("x.db")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitCode() == 2);
    CHECK(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("xvfb-run")));
}

TEST_CASE("clc conflicts lists kept conflicts and restore brings the other value back", "[cli][conflict]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("c.db"));
    REQUIRE(runClc(db, {QStringLiteral("init")}).code == 0);
    const QString person = runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Lê Văn Tám"),
                                       QStringLiteral("--khu"), QStringLiteral("Khu 2")}).lastLine();
    {
        // A conflict record as the server sends it: the edit "Khu 5" lost to the current "Khu 2".
        clc::Store s(db);
        const clc::TableDef *people = clc::table(QStringLiteral("people"));
        const clc::sync::Change lost{people->code, person, people->fieldCode(QStringLiteral("khu")), QStringLiteral("Khu 5"),
                                     clc::Version{1, QStringLiteral("99999999-9999-4999-8999-999999999999")}, std::nullopt, false};
        clc::Transaction tx(s.db());
        clc::sync::applyRemoteChanges(s, clc::sync::conflictRecord(lost, s.centreId()));
        tx.commit();
    }
    const Run list = runClc(db, {QStringLiteral("conflicts"), QStringLiteral("--json")});
    REQUIRE(list.code == 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][QStringLiteral("field")].toString() == QStringLiteral("khu"));
    CHECK(rows[0][QStringLiteral("lost_value")].toString() == QStringLiteral("Khu 5"));
    CHECK(rows[0][QStringLiteral("current_value")].toString() == QStringLiteral("Khu 2"));
    REQUIRE(runClc(db, {QStringLiteral("conflicts"), QStringLiteral("restore"), rows[0][QStringLiteral("id")].toString()}).code == 0);
    const Run found = runClc(db, {QStringLiteral("person"), QStringLiteral("find"), QStringLiteral("tam"), QStringLiteral("--json")});
    CHECK(QJsonDocument::fromJson(found.out.toUtf8()).array()[0][QStringLiteral("khu")].toString() == QStringLiteral("Khu 5"));
    CHECK(QJsonDocument::fromJson(runClc(db, {QStringLiteral("conflicts"), QStringLiteral("--json")}).out.toUtf8()).array().isEmpty());
    CHECK(runClc(db, {QStringLiteral("conflicts"), QStringLiteral("restore"), QStringLiteral("00000000-0000-4000-8000-000000000000")}).code == 1);
}

TEST_CASE("clc schedule prints the month as text, writes it as a calendar file and as a picture", "[cli][schedule]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("c.db"));
    REQUIRE(runClc(db, {QStringLiteral("demo")}).code == 0);
    const Run text = runClc(db, {QStringLiteral("schedule"), QStringLiteral("--month"), QStringLiteral("2017-11")});
    REQUIRE(text.code == 0);
    CHECK(text.out.contains(QStringLiteral("11/2017")));
    CHECK(text.out.contains(QStringLiteral("03/11/2017")));
    CHECK(text.out.contains(QString::fromUtf8("Tập huấn kỹ thuật chăm sóc cây lúa")));

    const QString ics = dir.path(QStringLiteral("year.ics"));
    REQUIRE(runClc(db, {QStringLiteral("schedule"), QStringLiteral("--month"), QStringLiteral("2017-09"), QStringLiteral("--to"), QStringLiteral("2018-08"),
                        QStringLiteral("--format"), QStringLiteral("ics"), QStringLiteral("--out"), ics}).code == 0);
    QFile f(ics);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray cal = f.readAll();
    CHECK(cal.startsWith("BEGIN:VCALENDAR"));
    clc::Store s(db);
    const int sessions = s.db().scalar(QStringLiteral("SELECT count(*) FROM sessions s JOIN activities a ON a.id = s.activity_id "
                                                      "WHERE s.deleted = 0 AND a.deleted = 0 AND s.starts_at >= '2017-09' AND s.starts_at < '2018-09'")).toInt();
    REQUIRE(sessions > 10);
    CHECK(cal.count("BEGIN:VEVENT") == sessions);

    const QString png = dir.path(QStringLiteral("nov.png"));
    REQUIRE(runClc(db, {QStringLiteral("schedule"), QStringLiteral("--month"), QStringLiteral("2017-11"), QStringLiteral("--format"), QStringLiteral("png"),
                        QStringLiteral("--out"), png}).code == 0);
    const QImage img(png);
    REQUIRE_FALSE(img.isNull());
    CHECK(img.width() == 1080);
    CHECK(img.height() > 400);
}

TEST_CASE("clc survey add, answer and list, clc report survey, clc plan set and clc plan draft, with bad input refused by name", "[cli][year]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("y.db"));
    REQUIRE(runClc(db, {QStringLiteral("demo")}).code == 0);
    const Run added = runClc(db, {QStringLiteral("survey"), QStringLiteral("add"), QStringLiteral("--period"), QStringLiteral("2018-Q3"),
                                  QStringLiteral("--topic"), QStringLiteral("Tin học"), QStringLiteral("--topic"), QStringLiteral("Nấu ăn")});
    REQUIRE(added.code == 0);
    const QString survey = added.lastLine();
    const QJsonArray people = QJsonDocument::fromJson(runClc(db, {QStringLiteral("person"), QStringLiteral("find"), QStringLiteral("Nguyễn"),
                                                                  QStringLiteral("--json")}).out.toUtf8()).array();
    const QString person = people[0][QStringLiteral("id")].toString();
    auto answer = [&](const QStringList &args) { return runClc(db, QStringList{QStringLiteral("survey"), QStringLiteral("answer"), survey} + args); };
    CHECK(answer({QStringLiteral("--person"), person, QStringLiteral("--topic"), QStringLiteral("Tin học"), QStringLiteral("--time"),
                  QStringLiteral("evening"), QStringLiteral("--months"), QStringLiteral("10,3")}).code == 0);
    CHECK(answer({QStringLiteral("--respondent"), QStringLiteral("Hộ bà Lan"), QStringLiteral("--khu"), QStringLiteral("Khu 2"),
                  QStringLiteral("--topic"), QStringLiteral("tin hoc")}).code == 0); // diacritics and case ignored
    // Refused by the option or field at fault, nothing written.
    const QByteArray before = exported(db);
    const Run badTopic = answer({QStringLiteral("--respondent"), QStringLiteral("X"), QStringLiteral("--topic"), QStringLiteral("Bơi lội")});
    CHECK(badTopic.code == 1);
    CHECK(badTopic.err.contains(QStringLiteral("topics")));
    const Run badMonth = answer({QStringLiteral("--respondent"), QStringLiteral("X"), QStringLiteral("--topic"), QStringLiteral("Tin học"),
                                 QStringLiteral("--months"), QStringLiteral("9,x")});
    CHECK(badMonth.code == 1);
    CHECK(badMonth.err.contains(QStringLiteral("--months")));
    const Run both = answer({QStringLiteral("--person"), person, QStringLiteral("--respondent"), QStringLiteral("X"), QStringLiteral("--topic"),
                             QStringLiteral("Tin học")});
    CHECK(both.code == 1);
    const Run badPeriod = runClc(db, {QStringLiteral("survey"), QStringLiteral("add"), QStringLiteral("--period"), QStringLiteral("Q4")});
    CHECK(badPeriod.code == 1);
    CHECK(badPeriod.err.contains(QStringLiteral("period")));
    CHECK(exported(db) == before);

    const QJsonArray list = QJsonDocument::fromJson(runClc(db, {QStringLiteral("survey"), QStringLiteral("list"), QStringLiteral("--json")}).out.toUtf8()).array();
    REQUIRE(list.size() == 1);
    CHECK(list[0][QStringLiteral("answers")].toInt() == 2);
    CHECK(list[0][QStringLiteral("topics")].toArray().size() == 2);
    const QString csv = dir.path(QStringLiteral("s.csv"));
    REQUIRE(runClc(db, {QStringLiteral("report"), QStringLiteral("survey"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv}).code == 0);
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.contains(QStringLiteral("\nTin học,2,100.0,month 10\n")));
    CHECK(text.contains(QStringLiteral("\nNấu ăn,0,0.0,\n")));

    // The plan's text, then next year's draft: the survey's topic is proposed in October.
    REQUIRE(runClc(db, {QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("year_end_notes"), QStringLiteral("Năm học thành công.\\nCòn khó khăn.")}).code == 0);
    const Run badField = runClc(db, {QStringLiteral("plan"), QStringLiteral("set"), QStringLiteral("school_year"), QStringLiteral("2020-2021")});
    CHECK(badField.code == 1);
    CHECK(badField.err.contains(QStringLiteral("school_year")));
    const Run draft = runClc(db, {QStringLiteral("plan"), QStringLiteral("draft")});
    REQUIRE(draft.code == 0);
    CHECK(draft.err.contains(QStringLiteral("2018-2019")));
    CHECK(draft.err.contains(QStringLiteral("34 activities carried, 1 proposed by the survey")));
    const QJsonArray october = QJsonDocument::fromJson(runClc(db, {QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--month"),
                                                                   QStringLiteral("2018-10"), QStringLiteral("--json")}).out.toUtf8()).array();
    bool proposed = false;
    for (const QJsonValue a : october)
        proposed = proposed || a[QStringLiteral("title")].toString() == QStringLiteral("Chuyên đề theo nhu cầu người dân: Tin học");
    CHECK(proposed);
    const Run again = runClc(db, {QStringLiteral("plan"), QStringLiteral("draft"), QStringLiteral("--from"), QStringLiteral("2017-2018"),
                                  QStringLiteral("--year"), QStringLiteral("2018-2019")});
    REQUIRE(again.code == 0);
    CHECK(again.err.contains(QStringLiteral("0 rows made")));
    const Run badYear = runClc(db, {QStringLiteral("plan"), QStringLiteral("draft"), QStringLiteral("--year"), QStringLiteral("2018")});
    CHECK(badYear.code == 1);
    CHECK(badYear.err.contains(QStringLiteral("--year")));
    // The year's own plan file is refused while the draft stands, and taken once the draft is deleted.
    QFile plan(QStringLiteral(CLC_SOURCE_DIR "/data/plan-2017-2018.json"));
    REQUIRE(plan.open(QIODevice::ReadOnly));
    const QString nextFile = dir.path(QStringLiteral("next.json"));
    {
        QFile out(nextFile);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(plan.readAll().replace("\"school_year\": \"2017-2018\"", "\"school_year\": \"2018-2019\""));
    }
    const Run refused = runClc(db, {QStringLiteral("plan"), QStringLiteral("import"), nextFile});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(QStringLiteral("plan delete")));
    REQUIRE(runClc(db, {QStringLiteral("plan"), QStringLiteral("delete"), QStringLiteral("--year"), QStringLiteral("2018-2019")}).code == 0);
    CHECK(runClc(db, {QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--month"), QStringLiteral("2018-10"), QStringLiteral("--json")}).out.trimmed()
          == QStringLiteral("[\n]"));
    const Run imported = runClc(db, {QStringLiteral("plan"), QStringLiteral("import"), nextFile});
    INFO(imported.err.toStdString());
    CHECK(imported.code == 0);
}

TEST_CASE("clc-app whose data cannot be opened shows a window that says why and leaves the file as it was", "[cli][app]")
{
    // A file that is not a database (a copy gone wrong) and one a newer app made: the person gets a
    // window (saved here with --screenshot), not a message on a console, and the file is untouched.
    TempDir dir;
    const QString damaged = dir.path(QStringLiteral("damaged.db"));
    const QString newer = dir.path(QStringLiteral("newer.db"));
    {
        QFile f(damaged);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("not a database\n").repeated(300));
    }
    {
        clc::Database db(newer);
        db.exec(QStringLiteral("CREATE TABLE t (x); PRAGMA user_version = 999"));
    }
    for (const QString &file : {damaged, newer}) {
        INFO(file.toStdString());
        QFile f(file);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const QString shot = dir.path(QStringLiteral("shot.png"));
        QFile::remove(shot);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CLC_APP_BINARY), {QStringLiteral("--db"), file, QStringLiteral("--lang"), QStringLiteral("vi"),
                                                 QStringLiteral("--size"), QStringLiteral("390x844"), QStringLiteral("--screenshot"), shot});
        REQUIRE(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        INFO(err.toStdString());
        CHECK(p.exitCode() == 1);
        CHECK(err.contains(file == newer ? QStringLiteral("999") : QStringLiteral("not a database"))); // the newer one in Vietnamese
        const QImage image(shot);
        REQUIRE(!image.isNull());
        CHECK(image.width() == 390);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll() == before);
        f.close();
    }
}
