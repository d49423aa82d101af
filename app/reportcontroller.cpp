#include "reportcontroller.h"
#include "dbthread.h"
#include "error.h"
#include "records.h"
#include "reportdocument.h"
#include "reportrender.h"
#include "reports.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QDesktopServices>
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
    switch (sel.kind) {
    case ReportController::Monthly:
        return reports::monthlyDocument(s, sel.year, sel.month, options);
    case ReportController::Year:
        return reports::yearDocument(s, sel.year, options);
    case ReportController::Register:
        return reports::registerDocument(s, options);
    case ReportController::Attendance:
        if (sel.activityId.isEmpty())
            throw Error(Error::Code::InvalidInput, ReportController::tr("choose an activity first"), ReportController::tr("Activity"));
        return reports::attendanceSheet(s, sel.activityId, options);
    case ReportController::Log:
        return reports::activityLog(s, sel.year, options);
    }
    return {};
}

struct Options
{
    QString year;
    QStringList months;
    std::vector<std::pair<QString, QString>> activities; // id, "month · title"
};

// Preview resolution: sharp on a tablet when a page fills its width, small enough to draw in a blink.
constexpr double PreviewDpi = 110;

} // namespace

ReportController::ReportController(QObject *parent) : QObject(parent) {}

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
    StoreManager::reader().run<Options>(
        this,
        [](Store &s) {
            Options o;
            if (!s.isInitialised())
                return o;
            o.year = s.db().scalar(QStringLiteral("SELECT max(school_year) FROM plans WHERE deleted = 0")).toText();
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

void ReportController::preview()
{
    if (m_year.isEmpty() && m_kind != Register)
        return;
    const Selection sel{m_kind, m_year, m_month, m_activityId};
    const quint64 ticket = ++m_previewTicket;
    setState(true, tr("Preparing the preview…"), false);
    using Pages = std::vector<QImage>;
    StoreManager::reader().run<Pages>(
        this, [sel](Store &s) { return reports::renderPages(buildDocument(s, sel), PreviewDpi); },
        [this, ticket](Pages pages) {
            if (ticket != m_previewTicket)
                return; // the choice changed meanwhile: a newer preview is coming
            m_pages = std::move(pages);
            Q_EMIT pagesChanged();
            setState(false, tr("%n page(s), as they will print.", nullptr, int(m_pages.size())), false);
        },
        [this, ticket](const QString &error) {
            if (ticket != m_previewTicket)
                return;
            m_pages.clear();
            Q_EMIT pagesChanged();
            setState(false, error, true);
        });
}

QString ReportController::suggestedPath(const QString &format) const
{
    static const char *const names[] = {"ke-hoach-thang", "bao-cao-tong-ket", "so-dang-ky-hoc-vien", "diem-danh", "nhat-ky-hoat-dong"};
    QString name = QString::fromLatin1(names[m_kind]);
    if (m_kind == Monthly)
        name += QLatin1Char('-') + (m_month.isEmpty() ? m_year : m_month);
    else if (m_kind == Year || m_kind == Log)
        name += QLatin1Char('-') + m_year;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QDir(dir).filePath(name + QLatin1Char('.') + format.toLower());
}

void ReportController::save(const QString &format, const QString &pathOrUrl)
{
    const QString path = pathOrUrl.startsWith(QLatin1String("file:")) ? QUrl(pathOrUrl).toLocalFile() : pathOrUrl.trimmed();
    const QString fmt = format.toLower();
    if (path.isEmpty()) {
        setState(false, tr("Type where to save the file."), true);
        return;
    }
    const Selection sel{m_kind, m_year, m_month, m_activityId};
    setState(true, tr("Saving…"), false);
    StoreManager::reader().run<QString>(
        this,
        [sel, fmt, path](Store &s) {
            const ReportDocument doc = buildDocument(s, sel);
            QDir().mkpath(QFileInfo(path).absolutePath());
            if (fmt == QLatin1String("pdf")) {
                reports::writePdf(doc, path);
            } else if (fmt == QLatin1String("xlsx")) {
                reports::writeXlsx(doc, path);
            } else if (fmt == QLatin1String("csv")) {
                QSaveFile f(path); // whole or not at all
                if (!f.open(QIODevice::WriteOnly) || f.write(reports::toCsv(doc)) < 0 || !f.commit())
                    throw Error(Error::Code::InvalidInput, ReportController::tr("cannot write the file"), path);
            } else {
                throw Error(Error::Code::InvalidInput, ReportController::tr("'%1' is not pdf, xlsx or csv").arg(fmt), ReportController::tr("Format"));
            }
            return QFileInfo(path).absoluteFilePath();
        },
        [this](QString saved) {
            m_savedPath = saved;
            setState(false, tr("Saved to %1").arg(saved), false);
        },
        [this](const QString &error) { setState(false, error, true); });
}

bool ReportController::openSaved()
{
    return !m_savedPath.isEmpty() && QDesktopServices::openUrl(QUrl::fromLocalFile(m_savedPath));
}

} // namespace clc
