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
struct TargetFigures;

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

/// A paragraph of running text (the plan's parts I–IV, the year-end assessment), drawn in order
/// before the table it names.
struct ReportParagraph
{
    enum class Style { Heading, Subheading, Text, Bullet };
    Style style = Style::Text;
    QString text;
    size_t beforeTable = 0; ///< drawn before tables[beforeTable]; tables.size() puts it after the last table
};

/// One signature block: the title (HIỆU TRƯỞNG), a note under it ((Biệt phái viên)), the name.
struct ReportSignature
{
    QString title, note, name;
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
    std::vector<ReportParagraph> paragraphs; ///< in reading order
    QStringList recipients;
    QString signatoryTitle, signatoryName;
    /// When not empty, these sign side by side in place of signatoryTitle/Name (a plan has two).
    std::vector<ReportSignature> signatures;
    bool landscape = false;
    bool subtitleBold = false; ///< a plan's title line under "KẾ HOẠCH" is bold, a report's note italic

    /// The paragraphs drawn before tables[i] (i == tables.size(): after the last table).
    std::vector<const ReportParagraph *> paragraphsBefore(size_t i) const;
};

struct ReportOptions
{
    QDate date = QDate::currentDate();
    QString number;        ///< the document number; empty leaves dots to fill by hand
};

namespace reports {


/// The reports clc prints, in the order the app offers them. The CLI's names and the app's titles
/// are read from reportKinds(); nothing else lists them.
enum class ReportKind { Monthly, Year, Register, Attendance, Log, Plan, Review, Survey };
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
/// subjectId: the activity of the attendance sheet (InvalidInput, field "activity", when it is
/// missing), the survey of the survey's results (empty: the newest survey).
ReportDocument buildReport(Store &store, ReportKind kind, const QString &schoolYear, const QString &month, const QString &subjectId,
                           const ReportOptions &options);

/// The filled-in part-V table for one month, or the whole school year when month is empty.
ReportDocument monthlyDocument(Store &store, const QString &schoolYear, const QString &month, const ReportOptions &options);
/// The plan itself (kế hoạch), parts I–V in the order the director writes it, rebuilt from the data.
ReportDocument planDocument(Store &store, const QString &schoolYear, const ReportOptions &options);
/// A drafted plan's evidence (docs/year.md): each activity beside what happened to the one it was
/// carried from, and the targets with what was reached; empty for a plan that is not a draft.
std::vector<ReportTable> draftEvidence(Store &store, const QString &planId);
/// The year-end summary with next year's draft and its evidence after it, when there is a draft.
ReportDocument reviewDocument(Store &store, const QString &schoolYear, const ReportOptions &options);
/// The year-end summary (báo cáo tổng kết).
ReportDocument yearDocument(Store &store, const QString &schoolYear, const ReportOptions &options);
/// The learning-needs survey's results: topics by khu and by target group, times of day.
ReportDocument surveyDocument(Store &store, const QString &surveyId, const ReportOptions &options);
/// The learner register, in Vietnamese given-name order.
ReportDocument registerDocument(Store &store, const ReportOptions &options);
/// The attendance sheet of one activity: a row per learner, a column per session.
ReportDocument attendanceSheet(Store &store, const QString &activityId, const ReportOptions &options);
/// The activity log of a school year, a row per session.
ReportDocument activityLog(Store &store, const QString &schoolYear, const ReportOptions &options);

/// The header every document shares: the committee and centre, "Số: …/CODE-TTHTCĐ", place and date,
/// recipients and the director's signature.
ReportDocument documentHeader(Store &store, const ReportOptions &options, const QString &kindCode);
/// The targets with their result, assessment and evidence (the year-end summary's part 5).
ReportTable targetTable(const std::vector<TargetFigures> &targets, const QString &heading = {});
/// "2017-Q4" → "Quý IV năm 2017" (in the current language).
QString quarterLabel(const QString &quarter);

/// How a cell reads on paper and screen: numbers as 1.234, money as 1.500.000 đ, percent as 66,7 %.
QString cellText(const QVariant &v, ReportTable::Cell kind);
/// UTF-8 CSV with a BOM: the header block as lines, then each table with its heading.
QByteArray toCsv(const ReportDocument &doc);

} // namespace reports
} // namespace clc
