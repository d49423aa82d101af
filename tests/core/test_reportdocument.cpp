#include "error.h"
#include "planimport.h"
#include "records.h"
#include "reportdocument.h"
#include "store.h"
#include "smallyear.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {

QString str(const char *s) { return QString::fromUtf8(s); }
QVariant num(qint64 n) { return QVariant(n); }
QVariant txt(const char *s) { return QVariant(QString::fromUtf8(s)); }

using Year = SmallYear; // tests/core/smallyear.h

// Every row has a cell per column, and every column a width and a kind.
void checkShape(const ReportDocument &d)
{
    for (const ReportTable &t : d.tables) {
        INFO("table " << t.heading.toStdString());
        CHECK(t.widths.size() == size_t(t.columns.size()));
        CHECK(t.kinds.size() == size_t(t.columns.size()));
        for (const auto &r : t.rows)
            CHECK(r.size() == size_t(t.columns.size()));
    }
}

QString utf8(const QByteArray &b) { return QString::fromUtf8(b); }

} // namespace

TEST_CASE("a cell reads the Vietnamese way: numbers grouped with dots, money with đ, percent with a decimal comma", "[reportdocument]")
{
    using Cell = ReportTable::Cell;
    CHECK(reports::cellText(num(1234567), Cell::Number) == QStringLiteral("1.234.567"));
    CHECK(reports::cellText(num(999), Cell::Number) == QStringLiteral("999"));
    CHECK(reports::cellText(num(0), Cell::Number) == QStringLiteral("0"));
    CHECK(reports::cellText(num(-1500), Cell::Number) == QStringLiteral("-1.500"));
    CHECK(reports::cellText(num(1500000), Cell::Money) == str("1.500.000 đ"));
    CHECK(reports::cellText(num(0), Cell::Money) == str("0 đ"));
    CHECK(reports::cellText(QVariant(200.0 / 3.0), Cell::Percent) == QStringLiteral("66,7 %"));
    CHECK(reports::cellText(QVariant(100.0), Cell::Percent) == QStringLiteral("100,0 %"));
    CHECK(reports::cellText(QVariant(1.0 / 3.0 * 100.0), Cell::Percent) == QStringLiteral("33,3 %"));
    CHECK(reports::cellText(num(80), Cell::Percent) == QStringLiteral("80,0 %"));
    // Text is shown as it is in any column; an empty cell is empty.
    CHECK(reports::cellText(txt("Tổng cộng"), Cell::Money) == str("Tổng cộng"));
    CHECK(reports::cellText(txt("12"), Cell::Number) == QStringLiteral("12"));
    CHECK(reports::cellText(QVariant(), Cell::Number).isEmpty());
    CHECK(reports::cellText(QVariant(), Cell::Money).isEmpty());
    CHECK(reports::cellText(QVariant(QMetaType(QMetaType::LongLong)), Cell::Money).isEmpty());
}

TEST_CASE("CSV has a BOM, the header block as lines, then each table with its heading, and numbers stay plain", "[reportdocument][csv]")
{
    ReportDocument d;
    d.committee = str("Ủy ban nhân dân phường Thử");
    d.centre = str("Trung tâm học tập cộng đồng phường Thử");
    d.number = str("Số: 12/BC-TTHTCĐ");
    d.placeDate = str("Thử, ngày 05 tháng 02 năm 2018");
    d.title = str("BÁO CÁO");
    d.recipients = QStringList{QStringLiteral("- UBND;")};
    d.signatoryTitle = str("GIÁM ĐỐC");
    ReportTable t;
    t.heading = str("1. Bảng, có dấu phẩy");
    t.columns = QStringList{str("Tên"), str("Số \"lượng\""), str("Tỉ lệ")};
    t.widths = {2, 1, 1};
    t.kinds = {ReportTable::Cell::Text, ReportTable::Cell::Money, ReportTable::Cell::Percent};
    t.rows.push_back({txt("a,b"), num(1234567), QVariant(200.0 / 3.0)});
    t.rows.push_back({QVariant(), num(-5), QVariant(100.0)});
    t.rows.push_back({txt("dòng\nhai"), QVariant(), txt("\"x\"")});
    d.tables.push_back(t);
    ReportTable u;
    u.columns = QStringList{QStringLiteral("A"), QStringLiteral("B")};
    u.rows.push_back({txt("x"), num(0)});
    d.tables.push_back(u);

    const QByteArray csv = reports::toCsv(d);
    const QByteArray expected = QByteArray("\xEF\xBB\xBF") +
                                str("Ủy ban nhân dân phường Thử\n"
                                    "Trung tâm học tập cộng đồng phường Thử\n"
                                    "BÁO CÁO\n"
                                    "\"Thử, ngày 05 tháng 02 năm 2018\"\n" // quoted: it holds a comma
                                    "\n"
                                    "\"1. Bảng, có dấu phẩy\"\n"
                                    "Tên,\"Số \"\"lượng\"\"\",Tỉ lệ\n"
                                    "\"a,b\",1234567,66.7\n"
                                    ",-5,100.0\n"
                                    "\"dòng\nhai\",,\"\"\"x\"\"\"\n"
                                    "\n"
                                    "A,B\n"
                                    "x,0\n").toUtf8();
    CHECK(csv == expected);

    // An empty document is just the BOM.
    CHECK(reports::toCsv(ReportDocument{}) == QByteArray("\xEF\xBB\xBF"));
}

