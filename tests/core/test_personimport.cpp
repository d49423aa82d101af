#include "demodata.h"
#include "error.h"
#include "exporter.h"
#include "personimport.h"
#include "planimport.h"
#include "records.h"
#include "store.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {
std::unique_ptr<Store> storeWithPlan(const TempDir &dir)
{
    auto s = makeStore(dir);
    importPlan(*s, bundledPlan(), QStringLiteral("plan.json"));
    return s;
}
} // namespace

TEST_CASE("the ward's register sample imports whole: semicolons, BOM, Vietnamese headings", "[import]")
{
    TempDir dir;
    auto s = storeWithPlan(dir);
    const QByteArray csv = fixture(QStringLiteral("danh-sach-hoc-vien.csv"));
    REQUIRE(csv.startsWith("\xEF\xBB\xBF"));
    const PersonImportPreview p = previewPeopleCsv(*s, csv, QStringLiteral("danh-sach-hoc-vien.csv"));
    CHECK(p.errors.empty());
    CHECK(p.delimiter == QLatin1Char(';'));
    REQUIRE(p.people.size() == size_t(csv.count('\n') - 1));
    CHECK(p.people[0].fullName == QStringLiteral("Lê Thanh Bích"));
    CHECK(*p.people[0].birthYear == 1949);
    CHECK(p.people[0].sex == QStringLiteral("f"));
    CHECK(p.people[0].khu == QStringLiteral("Khu 2"));
    CHECK(p.people[0].phone == QStringLiteral("0908301661"));
    CHECK(p.people[0].groups == QStringList{QStringLiteral("Người cao tuổi")});
    const auto ids = commitPeopleImport(*s, p);
    CHECK(ids.size() == p.people.size());
    const auto found = records::findPeople(*s, QStringLiteral("bich"));
    REQUIRE(found.size() >= 2);
    // Both Bích are in the elderly group the plan defines, not in a new one.
    CHECK(found[0].groups == QStringList{QStringLiteral("Người cao tuổi")});
    CHECK(s->db().scalar(QStringLiteral("SELECT count(*) FROM learner_groups WHERE name = 'Người cao tuổi'")).toInt() == 1);
}

TEST_CASE("commas, headings in another order and their common variants are accepted", "[import]")
{
    TempDir dir;
    auto s = storeWithPlan(dir);
    const QByteArray csv = "Ho ten,Gioi tinh,SDT,Nam sinh,Doi tuong,Thon\n"
                           "Nguyễn Văn An,Nam,912345678,1960,\"Cán bộ phường, khu, Nông dân\",Khu 4\n"
                           "\"Trần Thị Bình\",nữ,,05/02/1975,Phụ nữ,Khu 5\n";
    const PersonImportPreview p = previewPeopleCsv(*s, csv, QStringLiteral("x.csv"));
    REQUIRE(p.errors.empty());
    REQUIRE(p.people.size() == 2);
    CHECK(p.people[0].phone == QStringLiteral("0912345678")); // the spreadsheet dropped the leading zero
    CHECK(p.people[0].groups == QStringList{QStringLiteral("Cán bộ phường, khu"), QStringLiteral("Nông dân")});
    CHECK(p.people[0].khu == QStringLiteral("Khu 4"));
    CHECK(*p.people[1].birthYear == 1975);
    CHECK(p.people[1].sex == QStringLiteral("f"));
}

TEST_CASE("every bad line is reported with its line and column, and nothing is imported", "[import][errors]")
{
    TempDir dir;
    auto s = storeWithPlan(dir);
    const QByteArray before = exportJson(*s);
    const QByteArray csv = "\xEF\xBB\xBFSTT;Họ và tên;Năm sinh;Giới tính;Khu\n"
                           "1;Lê Văn Tám;1950;Nam;Khu 1\n"
                           "2;;1951;Nam;Khu 1\n"
                           "3;Lê Văn Chín;năm mươi;Nam;Khu 1\n"
                           "4;Lê Thị Mười;1952;X;Khu 1\n";
    const PersonImportPreview p = previewPeopleCsv(*s, csv, QStringLiteral("x.csv"));
    REQUIRE(p.errors.size() == 3);
    CHECK(p.errors[0].line() == 3);
    CHECK(p.errors[0].field() == QStringLiteral("Họ và tên"));
    CHECK(p.errors[1].line() == 4);
    CHECK(p.errors[1].field() == QStringLiteral("Năm sinh"));
    CHECK(p.errors[2].line() == 5);
    CHECK(p.errors[2].field() == QStringLiteral("Giới tính"));
    CHECK_THROWS_AS(commitPeopleImport(*s, p), Error);
    CHECK(exportJson(*s) == before);
}

TEST_CASE("a file that is not UTF-8, or has no name column, is refused as a whole", "[import][errors]")
{
    TempDir dir;
    auto s = storeWithPlan(dir);
    try {
        previewPeopleCsv(*s, "Ho ten;Nam sinh\nNguyen Van An;1960\nL\xEA V\xE3n T\xE1m;1950\n", QStringLiteral("x.csv"));
        FAIL("accepted Latin-1");
    } catch (const Error &e) {
        CHECK(e.line() == 3);
    }
    CHECK_THROWS_AS(previewPeopleCsv(*s, "Nam sinh;Khu\n1960;Khu 1\n", QStringLiteral("x.csv")), Error);
    CHECK_THROWS_AS(previewPeopleCsv(*s, "Ho ten;Nam sinh\n\"Nguyen Van An;1960\n", QStringLiteral("x.csv")), Error);
}

TEST_CASE("the same folded name and birth year is hinted as a possible duplicate", "[import]")
{
    TempDir dir;
    auto s = storeWithPlan(dir);
    records::addPerson(*s, PersonInput{QStringLiteral("Ngô Thị Hoà"), QString(), 1970});
    const QByteArray csv = "Họ và tên;Năm sinh\nNgô Thị Hòa;1970\nNGO THI HOA;1971\nVũ Văn Bảy;1980\nVu Van Bay;1980\n";
    const PersonImportPreview p = previewPeopleCsv(*s, csv, QStringLiteral("x.csv"));
    REQUIRE(p.duplicates.size() == 2);
    CHECK(p.duplicates[0].line == 2);
    CHECK_FALSE(p.duplicates[0].existingId.isEmpty());
    CHECK(p.duplicates[1].line == 5);
    CHECK(p.duplicates[1].otherLine == 4);
}

TEST_CASE("the demo loads the plan, about 300 people and sessions with marks, once", "[demo]")
{
    TempDir dir;
    Store s(dir.path(QStringLiteral("demo.db")), StoreOptions{QStringLiteral("dev"), {}});
    const DemoSummary sum = loadDemo(s);
    CHECK(sum.activities == 34);
    CHECK(sum.people >= 250);
    CHECK(sum.sessions >= 34);
    CHECK(sum.marks > 1000);
    CHECK(s.db().scalar(QStringLiteral("SELECT count(*) FROM attendance")).toInt() == sum.marks);
    // Held activities have participants; the last month is still ahead, with no marks.
    CHECK(records::activities(s, QStringLiteral("2017-11"))[1].participants > 0);
    for (const ActivityRow &a : records::activities(s, QStringLiteral("2018-08")))
        CHECK(a.participants == 0);
    const QByteArray before = exportJson(s);
    CHECK(loadDemo(s).alreadyLoaded);
    CHECK(exportJson(s) == before);
}
