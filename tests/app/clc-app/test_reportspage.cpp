// The app's reports page: the preview shows the pages that will print; saving writes real files.
#include "apptestsupport.h"
#include "demodata.h"
#include "reportcontroller.h"
#include "storemanager.h"
#include "testsupport.h"

#include <QFile>
#include <QPrinter>
#include <QUrl>
#include <QProcess>
#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace clc;
using namespace clctest;

namespace {
int pdfPages(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    p.waitForFinished(60000);
    const QString info = QString::fromUtf8(p.readAllStandardOutput());
    return info.section(QStringLiteral("Pages:"), 1).trimmed().section(QLatin1Char('\n'), 0, 0).toInt();
}

bool idle(ReportController &r) { return eventually([&r] { return !r.busy(); }); }
} // namespace

TEST_CASE("the reports page previews the pages that print, and saves PDF, XLSX and CSV", "[app][reports]")
{
    Demo d; // the demo behind the app's StoreManager
    const TempDir &dir = d.dir;

    ReportController r;
    QSignalSpy options(&r, &ReportController::optionsChanged);
    r.loadOptions();
    REQUIRE(eventually([&options] { return options.count() > 0; }));
    CHECK(r.schoolYear() == QStringLiteral("2017-2018"));
    CHECK(r.months().size() == 13); // the whole year, then September to August
    CHECK_FALSE(r.activities().isEmpty());

    // The learner register of 300 people: several pages; the preview has as many as the PDF.
    r.setKind(ReportController::Register);
    r.preview();
    REQUIRE(idle(r));
    INFO(r.message().toStdString());
    REQUIRE_FALSE(r.failed());
    REQUIRE(r.pageCount() >= 2);
    CHECK(std::max(r.page(0).width(), r.page(0).height()) == 1286); // A4's 297 mm at 110 dpi
    const QString pdf = dir.path(QStringLiteral("out/so-dang-ky.pdf"));
    r.save(QStringLiteral("PDF"), pdf);
    REQUIRE(idle(r));
    REQUIRE_FALSE(r.failed());
    CHECK(r.savedPath() == pdf);
    CHECK(pdfPages(pdf) == r.pageCount());

    // The monthly table of November 2017 as CSV: a BOM, Vietnamese intact.
    r.setKind(ReportController::Monthly);
    r.setMonth(QStringLiteral("2017-11"));
    const QString csv = dir.path(QStringLiteral("thang-11.csv"));
    r.save(QStringLiteral("csv"), csv);
    REQUIRE(idle(r));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(QString::fromUtf8(bytes).contains(QStringLiteral("11/2017")));
    CHECK(QString::fromUtf8(bytes).contains(QStringLiteral("Tập huấn kỹ thuật chăm sóc cây lúa")));

    // The year summary as XLSX: a real zip (the cells are checked by test_report_files with openpyxl).
    r.setKind(ReportController::Year);
    const QString xlsx = dir.path(QStringLiteral("nam.xlsx"));
    r.save(QStringLiteral("xlsx"), xlsx);
    REQUIRE(idle(r));
    QFile x(xlsx);
    REQUIRE(x.open(QIODevice::ReadOnly));
    CHECK(x.read(2) == "PK");

    // A bad request says what is wrong and writes nothing.
    const QString nowhere = dir.path(QStringLiteral("bad.doc"));
    r.save(QStringLiteral("doc"), nowhere);
    REQUIRE(idle(r));
    CHECK(r.failed());
    CHECK(r.message().contains(QStringLiteral("doc")));
    CHECK_FALSE(QFile::exists(nowhere));
    r.setKind(ReportController::Attendance);
    r.setActivityId(QString());
    r.preview();
    REQUIRE(idle(r));
    CHECK(r.failed());
    CHECK(r.pageCount() == 0);

    // A viewer device (the schedule on a phone) prints no list of people.
    d.store().setMeta(QStringLiteral("role"), QStringLiteral("viewer"));
    d.manager->refreshRole();
    r.setKind(ReportController::Register);
    r.preview();
    CHECK(r.failed());
    CHECK(r.pageCount() == 0);
    const QString viewerFile = dir.path(QStringLiteral("viewer.pdf"));
    r.save(QStringLiteral("pdf"), viewerFile);
    REQUIRE(idle(r));
    CHECK(r.failed());
    CHECK_FALSE(QFile::exists(viewerFile));
    r.setKind(ReportController::Year); // aggregates only: allowed
    r.preview();
    REQUIRE(idle(r));
    CHECK_FALSE(r.failed());
}

TEST_CASE("printing draws the pages the preview shows, and a file already there is known before it is replaced", "[app][reports]")
{
    Demo d;
    ReportController r;
    QSignalSpy options(&r, &ReportController::optionsChanged);
    r.loadOptions();
    REQUIRE(eventually([&options] { return options.count() > 0; }));
    r.setKind(ReportController::Register);
    r.preview();
    REQUIRE(idle(r));
    REQUIRE(r.pageCount() >= 2);
    // A printer that prints to a file: the same paint as a real printer's.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString printed = d.dir.path(QStringLiteral("printed.pdf"));
    printer.setOutputFileName(printed);
    r.printOn(printer);
    CHECK(pdfPages(printed) == r.pageCount());
    CHECK((printer.pageLayout().orientation() == QPageLayout::Landscape) == (r.page(0).width() > r.page(0).height())); // as previewed
    // Saving over it asks first: the page knows the file is there, by path or by file URL.
    CHECK(r.fileExists(printed));
    CHECK(r.fileExists(QUrl::fromLocalFile(printed).toString()));
    CHECK_FALSE(r.fileExists(d.dir.path(QStringLiteral("none.pdf"))));
    CHECK(r.localPath(QUrl::fromLocalFile(d.dir.path(QStringLiteral("Báo cáo tháng.pdf"))).toString()) == d.dir.path(QStringLiteral("Báo cáo tháng.pdf")));
}
