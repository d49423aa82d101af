#include "reportcontroller.h"

#include <QCoreApplication>
#include <QEvent>
#include "dbthread.h"
#include "error.h"
#include "localfile.h"
#include "records.h"
#include "reportdocument.h"
#include "reportrender.h"
#include "reports.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QApplication>
#include <QDesktopServices>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPointer>
#include <QThread>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QVariantMap>

namespace clc {

namespace {

struct Selection
{
    ReportController::Kind kind;
    QString year, month, activityId;
};

ReportDocument buildDocument(Store &s, const Selection &sel)
{
    ReportOptions options; // today's date; the number is left with dots to fill by hand
    if (sel.kind == ReportController::Attendance && sel.activityId.isEmpty())
        throw Error(Error::Code::InvalidInput, ReportController::tr("choose an activity first"), ReportController::tr("Activity"));
    // The activity is the attendance sheet's subject only; the survey report takes the newest survey.
    return reports::buildReport(s, reports::ReportKind(sel.kind), sel.year, sel.month,
                                sel.kind == ReportController::Attendance ? sel.activityId : QString(), options);
}

struct Options
{
    QString year;
    QStringList years;
    QStringList months;
    std::vector<std::pair<QString, QString>> activities; // id, "month · title"
};

// Preview resolution: sharp on a tablet when a page fills its width, small enough to draw in a blink.
constexpr double PreviewDpi = 110;

/// Drawing and writing files happen after the reader's snapshot is closed (a long render would hold
/// it open and keep every other screen's read waiting): on a thread of their own, the answer posted
/// back to receiver unless it is gone. A clc::Error goes to failed.
template<class R>
void offThread(QObject *receiver, std::function<R()> work, std::function<void(R)> done, std::function<void(const QString &)> failed)
{
    QPointer<QObject> guard(receiver);
    QThread *thread = QThread::create([guard, work = std::move(work), done = std::move(done), failed = std::move(failed)] {
        R result{};
        QString error;
        try {
            result = work();
        } catch (const Error &e) {
            error = e.describe();
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            qApp,
            [guard, result = std::move(result), error, done, failed]() mutable {
                if (!guard)
                    return;
                if (error.isEmpty())
                    done(std::move(result));
                else
                    failed(error);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace

ReportController::ReportController(QObject *parent) : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this); // LanguageChange: the kind titles are translated in C++
}

QImage ReportController::page(int index) const
{
    return index >= 0 && index < int(m_pages.size()) ? m_pages[size_t(index)] : QImage();
}

void ReportController::setKind(Kind k)
{
    if (k == m_kind)
        return;
    m_kind = k;
    Q_EMIT selectionChanged();
}

void ReportController::setSchoolYear(const QString &year)
{
    if (year == m_year)
        return;
    m_chosenYear = year;
    m_month.clear(); // a month of another year means nothing here
    m_activityId.clear();
    loadOptions();
    Q_EMIT selectionChanged();
}

void ReportController::setMonth(const QString &m)
{
    if (m == m_month)
        return;
    m_month = m;
    Q_EMIT selectionChanged();
}

void ReportController::setActivityId(const QString &id)
{
    if (id == m_activityId)
        return;
    m_activityId = id;
    Q_EMIT selectionChanged();
}

void ReportController::setState(bool busy, const QString &message, bool failed)
{
    m_busy = busy;
    m_message = message;
    m_failed = failed;
    Q_EMIT stateChanged();
}

void ReportController::loadOptions()
{
    const QString chosen = m_chosenYear;
    StoreManager::reader().run<Options>(
        this,
        [chosen](Store &s) {
            Options o;
            if (!s.isInitialised())
                return o;
            o.years = records::planYears(s);
            o.year = o.years.contains(chosen) ? chosen : records::currentSchoolYear(s);
            if (o.year.isEmpty())
                return o;
            o.months = reports::monthsOfSchoolYear(o.year);
            for (const ActivityRow &a : records::activities(s))
                if (o.months.contains(a.month))
                    o.activities.emplace_back(a.id, vn::formatMonth(a.month) + QStringLiteral(" · ") + a.title);
            return o;
        },
        [this](Options o) {
            m_year = o.year;
            m_years = o.years;
            m_months = {QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("The whole school year")}}};
            for (const QString &m : o.months)
                m_months.append(QVariantMap{{QStringLiteral("value"), m}, {QStringLiteral("label"), tr("Month %1").arg(vn::formatMonth(m))}});
            m_activities.clear();
            for (const auto &[id, label] : o.activities)
                m_activities.append(QVariantMap{{QStringLiteral("value"), id}, {QStringLiteral("label"), label}});
            if (m_activityId.isEmpty() && !o.activities.empty())
                setActivityId(o.activities.front().first);
            Q_EMIT optionsChanged();
            if (m_year.isEmpty())
                setState(false, tr("There is no plan yet: import the year's plan first."), true);
        });
}

QStringList ReportController::kindTitles() const
{
    QStringList titles;
    for (const reports::ReportKindInfo &k : reports::reportKinds())
        titles << k.title;
    return titles;
}

bool ReportController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        Q_EMIT kindTitlesChanged(); // the titles come translated from core
        loadOptions();              // and the months' labels ("Cả năm học" / "Whole school year")
    }
    return QObject::eventFilter(watched, event);
}

bool ReportController::allowed()
{
    // The register and attendance sheets name people: not on a viewer device (which never receives
    // them either; docs/sync.md, scopes).
    const bool personal = reports::reportKinds()[size_t(m_kind)].namesPeople;
    if (personal && StoreManager::instance() && !StoreManager::instance()->mayReadPeople()) {
        m_pages.clear();
        Q_EMIT pagesChanged();
        setState(false, tr("This device may show the schedule only: the learner register and attendance sheets are not on it."), true);
        return false;
    }
    return true;
}

void ReportController::preview()
{
    if ((m_year.isEmpty() && reports::reportKinds()[size_t(m_kind)].needsYear) || !allowed())
        return;
    const Selection sel{m_kind, m_year, m_month, m_activityId};
    const quint64 ticket = ++m_previewTicket;
    setState(true, tr("Preparing the preview…"), false);
    using Pages = std::vector<QImage>;
    auto failed = [this, ticket](const QString &error) {
        if (ticket != m_previewTicket)
            return;
        m_pages.clear();
        Q_EMIT pagesChanged();
        setState(false, error, true);
    };
    StoreManager::reader().run<ReportDocument>(
        this, [sel](Store &s) { return buildDocument(s, sel); }, // the numbers, in one snapshot
        [this, ticket, failed](ReportDocument doc) {
            if (ticket != m_previewTicket)
                return; // the choice changed meanwhile: a newer preview is coming
            offThread<Pages>(
                this, [doc] { return reports::renderPages(doc, PreviewDpi); },
                [this, ticket](Pages pages) {
                    if (ticket != m_previewTicket)
                        return;
                    m_pages = std::move(pages);
                    Q_EMIT pagesChanged();
                    setState(false, tr("%n page(s), as they will print.", nullptr, int(m_pages.size())), false);
                },
                failed);
        },
        failed);
}

QString ReportController::suggestedPath(const QString &format) const
{
    // In Kind order.
    static const char *const names[] = {"ke-hoach-thang", "bao-cao-tong-ket", "so-dang-ky-hoc-vien", "diem-danh", "nhat-ky-hoat-dong",
                                        "ke-hoach", "tong-ket-va-du-thao", "dieu-tra-nhu-cau-hoc-tap"};
    static_assert(sizeof(names) / sizeof(names[0]) == Survey + 1, "a file name for every kind");
    QString name = QString::fromLatin1(names[m_kind]);
    if (m_kind == Monthly)
        name += QLatin1Char('-') + (m_month.isEmpty() ? m_year : m_month);
    else if (m_kind == Year || m_kind == Log || m_kind == Plan || m_kind == Review)
        name += QLatin1Char('-') + m_year;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QDir(dir).filePath(name + QLatin1Char('.') + format.toLower());
}

void ReportController::save(const QString &format, const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    const QString fmt = format.toLower();
    if (path.isEmpty()) {
        setState(false, tr("Type where to save the file."), true);
        return;
    }
    if (!allowed())
        return;
    const Selection sel{m_kind, m_year, m_month, m_activityId};
    setState(true, tr("Saving…"), false);
    auto failed = [this](const QString &error) { setState(false, error, true); };
    StoreManager::reader().run<ReportDocument>(
        this, [sel](Store &s) { return buildDocument(s, sel); },
        [this, fmt, path, failed](ReportDocument doc) {
            offThread<QString>(this, [doc, fmt, path] { return writeReport(doc, fmt, path); },
                               [this](QString saved) {
                                   m_savedPath = saved;
                                   setState(false, tr("Saved to %1").arg(saved), false);
                               },
                               failed);
        },
        failed);
}

QString ReportController::writeReport(const ReportDocument &doc, const QString &fmt, const QString &path)
{
    // The format is checked before anything touches the disk.
    if (fmt != QLatin1String("pdf") && fmt != QLatin1String("odt") && fmt != QLatin1String("xlsx") && fmt != QLatin1String("csv"))
        throw Error(Error::Code::InvalidInput, tr("'%1' is not pdf, odt, xlsx or csv").arg(fmt), tr("Format"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (fmt == QLatin1String("pdf")) {
        reports::writePdf(doc, path);
    } else if (fmt == QLatin1String("odt")) {
        reports::writeOdt(doc, path);
    } else if (fmt == QLatin1String("xlsx")) {
        reports::writeXlsx(doc, path);
    } else {
        QSaveFile f(path); // whole or not at all
        if (!f.open(QIODevice::WriteOnly) || f.write(reports::toCsv(doc)) < 0 || !f.commit())
            throw Error(Error::Code::InvalidInput, tr("cannot write the file"), path);
    }
    return QFileInfo(path).absoluteFilePath();
}

bool ReportController::fileExists(const QString &pathOrUrl) const
{
    const QString path = localPath(pathOrUrl);
    return !path.isEmpty() && QFileInfo::exists(path);
}

QString ReportController::localPath(const QString &pathOrUrl) const
{
    return localPathOf(pathOrUrl);
}

void ReportController::printOn(QPrinter &printer)
{
    const Selection sel{m_kind, m_year, m_month, m_activityId};
    const ReportDocument doc = buildDocument(StoreManager::current(), sel);
    printer.setDocName(doc.title);
    printer.setResolution(300); // as the saved PDF: the same pages, broken at the same lines
    reports::paintDocument(doc, printer, printer.resolution());
}

void ReportController::print()
{
    if (!allowed())
        return;
    QPrinter printer(QPrinter::HighResolution);
    if (qobject_cast<QApplication *>(QCoreApplication::instance())) {
        QPrintDialog dialog(&printer);
        dialog.setWindowTitle(tr("Print"));
        if (dialog.exec() != QDialog::Accepted) {
            setState(false, tr("Not printed."), false);
            return;
        }
    } else if (QPrinterInfo::defaultPrinter().isNull()) {
        setState(false, tr("No printer is set up on this device: save a PDF and print it from another computer."), true);
        return;
    }
    try {
        printOn(printer);
        setState(false, printer.outputFileName().isEmpty() ? tr("Sent to the printer %1.").arg(printer.printerName())
                                                           : tr("Printed to %1.").arg(printer.outputFileName()), false);
    } catch (const Error &e) {
        setState(false, e.describe(), true);
    }
}

bool ReportController::openSaved()
{
    return !m_savedPath.isEmpty() && QDesktopServices::openUrl(QUrl::fromLocalFile(m_savedPath));
}

} // namespace clc
