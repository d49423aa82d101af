// Reports as a reader gets them: files written by the real `clc report`, read back with real readers
// (pdftotext/pdfinfo from poppler, openpyxl for XLSX), numbers compared with the hand-computed year
// of tests/core/test_reports.cpp.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QProcess>
#include <catch2/catch.hpp>

using namespace clctest;

namespace {

struct Out
{
    int code;
    QString out, err;
};

Out run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

Out runClc(const QString &db, const QStringList &args)
{
    return run(QStringLiteral(CLC_BINARY), QStringList{QStringLiteral("--lang"), QStringLiteral("vi"), QStringLiteral("--db"), db} + args);
}

// A database with the hand-computed year (see test_reports.cpp): built through the CLI.
QString smallYear(const TempDir &dir)
{
    const QString db = dir.path(QStringLiteral("y.db"));
    REQUIRE(runClc(db, {QStringLiteral("init")}).code == 0);
    REQUIRE(runClc(db, {QStringLiteral("plan"), QStringLiteral("import"), QStringLiteral(CLC_FIXTURES_DIR "/plan-mini.json")}).code == 0);
    const QJsonArray acts = QJsonDocument::fromJson(runClc(db, {QStringLiteral("activity"), QStringLiteral("list"), QStringLiteral("--json")}).out.toUtf8()).array();
    const QString a1 = acts[0][QStringLiteral("id")].toString(), a2 = acts[1][QStringLiteral("id")].toString();
    REQUIRE(runClc(db, {QStringLiteral("activity"), QStringLiteral("set"), a1, QStringLiteral("budget"), QStringLiteral("1500000")}).code == 0);
    auto person = [&db](const char *name, const char *sex, const char *khu, const char *group) {
        return runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QString::fromUtf8(name), QStringLiteral("--sex"),
                        QString::fromLatin1(sex), QStringLiteral("--khu"), QString::fromUtf8(khu), QStringLiteral("--group"), QString::fromUtf8(group)})
            .out.trimmed();
    };
    const QString p1 = person("Nguyễn Văn Một", "m", "Khu 1", "Nông dân");
    const QString p2 = person("Trần Thị Hai", "f", "Khu 2", "Nông dân");
    const QString p3 = person("Lê Thị Ba", "f", "Khu 1", "Phụ nữ");
    auto session = [&db](const QString &a, const char *at) {
        return runClc(db, {QStringLiteral("session"), QStringLiteral("add"), a, QStringLiteral("--at"), QString::fromLatin1(at)}).out.trimmed();
    };
    const QString s1 = session(a1, "2017-11-10T08:00"), s2 = session(a1, "2017-11-17T08:00");
    auto mark = [&db](const QString &s, const QString &p, const char *status) {
        REQUIRE(runClc(db, {QStringLiteral("attend"), s, p, QString::fromLatin1(status)}).code == 0);
    };
    mark(s1, p1, "present");
    mark(s1, p2, "late");
    mark(s1, p3, "excused");
    mark(s2, p1, "present");
    mark(s2, p2, "absent");
    mark(s2, p3, "present");
    Q_UNUSED(a2)
    REQUIRE(runClc(db, {QStringLiteral("centre"), QStringLiteral("set"), QStringLiteral("director_name"), QStringLiteral("Nguyễn Văn Giám")}).code == 0);
    return db;
}

} // namespace

TEST_CASE("the monthly report as CSV has a BOM and the same numbers", "[reports][csv]")
{
    TempDir dir;
    const QString db = smallYear(dir);
    const QString out = dir.path(QStringLiteral("m.csv"));
    REQUIRE(runClc(db, {QStringLiteral("report"), QStringLiteral("monthly"), QStringLiteral("--month"), QStringLiteral("2017-11"), QStringLiteral("--format"),
                     QStringLiteral("csv"), QStringLiteral("--out"), out}).code == 0);
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    CHECK(csv.startsWith("\xEF\xBB\xBF"));
    CHECK(csv.contains("1,Tập huấn kỹ thuật chăm sóc cây lúa,3,4,Nông dân,Hội Nông dân,1500000\n"));
    CHECK(csv.contains(",Tổng cộng,3,4,,,1500000\n"));
}