TEST_CASE("the monthly document is the part-V table of the month, with a total row and the centre's header", "[reportdocument]")
{
    Year y;
    const ReportDocument d = reports::monthlyDocument(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2017-11"), y.options);
    CHECK(d.committee == str("Ủy ban nhân dân phường Thử"));
    CHECK(d.centre == str("Trung tâm học tập cộng đồng phường Thử"));
    CHECK(d.number == str("No.: 12/BC-TTHTCĐ"));
    CHECK(d.placeDate == str("Thử, day 05 month 02 year 2018"));
    CHECK(d.title == QStringLiteral("ACTIVITIES OF MONTH 11/2017"));
    CHECK(d.landscape);
    CHECK(d.recipients == QStringList{QStringLiteral("- Ward People's Committee (to report);"), QStringLiteral("- Filed: centre office.")});
    CHECK(d.signatoryTitle == QStringLiteral("DIRECTOR"));
    CHECK(d.signatoryName.isEmpty());
    REQUIRE(d.tables.size() == 1);
    checkShape(d);
    const ReportTable &t = d.tables[0];
    CHECK(t.heading.isEmpty());
    CHECK(t.columns == QStringList{QStringLiteral("No."), QStringLiteral("Activity"), QStringLiteral("Participants"), QStringLiteral("Attendances"),
                                   QStringLiteral("Target group"), QStringLiteral("Partner / teacher"), str("Budget (đ)")});
    CHECK(t.kinds.back() == ReportTable::Cell::Money);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0] == std::vector<QVariant>{num(1), txt("Tập huấn kỹ thuật chăm sóc cây lúa"), num(3), num(4), txt("Nông dân"),
                                              txt("Hội Nông dân; KS. Tư"), num(1500000)});
    CHECK(t.totalRow);
    CHECK_FALSE(t.rows[1][0].isValid());
    CHECK(t.rows[1][1] == QVariant(QStringLiteral("Total")));
    CHECK(t.rows[1][2] == num(3));
    CHECK(t.rows[1][3] == num(4));
    CHECK(t.rows[1][6] == num(1500000));

    // The same numbers in the CSV.
    const QString csv = utf8(reports::toCsv(d));
    CHECK(csv.contains(str("\n1,Tập huấn kỹ thuật chăm sóc cây lúa,3,4,Nông dân,Hội Nông dân; KS. Tư,1500000\n")));
    CHECK(csv.contains(QStringLiteral("\n,Total,3,4,,,1500000\n")));
    CHECK(reports::toCsv(d).startsWith(QByteArray("\xEF\xBB\xBF") + str("Ủy ban nhân dân phường Thử\nTrung tâm học tập cộng đồng phường Thử\nACTIVITIES OF MONTH 11/2017\n").toUtf8()));
}

