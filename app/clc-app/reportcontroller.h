#pragma once
// The reports page: choose a report, see its pages exactly as they will print, save it as PDF, XLSX or
// CSV, and open the saved file. The report is built and drawn on the reader thread; the numbers are
// core's (reports.h), the same as `clc report` prints.
#include "reportdocument.h"

#include <QImage>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <vector>

class QPrinter;

namespace clc {

class ReportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Kind kind READ kind WRITE setKind NOTIFY selectionChanged)
    Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY selectionChanged)
    Q_PROPERTY(QString activityId READ activityId WRITE setActivityId NOTIFY selectionChanged)
    /// The school year the plan's reports are of: the current one unless another plan's year is chosen
    /// (a draft of next year's plan, last year's plan).
    Q_PROPERTY(QString schoolYear READ schoolYear WRITE setSchoolYear NOTIFY optionsChanged)
    /// The years that have a plan, oldest first.
    Q_PROPERTY(QStringList years READ years NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList months READ months NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList activities READ activities NOTIFY optionsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY pagesChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY stateChanged)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY stateChanged)

public:
    /// The kinds of reportKinds() (core), in its order, for QML's comparisons.
    enum Kind { Monthly = int(reports::ReportKind::Monthly), Year = int(reports::ReportKind::Year), Register = int(reports::ReportKind::Register),
                Attendance = int(reports::ReportKind::Attendance), Log = int(reports::ReportKind::Log), Plan = int(reports::ReportKind::Plan),
                Review = int(reports::ReportKind::Review), Survey = int(reports::ReportKind::Survey) };
    Q_ENUM(Kind)
    /// The titles of the kinds, in the current language, in Kind order.
    Q_PROPERTY(QStringList kindTitles READ kindTitles NOTIFY kindTitlesChanged)
    QStringList kindTitles() const;

    explicit ReportController(QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setKind(Kind k);
    /// "YYYY-MM", or empty for the whole school year (the monthly table only).
    QString month() const { return m_month; }
    void setMonth(const QString &m);
    /// The activity whose attendance sheet is printed.
    QString activityId() const { return m_activityId; }
    void setActivityId(const QString &id);
    QString schoolYear() const { return m_year; }
    void setSchoolYear(const QString &year);
    QStringList years() const { return m_years; }
    /// [{value: "", label: "Cả năm học"}, {value: "2017-09", label: "Tháng 09/2017"}, …]
    QVariantList months() const { return m_months; }
    /// [{value: id, label: "Tháng 11/2017 · title"}] of the school year's activities.
    QVariantList activities() const { return m_activities; }
    bool busy() const { return m_busy; }
    int pageCount() const { return int(m_pages.size()); }
    QString message() const { return m_message; }
    bool failed() const { return m_failed; }
    QString savedPath() const { return m_savedPath; }
    QImage page(int index) const;

    /// Reads the school year, its months and activities (on the reader thread).
    Q_INVOKABLE void loadOptions();
    /// Builds the chosen report and draws its pages for the preview (on the reader thread).
    Q_INVOKABLE void preview();
    /// Where a report of this kind would be saved by default: the documents folder, a name that says what it is.
    Q_INVOKABLE QString suggestedPath(const QString &format) const;
    /// Writes the chosen report as pdf, xlsx or csv to path (whole or not at all).
    Q_INVOKABLE void save(const QString &format, const QString &path);
    /// Opens the saved file with the system's viewer (the desktop's way to share or print it).
    Q_INVOKABLE bool openSaved();
    /// Whether a file is already there (saving over it asks first). Takes a path or a file URL.
    Q_INVOKABLE bool fileExists(const QString &pathOrUrl) const;
    /// A file URL from a file chooser as the path to show and save to.
    Q_INVOKABLE QString localPath(const QString &pathOrUrl) const;
    /// Prints the report shown: the system's print dialog on a desktop; without one, the default
    /// printer; the message says what happened (no printer, cancelled, sent).
    Q_INVOKABLE void print();
    /// Draws the report shown on printer, built on this thread (print() after its dialog; tests).
    void printOn(QPrinter &printer);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void kindTitlesChanged();
    void selectionChanged();
    void optionsChanged();
    void stateChanged();
    void pagesChanged();

private:
    void setState(bool busy, const QString &message, bool failed);
    /// False (with the reason shown) for reports that name people on a device whose role has no register.
    bool allowed();
    /// Writes doc as pdf, xlsx or csv (whole or not at all); returns the absolute path. Any thread.
    static QString writeReport(const ReportDocument &doc, const QString &format, const QString &path);
    Kind m_kind = Monthly;
    QString m_month, m_activityId, m_year, m_chosenYear, m_message, m_savedPath;
    QStringList m_years;
    QVariantList m_months, m_activities;
    bool m_busy = false, m_failed = false;
    quint64 m_previewTicket = 0;
    std::vector<QImage> m_pages;
};

} // namespace clc