TEST_CASE("the year report as XLSX opens in a real reader with numeric cells", "[reports][xlsx]")
{
    TempDir dir;
    const QString db = smallYear(dir);
    const QString out = dir.path(QStringLiteral("y.xlsx"));
    REQUIRE(runClc(db, {QStringLiteral("report"), QStringLiteral("year"), QStringLiteral("--year"), QStringLiteral("2017-2018"), QStringLiteral("--format"),
                     QStringLiteral("xlsx"), QStringLiteral("--out"), out}).code == 0);
    const Out read = run(QStringLiteral("/usr/bin/python3"),
                         {QStringLiteral("-c"), QStringLiteral("import json, sys, openpyxl\n"
                                                               "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                                               "print(json.dumps([[[c for c in r] for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]))"),
                          out});
    INFO(read.err.toStdString());
    REQUIRE(read.code == 0);
    const QJsonArray sheets = QJsonDocument::fromJson(read.out.toUtf8()).array();
    REQUIRE(sheets.size() == 7);
    // Sheet 1, by field: the technical row has 1 planned, 1 held, 2 sessions, 4 attendances, 3 learners — as numbers.
    bool found = false;
    for (const QJsonValue &row : sheets[0].toArray()) {
        const QJsonArray r = row.toArray();
        if (r[0].toString() == QStringLiteral("Tập huấn kỹ thuật")) {
            found = true;
            CHECK(r[1].isDouble());
            CHECK(r[1].toInt() == 1);
            CHECK(r[4].toInt() == 2);
            CHECK(r[5].toInt() == 4);
            CHECK(r[6].toInt() == 3);
        }
    }
    CHECK(found);
    // The targets sheet: farmers reached 2 of 2, 100 %, met.
    bool target = false;
    for (const QJsonValue &row : sheets[4].toArray()) {
        const QJsonArray r = row.toArray();
        if (r[0].toString().contains(QStringLiteral("nông dân"))) {
            target = true;
            CHECK(r[1].toInt() == 2);
            CHECK(r[2].toInt() == 2);
            CHECK(r[3].toDouble() == Approx(100.0));
            CHECK(r[5].toString() == QStringLiteral("đạt"));
        }
    }
    CHECK(target);
}

TEST_CASE("the PDF has the administrative header, intact Vietnamese, A4 pages and repeated table headers", "[reports][pdf]")
{
    TempDir dir;
    const QString db = smallYear(dir);
    const QString out = dir.path(QStringLiteral("m.pdf"));
    REQUIRE(runClc(db, {QStringLiteral("report"), QStringLiteral("monthly"), QStringLiteral("--month"), QStringLiteral("2017-11"), QStringLiteral("--format"),
                     QStringLiteral("pdf"), QStringLiteral("--out"), out, QStringLiteral("--date"), QStringLiteral("2026-02-05"), QStringLiteral("--number"),
                     QStringLiteral("12")}).code == 0);
    // Reading order, whitespace folded: a name wrapped onto two lines still reads as one.
    const QString text = run(QStringLiteral("pdftotext"), {out, QStringLiteral("-")}).out.simplified();
    for (const char *s : {"ỦY BAN NHÂN DÂN PHƯỜNG THỬ", "TRUNG TÂM HỌC TẬP CỘNG ĐỒNG PHƯỜNG THỬ", "Số: 12/BC-TTHTCĐ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Độc lập - Tự do - Hạnh phúc", "Thử, ngày 05 tháng 02 năm 2026", "KẾT QUẢ HOẠT ĐỘNG THÁNG 11/2017",
                          "Tập huấn kỹ thuật chăm sóc cây lúa", "Nơi nhận:", "GIÁM ĐỐC", "Nguyễn Văn Giám", "1.500.000 đ"}) {
        INFO(s);
        CHECK(text.contains(QString::fromUtf8(s)));
    }
    CHECK(run(QStringLiteral("pdfinfo"), {out}).out.contains(QStringLiteral("(A4)")));

    // A register longer than a page: every page repeats the table header; pages are numbered from 2.
    for (int i = 0; i < 60; ++i)
        REQUIRE(runClc(db, {QStringLiteral("person"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Người thứ %1").arg(i)}).code == 0);
    const QString reg = dir.path(QStringLiteral("r.pdf"));
    REQUIRE(runClc(db, {QStringLiteral("report"), QStringLiteral("register"), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), reg}).code == 0);
    const QString info = run(QStringLiteral("pdfinfo"), {reg}).out;
    const int pages = info.section(QStringLiteral("Pages:"), 1).trimmed().section(QLatin1Char('\n'), 0, 0).toInt();
    REQUIRE(pages >= 2);
    const QString page2 = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"), QStringLiteral("2"), reg, QStringLiteral("-")}).out;
    CHECK(page2.contains(QStringLiteral("Họ và tên")));
    CHECK(page2.trimmed().startsWith(QStringLiteral("2")));
}

TEST_CASE("bad report requests are refused with the option at fault and write nothing", "[reports][errors]")
{
    TempDir dir;
    const QString db = smallYear(dir);
    const QString out = dir.path(QStringLiteral("x.pdf"));
    const Out badFormat = runClc(db, {QStringLiteral("report"), QStringLiteral("year"), QStringLiteral("--format"), QStringLiteral("doc"), QStringLiteral("--out"), out});
    CHECK(badFormat.code == 1);
    CHECK(badFormat.err.contains(QStringLiteral("--format")));
    const Out badMonth = runClc(db, {QStringLiteral("report"), QStringLiteral("monthly"), QStringLiteral("--month"), QStringLiteral("2018-13"),
                                  QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), out});
    CHECK(badMonth.code == 1);
    CHECK(badMonth.err.contains(QStringLiteral("2018-13")));
    const Out badYear = runClc(db, {QStringLiteral("report"), QStringLiteral("year"), QStringLiteral("--year"), QStringLiteral("2017"), QStringLiteral("--format"),
                                 QStringLiteral("pdf"), QStringLiteral("--out"), out});
    CHECK(badYear.code == 1);
    CHECK(badYear.err.contains(QStringLiteral("--year")));
    const Out badActivity = runClc(db, {QStringLiteral("report"), QStringLiteral("attendance"), QStringLiteral("--activity"), QStringLiteral("nope"),
                                     QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), out});
    CHECK(badActivity.code == 1);
    CHECK(badActivity.err.contains(QStringLiteral("--activity")));
    CHECK_FALSE(QFile::exists(out));
}

namespace {

/// Text without spaces and dashes: a PDF reader joins a line broken after "sản -" as "sản lúa", and
/// what is compared is the words and their order, not how lines were broken.
QString squeezed(QString s)
{
    static const QRegularExpression gaps(QStringLiteral("[\\s\\-–]+"));
    return s.remove(gaps);
}

/// The seed's texts in the seed's order, from the bundled plan file (the seed transcribed), with the
/// part headings the document adds.
QStringList seedTexts()
{
    QFile f(QStringLiteral(CLC_SOURCE_DIR "/data/plan-2017-2018.json"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject plan = QJsonDocument::fromJson(f.readAll()).object();
    QStringList texts{QStringLiteral("KẾ HOẠCH"), QStringLiteral("I. MỤC ĐÍCH YÊU CẦU"), QStringLiteral("* Thuận lợi:"),
                      QStringLiteral("* Khó khăn:"), QStringLiteral("II. KẾ HOẠCH HOẠT ĐỘNG TRONG NĂM HỌC 2017-2018")};
    for (const QJsonValue q : plan[QStringLiteral("quarters")].toArray()) {
        texts << q[QStringLiteral("label")].toString();
        for (const QJsonValue t : q[QStringLiteral("tasks")].toArray())
            texts << t.toString();
    }
    texts << QStringLiteral("III. CHỈ TIÊU CẦN ĐẠT TRONG NĂM");
    for (const QJsonValue t : plan[QStringLiteral("targets")].toArray())
        texts << t[QStringLiteral("text")].toString();
    texts << QStringLiteral("IV. CÁC GIẢI PHÁP THỰC HIỆN") << QStringLiteral("V. KẾ HOẠCH TỪNG THÁNG");
    for (const QJsonValue m : plan[QStringLiteral("months")].toArray())
        for (const QJsonValue a : m[QStringLiteral("activities")].toArray())
            texts << a[QStringLiteral("title")].toString();
    texts << QStringLiteral("VI. KIẾN NGHỊ") << QStringLiteral("HIỆU TRƯỞNG") << QStringLiteral("Lê Văn Thịnh");
    return texts;
}

/// The texts of `expected` not found in `text` after the one before them.
QStringList missingInOrder(const QString &text, const QStringList &expected)
{
    const QString hay = squeezed(text);
    QStringList missing;
    qsizetype at = 0;
    for (const QString &e : expected) {
        const qsizetype i = hay.indexOf(squeezed(e), at);
        if (i < 0)
            missing << e;
        else
            at = i + 1;
    }
    return missing;
}

} // namespace

TEST_CASE("the plan document prints the seed's plan whole and in order, as PDF, ODT, XLSX and CSV", "[reports][plan]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("d.db"));
    REQUIRE(runClc(db, {QStringLiteral("demo")}).code == 0);
    const QStringList expected = seedTexts();
    REQUIRE(expected.size() > 50);
    auto print = [&](const char *format) {
        const QString out = dir.path(QStringLiteral("plan.") + QLatin1String(format));
        const Out r = runClc(db, {QStringLiteral("report"), QStringLiteral("plan"), QStringLiteral("--year"), QStringLiteral("2017-2018"),
                                  QStringLiteral("--format"), QString::fromLatin1(format), QStringLiteral("--out"), out});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        return out;
    };
    SECTION("PDF, read back in drawing order")
    {
        const QString pdf = print("pdf");
        // -raw keeps the order the text was drawn in: pdftotext's layout guess moves a month's first row.
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")}).out;
        CHECK(missingInOrder(text, expected) == QStringList());
        CHECK(run(QStringLiteral("pdfinfo"), {pdf}).out.contains(QStringLiteral("(A4)")));
        // The header of Decree 30 and the number of a plan.
        CHECK(text.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
        CHECK(text.contains(QStringLiteral("/KH-TTHTCĐ")));
    }
    SECTION("ODT, read back from its content.xml")
    {
        const QString odt = print("odt");
        const Out xml = run(QStringLiteral("/usr/bin/python3"),
                            {QStringLiteral("-c"), QStringLiteral("import sys, zipfile, re, html\n"
                                                                  "x = zipfile.ZipFile(sys.argv[1]).read('content.xml').decode()\n"
                                                                  "x = re.sub(r'<text:s[^>]*/>', ' ', x)\n"
                                                                  "print(html.unescape(re.sub(r'<[^>]+>', ' ', x)))"),
                             odt});
        REQUIRE(xml.code == 0);
        CHECK(missingInOrder(xml.out, expected) == QStringList());
        // The part-V table is a real table of six columns, so the copy can be edited as one.
        const Out columns = run(QStringLiteral("/usr/bin/python3"),
                                {QStringLiteral("-c"), QStringLiteral("import sys, zipfile, re\n"
                                                                      "x = zipfile.ZipFile(sys.argv[1]).read('content.xml').decode()\n"
                                                                      "print(max(len(re.findall('<table:table-column', t)) for t in x.split('</table:table>')))"),
                                 odt});
        CHECK(columns.out.trimmed() == QStringLiteral("6"));
    }
    SECTION("CSV and XLSX")
    {
        QFile csv(print("csv"));
        REQUIRE(csv.open(QIODevice::ReadOnly));
        CHECK(missingInOrder(QString::fromUtf8(csv.readAll()), expected.mid(0, expected.size() - 2)) == QStringList());
        const QString xlsx = print("xlsx");
        const Out cells = run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"),
                                                          QStringLiteral("import sys, openpyxl\n"
                                                                         "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                                                         "for ws in wb.worksheets:\n"
                                                                         "    for row in ws.iter_rows(values_only=True):\n"
                                                                         "        print(' '.join(str(c) for c in row if c is not None))"),
                                                          xlsx});
        REQUIRE(cells.code == 0);
        // The text sheet first (parts I–IV, then VI and the signatures), then the table.
        CHECK(missingInOrder(cells.out, expected.mid(0, expected.size() - 3)) == QStringList());
    }
}

TEST_CASE("a plan document for a year with no plan names the year", "[reports][plan][errors]")
{
    TempDir dir;
    const QString db = dir.path(QStringLiteral("d.db"));
    REQUIRE(runClc(db, {QStringLiteral("demo")}).code == 0);
    const QString out = dir.path(QStringLiteral("p.pdf"));
    const Out r = runClc(db, {QStringLiteral("report"), QStringLiteral("plan"), QStringLiteral("--year"), QStringLiteral("2030-2031"),
                              QStringLiteral("--format"), QStringLiteral("odt"), QStringLiteral("--out"), out});
    CHECK(r.code != 0);
    CHECK(r.err.contains(QStringLiteral("--year")));
    CHECK(r.err.contains(QStringLiteral("2030-2031")));
    CHECK_FALSE(QFile::exists(out));
}