TEST_CASE("the monthly document of a whole year has a month column and sums every activity, and an empty month says so", "[reportdocument]")
{
    Year y;
    records::setActivityField(*y.s, y.a3, QStringLiteral("budget"), QStringLiteral("300.000"));
    const ReportDocument d = reports::monthlyDocument(*y.s, QStringLiteral("2017-2018"), QString(), y.options);
    CHECK(d.title == QStringLiteral("ACTIVITIES OF THE SCHOOL YEAR 2017-2018"));
    REQUIRE(d.tables.size() == 1);
    checkShape(d);
    const ReportTable &t = d.tables[0];
    REQUIRE(t.columns.size() == 8);
    CHECK(t.columns[1] == QStringLiteral("Month"));
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[0][1] == txt("11/2017"));
    CHECK(t.rows[1] == std::vector<QVariant>{num(2), txt("12/2017"), txt("Truyền thông dân số"), num(41), num(41), txt("Nhân dân"), txt(""), QVariant()});
    CHECK(t.rows[2] == std::vector<QVariant>{num(3), txt("03/2018"), txt("Phổ biến pháp luật"), num(0), num(0), txt("Nhân dân"), txt(""), num(300000)});
    CHECK(t.rows[3][2] == txt("Hoạt động bị huỷ"));
    CHECK(t.rows[4][2] == QVariant(QStringLiteral("Total")));
    CHECK(t.rows[4][3] == num(3 + 41));
    CHECK(t.rows[4][4] == num(4 + 41));
    CHECK(t.rows[4][7] == num(1500000 + 300000));
    CHECK(utf8(reports::toCsv(d)).contains(QStringLiteral("\n,,Total,44,45,,,1800000\n")));

    const ReportDocument empty = reports::monthlyDocument(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2018-04"), y.options);
    REQUIRE(empty.tables.size() == 1);
    CHECK(empty.tables[0].heading == QStringLiteral("No activities were planned for this period."));
    REQUIRE(empty.tables[0].rows.size() == 1); // only the total, of nothing
    CHECK(empty.tables[0].rows[0][2] == num(0));
    CHECK(empty.tables[0].rows[0][6] == num(0));

    CHECK_THROWS_AS(reports::monthlyDocument(*y.s, QStringLiteral("2017"), QString(), y.options), Error);
    CHECK_THROWS_AS(reports::monthlyDocument(*y.s, QStringLiteral("2017-2018"), QStringLiteral("2019-01"), y.options), Error);
}

TEST_CASE("the header is the centre's settings (committee, place, recipients, director) with dots when there is no number", "[reportdocument]")
{
    TempDir dir;
    auto s = makeStore(dir);
    ReportOptions o;
    o.date = QDate(2026, 2, 5);
    ReportDocument d = reports::registerDocument(*s, o);
    CHECK(d.committee.isEmpty());
    CHECK(d.centre == str("Trung tâm học tập cộng đồng phường Đức Chính"));
    CHECK(d.number == str("No.: ……/DS-TTHTCĐ"));
    // Without a place, the centre's name stands in.
    CHECK(d.placeDate == str("Trung tâm học tập cộng đồng phường Đức Chính, day 05 month 02 year 2026"));
    CHECK(d.signatoryTitle == QStringLiteral("DIRECTOR"));

    s->write(QStringLiteral("centres"), s->centreId(),
             {{QStringLiteral("committee"), str("Ủy ban nhân dân phường Đức Chính")},
              {QStringLiteral("place"), str("Đức Chính")},
              {QStringLiteral("director_title"), str("GIÁM ĐỐC")},
              {QStringLiteral("director_name"), str("Nguyễn Văn A")},
              {QStringLiteral("recipients"), str("- UBND phường (để báo cáo);\n- Lưu: VT.")}});
    o.number = QStringLiteral("7");
    d = reports::registerDocument(*s, o);
    CHECK(d.committee == str("Ủy ban nhân dân phường Đức Chính"));
    CHECK(d.number == str("No.: 7/DS-TTHTCĐ"));
    CHECK(d.placeDate == str("Đức Chính, day 05 month 02 year 2026"));
    CHECK(d.recipients == QStringList{str("- UBND phường (để báo cáo);"), str("- Lưu: VT.")});
    CHECK(d.signatoryTitle == str("GIÁM ĐỐC"));
    CHECK(d.signatoryName == str("Nguyễn Văn A"));

    // A file that is not a replica yet has no report.
    Store bare(dir.path(QStringLiteral("bare.db")), StoreOptions{QStringLiteral("device-a"), {}});
    CHECK_THROWS_AS(reports::registerDocument(bare, o), Error);
}

