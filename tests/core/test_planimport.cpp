#include "demodata.h"
#include "error.h"
#include "exporter.h"
#include "planimport.h"
#include "records.h"
#include "store.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {

struct SeedActivity
{
    QString month, title, group, partner;
};

// Reads part V of the seed as the Word export lays it out: every table cell starts with a tab;
// a non-empty line without a tab continues the previous cell; six cells make a row.
std::vector<SeedActivity> seedActivities()
{
    const QString text = QString::fromUtf8(fixture(QStringLiteral("seed-plan-2017-2018.txt")));
    const int from = text.indexOf(QStringLiteral("V. KẾ HOẠCH TỪNG THÁNG."));
    const int to = text.indexOf(QStringLiteral("V/ KIẾN NGHỊ."));
    REQUIRE(from > 0);
    REQUIRE(to > from);
    QStringList cells;
    for (const QString &line : text.mid(from, to - from).split(QLatin1Char('\n')).mid(1)) {
        if (line.startsWith(QLatin1Char('\t')))
            cells << line.mid(1).simplified();
        else if (!line.trimmed().isEmpty() && !cells.isEmpty())
            cells.last() += QStringLiteral("; ") + line.simplified();
    }
    REQUIRE(cells.size() % 6 == 0);
    std::vector<SeedActivity> out;
    QString month;
    for (int i = 6; i < cells.size(); i += 6) { // the first six are the headings
        if (!cells[i].isEmpty())
            month = cells[i].mid(3, 4) + QLatin1Char('-') + cells[i].left(2);
        out.push_back({month, cells[i + 1], cells[i + 3], cells[i + 4]});
    }
    return out;
}

// Corrections made on purpose while transcribing (docs/data.md, Errata).
QString corrected(const QString &seedTitle)
{
    return seedTitle.startsWith(QStringLiteral("Tp huấn")) ? QStringLiteral("Tập huấn") + seedTitle.mid(7) : seedTitle;
}

} // namespace

TEST_CASE("the bundled plan holds every activity of the seed's part V, month by month, with its title", "[plan][seed]")
{
    const auto seed = seedActivities();
    REQUIRE(seed.size() == 34);
    const QJsonArray months = QJsonDocument::fromJson(bundledPlan()).object().value(QStringLiteral("months")).toArray();
    REQUIRE(months.size() == 12);
    size_t k = 0;
    QStringList monthNames;
    for (const QJsonValue &m : months) {
        const QString month = m[QStringLiteral("month")].toString();
        monthNames << month;
        for (const QJsonValue &a : m[QStringLiteral("activities")].toArray()) {
            REQUIRE(k < seed.size());
            INFO("activity " << k << " of " << month.toStdString());
            CHECK(seed[k].month == month);
            CHECK(corrected(seed[k].title) == a[QStringLiteral("title")].toString());
            CHECK(seed[k].group == a[QStringLiteral("group_text")].toString());
            ++k;
        }
    }
    CHECK(k == seed.size());
    CHECK(monthNames.first() == QStringLiteral("2017-09"));
    CHECK(monthNames.last() == QStringLiteral("2018-08"));
}

TEST_CASE("importing the bundled plan stores its months, targets, tasks and signatories", "[plan]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const PlanImportSummary sum = importPlan(*s, bundledPlan(), QStringLiteral("plan.json"));
    CHECK(sum.activities == 34);
    CHECK(sum.targets >= 6);
    CHECK(records::activities(*s, QStringLiteral("2017-09")).size() == 4);
    CHECK(records::activities(*s, QStringLiteral("2018-04")).empty());
    CHECK(records::activities(*s, QStringLiteral("2018-07")).empty());
    CHECK(records::activities(*s, QStringLiteral("2018-08")).size() == 3);
    CHECK(s->db().scalar(QStringLiteral("SELECT count(*) FROM quarterly_tasks")).toInt() == sum.tasks);
    CHECK(s->db().scalar(QStringLiteral("SELECT name FROM signatories ORDER BY ord LIMIT 1")).toText() == QStringLiteral("Nguyễn Trọng Bảng"));
    CHECK(s->db().scalar(QStringLiteral("SELECT threshold_pct FROM targets WHERE metric = 'group_attendance' ORDER BY threshold_pct LIMIT 1")).toInt() == 80);
    // The ward's names are data: the centre takes them from the file.
    CHECK(s->value(QStringLiteral("centres"), s->centreId(), QStringLiteral("committee")).toText() == QStringLiteral("Ủy ban nhân dân phường Đức Chính"));
}

