#include "language.h"
#include "translate.h"
#include "vietnamese.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace clc;

static std::string s(const QString &q) { return q.toStdString(); }

TEST_CASE("folding drops diacritics and case and turns đ into d", "[vietnamese]")
{
    CHECK(s(vn::fold(QStringLiteral("Nguyễn Văn An"))) == "nguyen van an");
    CHECK(s(vn::fold(QStringLiteral("ĐỖ ĐỨC  Bình "))) == "do duc binh");
    CHECK(s(vn::fold(QStringLiteral("Đức Chính"))) == "duc chinh");
}

TEST_CASE("old and new tone placement fold to the same text", "[vietnamese]")
{
    CHECK(vn::fold(QStringLiteral("hòa")) == vn::fold(QStringLiteral("hoà")));
    CHECK(vn::fold(QStringLiteral("Thủy")) == vn::fold(QStringLiteral("Thuỷ")));
    // Precomposed and decomposed input are the same text.
    CHECK(vn::fold(QStringLiteral("Hoà")) == vn::fold(QString::fromUtf8("Hoa\xCC\x80")));
}

TEST_CASE("a name is found by any word prefixes, ignoring diacritics and case", "[vietnamese]")
{
    const QString name = QStringLiteral("Nguyễn Văn An");
    CHECK(vn::nameMatches(name, QStringLiteral("nguyen van an")));
    CHECK(vn::nameMatches(name, QStringLiteral("NGUYEN")));
    CHECK(vn::nameMatches(name, QStringLiteral("an")));
    CHECK(vn::nameMatches(name, QStringLiteral("Văn")));
    CHECK(vn::nameMatches(QStringLiteral("Đỗ Thị Lan"), QStringLiteral("do lan")));
    CHECK_FALSE(vn::nameMatches(QStringLiteral("Đỗ Thị Lan"), QStringLiteral("an")));
    CHECK_FALSE(vn::nameMatches(name, QStringLiteral("nguyen binh")));
}

TEST_CASE("people sort by given name, then the rest, with Vietnamese collation", "[vietnamese]")
{
    QStringList names{QStringLiteral("Trần Văn Đức"), QStringLiteral("Nguyễn Thị Ánh"), QStringLiteral("Lê Văn Dũng"),
                      QStringLiteral("Phạm Thị An"),  QStringLiteral("Bùi Văn An"),     QStringLiteral("Hoàng Văn Ân")};
    std::sort(names.begin(), names.end(), vn::NameOrder());
    // a < á (tone) < â; d < đ; equal given names order by family name.
    CHECK(names == QStringList{QStringLiteral("Bùi Văn An"), QStringLiteral("Phạm Thị An"), QStringLiteral("Nguyễn Thị Ánh"),
                               QStringLiteral("Hoàng Văn Ân"), QStringLiteral("Lê Văn Dũng"), QStringLiteral("Trần Văn Đức")});
}

TEST_CASE("dates, months and money are written the Vietnamese way", "[vietnamese]")
{
    CHECK(s(vn::formatDate(QDate(2026, 2, 5))) == "05/02/2026");
    CHECK(s(vn::formatMonth(QStringLiteral("2017-09"))) == "09/2017");
    CHECK(vn::formatMoney(1500000) == QStringLiteral("1.500.000 đ"));
    CHECK(vn::formatMoney(0) == QStringLiteral("0 đ"));
    CHECK(vn::formatMoney(999) == QStringLiteral("999 đ"));
    CHECK(vn::formatMoney(1000) == QStringLiteral("1.000 đ"));
}

TEST_CASE("counts read right in both languages: 1 session, 3 sessions, 3 buổi", "[i18n]")
{
    REQUIRE(installLanguage(QStringLiteral("en")));
    CHECK(Tr::tr("%n session(s)", nullptr, 1) == QStringLiteral("1 session"));
    CHECK(Tr::tr("%n session(s)", nullptr, 3) == QStringLiteral("3 sessions"));
    CHECK(Tr::tr("Month %1") == QStringLiteral("Month %1")); // English is the source: no translation needed
    REQUIRE(installLanguage(QStringLiteral("vi")));
    CHECK(Tr::tr("%n session(s)", nullptr, 3) == QStringLiteral("3 buổi"));
    CHECK_FALSE(installLanguage(QStringLiteral("fr")));
    installLanguage(QStringLiteral("en"));
}