TEST_CASE("the register lists live learners in given-name order with their details and groups", "[reportdocument]")
{
    Year y;
    records::addPerson(*y.s, PersonInput{str("Đặng Thị Út"), {}, {}, {}, QStringLiteral("0912345678"), str("mới chuyển đến"), {}});
    const ReportDocument d = reports::registerDocument(*y.s, y.options);
    CHECK(d.title == QStringLiteral("REGISTER OF LEARNERS"));
    CHECK(d.number == str("No.: 12/DS-TTHTCĐ"));
    CHECK(d.landscape);
    REQUIRE(d.tables.size() == 1);
    checkShape(d);
    const ReportTable &t = d.tables[0];
    CHECK(t.columns == QStringList{QStringLiteral("No."), QStringLiteral("Full name"), QStringLiteral("Year of birth"), QStringLiteral("Sex"),
                                   QStringLiteral("Neighbourhood"), QStringLiteral("Phone"), QStringLiteral("Groups"), QStringLiteral("Note")});
    CHECK_FALSE(t.totalRow);
    REQUIRE(t.rows.size() == 4); // Bốn is deleted
    CHECK(t.rows[0] == std::vector<QVariant>{num(1), txt("Lê Thị Ba"), txt("1980"), txt("Female"), txt("Khu 1"), txt(""), txt("Phụ nữ"), txt("")});
    CHECK(t.rows[1][1] == txt("Trần Thị Hai"));
    QStringList groups = t.rows[1][6].toString().split(QStringLiteral("; "));
    groups.sort();
    CHECK(groups == QStringList{str("Nông dân"), str("Phụ nữ")});
    CHECK(t.rows[2] == std::vector<QVariant>{num(3), txt("Nguyễn Văn Một"), txt("1960"), txt("Male"), txt("Khu 1"), txt(""), txt("Nông dân"), txt("")});
    CHECK(t.rows[3] == std::vector<QVariant>{num(4), txt("Đặng Thị Út"), txt(""), txt(""), txt(""), txt("0912345678"), txt(""), txt("mới chuyển đến")});
}

TEST_CASE("the attendance sheet has a row per expected or marked learner and a column per session, with the paper symbols", "[reportdocument]")
{
    Year y;
    // Expected (a farmer) but never marked.
    records::addPerson(*y.s, PersonInput{str("Hoàng Văn Sáu"), QStringLiteral("m"), 1990, {}, {}, {}, {str("Nông dân")}});
    // Neither expected nor marked.
    records::addPerson(*y.s, PersonInput{str("Vũ Thị Bảy"), QStringLiteral("f"), 1991, {}, {}, {}, {}});
    const ReportDocument d = reports::attendanceSheet(*y.s, y.a1, y.options);
    CHECK(d.title == QStringLiteral("ATTENDANCE SHEET"));
    CHECK(d.subtitle == str("Tập huấn kỹ thuật chăm sóc cây lúa"));
    CHECK(d.number == str("No.: 12/DD-TTHTCĐ"));
    CHECK(d.signatoryTitle == QStringLiteral("TEACHER"));
    CHECK(d.signatoryName.isEmpty());
    REQUIRE(d.tables.size() == 1);
    checkShape(d);
    const ReportTable &t = d.tables[0];
    CHECK(t.heading == QStringLiteral("x present, m late, p excused, v absent"));
    CHECK(t.columns == QStringList{QStringLiteral("No."), QStringLiteral("Full name"), QStringLiteral("Year of birth"), QStringLiteral("10/11"),
                                   QStringLiteral("17/11"), QStringLiteral("Sessions attended")});
    CHECK(t.kinds.back() == ReportTable::Cell::Number);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0] == std::vector<QVariant>{num(1), txt("Lê Thị Ba"), txt("1980"), txt("p"), txt("x"), num(1)});
    CHECK(t.rows[1] == std::vector<QVariant>{num(2), txt("Trần Thị Hai"), txt("1970"), txt("m"), txt("v"), num(1)});
    CHECK(t.rows[2] == std::vector<QVariant>{num(3), txt("Nguyễn Văn Một"), txt("1960"), txt("x"), txt("x"), num(2)});
    CHECK(t.rows[3] == std::vector<QVariant>{num(4), txt("Hoàng Văn Sáu"), txt("1990"), txt(""), txt(""), num(0)});

    // A session deleted loses its column; an activity with none has just the count.
    y.s->remove(QStringLiteral("sessions"), y.s2);
    const ReportTable one = reports::attendanceSheet(*y.s, y.a1, y.options).tables.at(0);
    CHECK(one.columns.size() == 5);
    CHECK(one.rows.at(0) == std::vector<QVariant>{num(1), txt("Lê Thị Ba"), txt("1980"), txt("p"), num(0)});
    const ReportTable law = reports::attendanceSheet(*y.s, y.a3, y.options).tables.at(0);
    CHECK(law.columns == QStringList{QStringLiteral("No."), QStringLiteral("Full name"), QStringLiteral("Year of birth"), QStringLiteral("Sessions attended")});
    CHECK(law.rows.size() == 5); // everyone (Nhân dân): the five live people

    const Error e = [&] {
        try {
            reports::attendanceSheet(*y.s, Store::newId(), y.options);
        } catch (const Error &thrown) {
            return thrown;
        }
        return Error(Error::Code::Database, QString());
    }();
    CHECK(e.code() == Error::Code::NotFound);
    CHECK(e.field() == QStringLiteral("--activity"));
}