TEST_CASE("importing the same plan twice changes nothing", "[plan]")
{
    TempDir dir;
    auto s = makeStore(dir);
    importPlan(*s, bundledPlan(), QStringLiteral("plan.json"));
    const QByteArray before = exportJson(*s);
    const qint64 pending = s->pendingChanges();
    CHECK(importPlan(*s, bundledPlan(), QStringLiteral("plan.json")).changes == 0);
    CHECK(exportJson(*s) == before);
    CHECK(s->pendingChanges() == pending);
}

TEST_CASE("a broken plan file is refused with its line or path, and nothing is stored", "[plan][errors]")
{
    TempDir dir;
    auto s = makeStore(dir);
    const QByteArray before = exportJson(*s);
    const QByteArray plan = bundledPlan();

    SECTION("truncated")
    {
        try {
            importPlan(*s, plan.left(plan.size() / 2), QStringLiteral("plan.json"));
            FAIL("accepted a truncated file");
        } catch (const Error &e) {
            CHECK(e.line() > 1);
        }
    }
    SECTION("not UTF-8")
    {
        QByteArray latin1 = plan;
        const int at = int(latin1.indexOf("Đức"));
        latin1.replace(at, 5, "\xD0\xFF\xE7");
        try {
            importPlan(*s, latin1, QStringLiteral("plan.json"));
            FAIL("accepted a file that is not UTF-8");
        } catch (const Error &e) {
            CHECK(e.line() == int(latin1.left(at).count('\n')) + 1);
            CHECK(e.message().contains(QStringLiteral("UTF-8")));
        }
    }
    SECTION("an activity without a title")
    {
        QJsonObject root = QJsonDocument::fromJson(plan).object();
        QJsonArray months = root[QStringLiteral("months")].toArray();
        QJsonObject month = months[2].toObject();
        QJsonArray acts = month[QStringLiteral("activities")].toArray();
        QJsonObject act = acts[1].toObject();
        act[QStringLiteral("title")] = QString();
        acts[1] = act;
        month[QStringLiteral("activities")] = acts;
        months[2] = month;
        root[QStringLiteral("months")] = months;
        try {
            importPlan(*s, QJsonDocument(root).toJson(), QStringLiteral("plan.json"));
            FAIL("accepted an empty title");
        } catch (const Error &e) {
            CHECK(e.field() == QStringLiteral("months[2].activities[1].title"));
        }
    }
    SECTION("a month like 2018-13")
    {
        QByteArray bad = plan;
        bad.replace("\"2018-06\"", "\"2018-13\"");
        try {
            importPlan(*s, bad, QStringLiteral("plan.json"));
            FAIL("accepted month 2018-13");
        } catch (const Error &e) {
            CHECK(e.field().startsWith(QStringLiteral("months[9]")));
            CHECK(e.message().contains(QStringLiteral("2018-13")));
        }
    }
    SECTION("an unknown group code")
    {
        QByteArray bad = plan;
        bad.replace("\"groups\": [\n            \"nong-dan\"", "\"groups\": [\n            \"nong-dan-x\"");
        REQUIRE(bad != plan);
        try {
            importPlan(*s, bad, QStringLiteral("plan.json"));
            FAIL("accepted an unknown group");
        } catch (const Error &e) {
            CHECK(e.message().contains(QStringLiteral("nong-dan-x")));
        }
    }
    CHECK(exportJson(*s) == before);
}
