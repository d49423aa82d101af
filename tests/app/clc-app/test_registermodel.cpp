#include "registermodel.h"
#include "apptestsupport.h"
#include "testsupport.h"

#include <QFile>
#include <QAbstractItemModelTester>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

TEST_CASE("the register page searches without accents, adds people and imports a list only when every line is right", "[app][register]")
{
    Demo d;
    RegisterModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.reload(); // as the page does when shown
    REQUIRE(loaded(m));
    const int all = m.count();
    CHECK(all == 300);
    CHECK_FALSE(m.addPerson(QStringLiteral("Lê Văn Mới"), QStringLiteral("m"), QStringLiteral("năm"), QString(), QString(), QString()));
    CHECK(m.lastError().contains(QStringLiteral("năm")));
    CHECK(m.lastErrorField() == QStringLiteral("birth_year"));
    // A date of birth as a ward's list writes it is taken as its year, as the import does.
    REQUIRE(m.addPerson(QStringLiteral("Đỗ Thị Ngày"), QStringLiteral("f"), QStringLiteral("05/02/1975"), QString(), QString(), QString()));
    CHECK(StoreManager::current().db().scalar(QStringLiteral("SELECT birth_year FROM people WHERE full_name = 'Đỗ Thị Ngày'")).toInt() == 1975);
    REQUIRE(m.addPerson(QStringLiteral("Lê Văn Mới"), QStringLiteral("Nam"), QStringLiteral("1990"), QStringLiteral("Khu 3"), QString(),
                        QStringLiteral("Cán bộ phường, khu, Nông dân")));
    m.setFilter(QStringLiteral("le van moi"));
    REQUIRE(loaded(m));
    REQUIRE(m.count() == 1);
    CHECK(m.data(m.index(0), RegisterModel::GroupsRole).toString() == QStringLiteral("Cán bộ phường, khu; Nông dân"));
    m.setFilter(QString());
    REQUIRE(loaded(m));

    TempDir files;
    QFile bad(files.path(QStringLiteral("bad.csv")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("Họ và tên;Năm sinh\nĐào Thị Một;1970\n;1971\nĐào Văn Ba;x\n");
    bad.close();
    m.previewImport(files.path(QStringLiteral("bad.csv")));
    REQUIRE(eventually([&m] { return !m.importBusy(); }));
    CHECK_FALSE(m.canImport());
    CHECK(m.importProblems().size() == 2);
    CHECK_FALSE(m.commitImport());
    CHECK(m.count() == all + 2);
    m.previewImport(QStringLiteral(CLC_FIXTURES_DIR "/danh-sach-hoc-vien.csv"));
    REQUIRE(eventually([&m] { return !m.importBusy(); }));
    REQUIRE(m.canImport());
    REQUIRE(m.commitImport());
    CHECK_FALSE(m.canImport()); // no second import while this one runs
    REQUIRE(eventually([&m] { return !m.importBusy() && !m.loading(); }));
    CHECK(m.importSummary().contains(QStringLiteral("imported")));
    CHECK(m.count() > all + 2);
}
