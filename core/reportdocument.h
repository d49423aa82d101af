#pragma once
// A report as data — header block, title, tables, recipients, signature — built from the figures of
// reports.h and drawn by any renderer (PDF, XLSX in app/reportrender.h; CSV here), so every format
// shows the same numbers (docs/reports.md).
#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>
#include <vector>

namespace clc {
class Store;

struct ReportTable
{
    enum class Cell { Text, Number, Money, Percent };
    QString heading;
    QStringList columns;
    std::vector<double> widths;  ///< relative widths, one per column
    std::vector<Cell> kinds;     ///< how each column's values are shown
    std::vector<std::vector<QVariant>> rows; ///< QString, qint64 or double (percent); invalid = empty
    bool totalRow = false;       ///< the last row is a total (bold)
};

struct ReportDocument
{
    QString committee;     ///< issuing body, e.g. "Ủy ban nhân dân phường Đức Chính"
    QString centre;        ///< the centre's name, bold under it
    QString number;        ///< "Số: …/BC-TTHTCĐ"
    QString placeDate;     ///< "Đức Chính, ngày 05 tháng 02 năm 2026"
    QString title;
    QString subtitle;
    std::vector<ReportTable> tables;
    QStringList recipients;
    QString signatoryTitle, signatoryName;
    bool landscape = false;
};

struct ReportOptions
{
    QDate date = QDate::currentDate();
    QString number;        ///< the document number; empty leaves dots to fill by hand
};

namespace reports {


/// The reports clc prints, in the order the app offers them. The CLI's names and the app's titles
/// are read from reportKinds(); nothing else lists them.
enum class ReportKind { Monthly, Year, Register, Attendance, Log };
struct ReportKindInfo
{
    ReportKind kind;
    QString name;      ///< on the command line: clc report NAME
    QString title;     ///< in the app, in the current language
    bool namesPeople;  ///< lists learners by name: never printed on a viewer device
    bool needsYear;    ///< drawn from a school year's plan
};
std::vector<ReportKindInfo> reportKinds();
/// The kind a CLI name stands for.
std::optional<ReportKind> reportKindNamed(const QString &name);
/// Builds a report of a kind: year for the plan's reports, month (optional) for the monthly table,
/// activityId for the attendance sheet (InvalidInput, field "activity", when it is missing).
ReportDocument buildReport(Store &store, ReportKind kind, const QString &schoolYear, const QString &month, const QString &activityId,
                           const ReportOptions &options);

/// The filled-in part-V table for one month, or the whole school year when month is empty.
ReportDocument monthlyDocument(Store &store, const QString &schoolYear, const QString &month, const ReportOptions &options);
/// The year-end summary (báo cáo tổng kết).
ReportDocument yearDocument(Store &store, const QString &schoolYear, const ReportOptions &options);
/// The learner register, in Vietnamese given-name order.
ReportDocument registerDocument(Store &store, const ReportOptions &options);
/// The attendance sheet of one activity: a row per learner, a column per session.
ReportDocument attendanceSheet(Store &store, const QString &activityId, const ReportOptions &options);
/// The activity log of a school year, a row per session.
ReportDocument activityLog(Store &store, const QString &schoolYear, const ReportOptions &options);

/// How a cell reads on paper and screen: numbers as 1.234, money as 1.500.000 đ, percent as 66,7 %.
QString cellText(const QVariant &v, ReportTable::Cell kind);
/// UTF-8 CSV with a BOM: the header block as lines, then each table with its heading.
QByteArray toCsv(const ReportDocument &doc);

} // namespace reports
} // namespace clc