TEST_CASE("the activity log has a row per session with attendances by sex, and the budget on the first session only", "[reportdocument]")
{
    Year y;
    y.s->write(QStringLiteral("sessions"), y.s2, {{QStringLiteral("facilitator"), str("Bác sĩ Hoa")}});
    const ReportDocument d = reports::activityLog(*y.s, QStringLiteral("2017-2018"), y.options);
    CHECK(d.title == QStringLiteral("ACTIVITY LOG OF THE SCHOOL YEAR 2017-2018"));
    CHECK(d.number == str("No.: 12/SHĐ-TTHTCĐ"));
    REQUIRE(d.tables.size() == 1);
    checkShape(d);
    const ReportTable &t = d.tables[0];
    CHECK(t.columns.size() == 10);
    CHECK(t.kinds.back() == ReportTable::Cell::Money);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0] == std::vector<QVariant>{txt("10/11/2017"), txt("Tập huấn kỹ thuật chăm sóc cây lúa"), txt("Technical training"), txt("Hội Nông dân"),
                                              txt("KS. Tư"), txt("Nhà văn hoá"), num(2), num(1), num(1), num(1500000)});
    // Bốn (deleted) does not count; the session's own facilitator is the speaker.
    CHECK(t.rows[1] == std::vector<QVariant>{txt("17/11/2017"), txt("Tập huấn kỹ thuật chăm sóc cây lúa"), txt("Technical training"), txt("Hội Nông dân"),
                                              txt("Bác sĩ Hoa"), txt("Nhà văn hoá"), num(2), num(1), num(1), QVariant()});
    CHECK(t.rows[2] == std::vector<QVariant>{txt("05/12/2017"), txt("Truyền thông dân số"), txt("Health and population"), txt(""), txt(""),
                                              txt("Hội trường"), num(41), num(1), num(0), QVariant()});

    // Sessions of another school year are not in it.
    CHECK(reports::activityLog(*y.s, QStringLiteral("2018-2019"), y.options).tables.at(0).rows.empty());
    CHECK_THROWS_AS(reports::activityLog(*y.s, QStringLiteral("2018"), y.options), Error);
}

