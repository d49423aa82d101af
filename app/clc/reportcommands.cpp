// clc verbs — What leaves the device as files: report, export.
#include "clicontext.h"

#include "conflicts.h"
#include "demodata.h"
#include "deviceenrolment.h"
#include "httptransport.h"
#include "error.h"
#include "exporter.h"
#include "migrations.h"
#include "personimport.h"
#include "planimport.h"
#include "records.h"
#include "reportdocument.h"
#include "reportrender.h"
#include "reports.h"
#include "schema.h"
#include "store.h"
#include "textfile.h"
#include "vietnamese.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <unistd.h>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include "schedule.h"
#include "scheduleimage.h"
#include <memory>
#include <optional>

namespace clc::cli {

int cmdReport(Context &c)
{
    QStringList names;
    for (const reports::ReportKindInfo &k : reports::reportKinds())
        names << k.name;
    const QString usage = QStringLiteral("clc --db FILE report %1 --format pdf|odt|xlsx|csv --out FILE "
                                         "[--month YYYY-MM] [--year 2017-2018] [--activity ID] [--survey ID] [--date YYYY-MM-DD] [--number N]")
                              .arg(names.join(QLatin1Char('|')));
    const std::optional<reports::ReportKind> kind = reports::reportKindNamed(c.args.value(0));
    if (!kind)
        throw UsageError{QStringLiteral("usage: ") + usage};
    const reports::ReportKindInfo info = reports::reportKinds()[size_t(*kind)];
    VerbParser p(usage, {});
    for (const char *o : {"format", "out", "month", "year", "activity", "survey", "date", "number"})
        p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
    p.parse(c.args.mid(1));
    const QString format = p.required(QStringLiteral("format"));
    if (!QStringList{QStringLiteral("pdf"), QStringLiteral("odt"), QStringLiteral("xlsx"), QStringLiteral("csv")}.contains(format))
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not one of: pdf, odt, xlsx, csv").arg(format), QStringLiteral("--format"));
    const QString out = p.required(QStringLiteral("out"));
    Store &s = c.openInitialised();
    ReportOptions options;
    options.number = p.value(QStringLiteral("number"));
    if (p.isSet(QStringLiteral("date"))) {
        options.date = QDate::fromString(p.value(QStringLiteral("date")), QStringLiteral("yyyy-MM-dd"));
        if (!options.date.isValid())
            throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a date of the form YYYY-MM-DD").arg(p.value(QStringLiteral("date"))), QStringLiteral("--date"));
    }
    const QString month = p.value(QStringLiteral("month"));
    if (!month.isEmpty())
        validateField(*table(QStringLiteral("activities")), *table(QStringLiteral("activities"))->field(QStringLiteral("month")), month);
    // The school year: given, else the month's, else the latest plan's.
    QString year = p.value(QStringLiteral("year"));
    if (year.isEmpty() && !month.isEmpty())
        year = reports::schoolYearOf(month);
    if (year.isEmpty())
        year = records::currentSchoolYear(s);
    if (year.isEmpty() && info.needsYear)
        throw Error(Error::Code::InvalidInput, Tr::tr("there is no plan yet: give the school year"), QStringLiteral("--year"));
    const ReportDocument doc = reports::buildReport(s, *kind, year, month,
                                                    *kind == reports::ReportKind::Attendance ? p.required(QStringLiteral("activity"))
                                                    : *kind == reports::ReportKind::Survey   ? p.value(QStringLiteral("survey"))
                                                                                             : QString(),
                                                    options);
    if (format == QLatin1String("pdf")) {
        reports::writePdf(doc, out);
    } else if (format == QLatin1String("odt")) {
        reports::writeOdt(doc, out);
    } else if (format == QLatin1String("xlsx")) {
        reports::writeXlsx(doc, out);
    } else {
        QSaveFile f(out);
        const QByteArray data = reports::toCsv(doc);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
            throw Error(Error::Code::InvalidInput, Tr::tr("cannot write: %1").arg(f.errorString()), QStringLiteral("--out"));
    }
    c.out << out << Qt::endl;
    return 0;
}

int cmdSchedule(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE schedule --month YYYY-MM [--format text|ics|png] [--out FILE] [--to YYYY-MM]"), {});
    for (const char *o : {"month", "format", "out", "to"})
        p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
    p.parse(c.args);
    const QString month = p.required(QStringLiteral("month"));
    const QString to = p.isSet(QStringLiteral("to")) ? p.value(QStringLiteral("to")) : month;
    const QString format = p.isSet(QStringLiteral("format")) ? p.value(QStringLiteral("format")) : QStringLiteral("text");
    if (!QStringList{QStringLiteral("text"), QStringLiteral("ics"), QStringLiteral("png")}.contains(format))
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not one of: text, ics, png").arg(format), QStringLiteral("--format"));
    const QString out = p.value(QStringLiteral("out"));
    if (format == QLatin1String("png") && out.isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("is required for a picture"), QStringLiteral("--out"));
    Store &s = c.openInitialised();
    QByteArray data;
    if (format == QLatin1String("text")) {
        if (to != month)
            throw Error(Error::Code::InvalidInput, Tr::tr("the text is one month's; leave --to out"), QStringLiteral("--to"));
        data = schedule::text(s, month).toUtf8();
    } else if (format == QLatin1String("ics")) {
        data = schedule::ics(s, month, to);
    } else {
        const QImage img = schedule::image(s, month);
        QSaveFile f(out);
        if (!f.open(QIODevice::WriteOnly) || !img.save(&f, "PNG") || !f.commit())
            throw Error(Error::Code::InvalidInput, Tr::tr("cannot write: %1").arg(f.errorString()), QStringLiteral("--out"));
        c.out << out << Qt::endl;
        return 0;
    }
    if (out.isEmpty()) {
        c.out << QString::fromUtf8(data);
        c.out.flush();
        return 0;
    }
    QSaveFile f(out);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write: %1").arg(f.errorString()), QStringLiteral("--out"));
    c.out << out << Qt::endl;
    return 0;
}

int cmdExport(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE export --format json|csv [--out FILE]"), {});
    p.option(QStringLiteral("format"), QStringLiteral("json|csv"));
    p.option(QStringLiteral("out"), QStringLiteral("FILE"));
    p.parse(c.args);
    const QString format = p.isSet(QStringLiteral("format")) ? p.value(QStringLiteral("format")) : QStringLiteral("json");
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not one of: json, csv").arg(format), QStringLiteral("--format"));
    Store &s = c.openInitialised();
    const QByteArray data = format == QLatin1String("json") ? exportJson(s) : exportCsv(s);
    if (!p.isSet(QStringLiteral("out"))) {
        c.out << QString::fromUtf8(data);
        return 0;
    }
    QSaveFile f(p.value(QStringLiteral("out"))); // written whole or not at all
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot write: %1").arg(f.errorString()), QStringLiteral("--out"));
    return 0;
}

} // namespace clc::cli