TEST_CASE("the year document holds the summary's tables with the figures computed by hand", "[reportdocument]")
{
    Year y;
    const ReportDocument d = reports::yearDocument(*y.s, QStringLiteral("2017-2018"), y.options);
    CHECK(d.title == QStringLiteral("YEAR-END REPORT OF THE SCHOOL YEAR 2017-2018"));
    CHECK(d.number == str("No.: 12/BC-TTHTCĐ"));
    CHECK_FALSE(d.landscape);
    checkShape(d);
    REQUIRE(d.tables.size() == 7);
    QStringList headings;
    for (const ReportTable &t : d.tables)
        headings << t.heading;
    CHECK(headings == QStringList{QStringLiteral("1. Activities and sessions held, by field"), QStringLiteral("2. Attendances and learners by field and target group"),
                                  QStringLiteral("3. By sex"), QStringLiteral("4. By neighbourhood"), QStringLiteral("5. Targets of the plan"),
                                  QStringLiteral("6. Budget"), QStringLiteral("7. Activities that did not take place")});

    // 1. Seven kinds and the total: planned, held, sessions planned, held, attendances, learners.
    const ReportTable &kinds = d.tables[0];
    REQUIRE(kinds.rows.size() == 8);
    CHECK(kinds.totalRow);
    CHECK(kinds.rows[0] == std::vector<QVariant>{txt("Technical training"), num(1), num(1), num(2), num(2), num(4), num(3)});
    CHECK(kinds.rows[1] == std::vector<QVariant>{txt("Law and policy"), num(1), num(0), num(0), num(0), num(0), num(0)});
    CHECK(kinds.rows[2] == std::vector<QVariant>{txt("Health and population"), num(1), num(1), num(1), num(1), num(41), num(1)});
    CHECK(kinds.rows[4] == std::vector<QVariant>{txt("Culture and sport"), num(0), num(0), num(0), num(0), num(0), num(0)}); // cancelled
    CHECK(kinds.rows[7] == std::vector<QVariant>{txt("Total"), num(3), num(2), num(3), num(3), num(45), num(3)});

    // 2. The farmers at the technical training: Một twice, Hai once (late).
    bool farmers = false;
    for (const auto &r : d.tables[1].rows)
        if (r[0] == txt("Technical training") && r[1] == txt("Nông dân"))
            farmers = r[2] == num(3) && r[3] == num(2);
    CHECK(farmers);

    // 3, 4. Male: Một 3 attendances; female: Hai 1 and Ba 1. Khu 1: Một and Ba; Khu 2: Hai.
    auto rowsOf = [](const ReportTable &t) {
        QStringList out;
        for (const auto &r : t.rows)
            out << QStringLiteral("%1 %2 %3").arg(r[0].toString()).arg(r[1].toLongLong()).arg(r[2].toLongLong());
        out.sort();
        return out;
    };
    CHECK(rowsOf(d.tables[2]) == QStringList{QStringLiteral("Female 2 2"), QStringLiteral("Male 3 1")});
    CHECK(rowsOf(d.tables[3]) == QStringList{QStringLiteral("Khu 1 4 2"), QStringLiteral("Khu 2 1 1")});

    // 5. The targets: 2 of 2 farmers (met), 1 of 3 residents (not met), a manual one not entered.
    const ReportTable &targets = d.tables[4];
    REQUIRE(targets.rows.size() == 3);
    // The evidence: attendance counts itself.
    CHECK(targets.rows[0] == std::vector<QVariant>{txt("≥ 80% nông dân dự tập huấn kỹ thuật"), num(2), num(2), QVariant(100.0), QVariant(80.0), txt("met"),
                                                   txt("2 of the 2 people of its groups attended at least one session")});
    CHECK(targets.rows[1][1] == num(1));
    CHECK(targets.rows[1][2] == num(3));
    CHECK(reports::cellText(targets.rows[1][3], targets.kinds[3]) == QStringLiteral("33,3 %"));
    CHECK(targets.rows[1][5] == txt("not met"));
    CHECK(targets.rows[2] == std::vector<QVariant>{txt("99% trẻ đến trường"), QVariant(), QVariant(), QVariant(), QVariant(99.0), txt("not measured"),
                                                   txt("")});

    // 6, 7.
    CHECK(d.tables[5].rows == std::vector<std::vector<QVariant>>{{num(1500000), num(1200000)}});
    CHECK(d.tables[6].rows == std::vector<std::vector<QVariant>>{{txt("03/2018"), txt("Phổ biến pháp luật"), txt("not held"), txt("(no reason written)")},
                                                                 {txt("03/2018"), txt("Hoạt động bị huỷ"), txt("cancelled"), txt("(no reason written)")}});
    const QString csv = utf8(reports::toCsv(d));
    CHECK(csv.contains(str("\n≥ 80% nông dân dự tập huấn kỹ thuật,2,2,100.0,80.0,met,2 of the 2 people of its groups attended at least one session\n")));
    // Nothing written under the figures yet: no assessment, no recommendations.
    CHECK(d.paragraphs.empty());
    CHECK(csv.contains(QStringLiteral("\n6. Budget\nPlanned,Recorded as spent\n1500000,1200000\n")));
}
