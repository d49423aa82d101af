// clc verbs — The centre, its plan, activities and sessions: init, demo, plan, activity, session, centre, status.
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
#include "plandraft.h"
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
#include <memory>
#include <optional>

namespace clc::cli {

int cmdInit(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE init [--centre NAME]"), {});
    p.option(QStringLiteral("centre"), QStringLiteral("NAME"));
    p.parse(c.args);
    const QString name = p.isSet(QStringLiteral("centre")) ? p.value(QStringLiteral("centre"))
                                                           : QStringLiteral("Trung tâm học tập cộng đồng");
    if (p.isSet(QStringLiteral("centre")) && name.trimmed().isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("must not be empty"), QStringLiteral("--centre"));
    Store &s = c.open();
    const QString centre = s.init(name);
    c.err << Tr::tr("Initialised %1 (replica %2).").arg(c.dbPath, s.replicaId()) << Qt::endl;
    c.out << centre << Qt::endl;
    return 0;
}

int cmdDemo(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE demo"), {});
    p.parse(c.args);
    const DemoSummary sum = loadDemo(c.open());
    if (sum.alreadyLoaded)
        c.out << Tr::tr("The demo is already loaded in %1; nothing changed.").arg(c.dbPath) << Qt::endl;
    else
        c.out << Tr::tr("Loaded the 2017–2018 plan of Đức Chính ward: %1 activities, %2 people, %3 sessions, %4 attendance marks.")
                     .arg(sum.activities).arg(sum.people).arg(sum.sessions).arg(sum.marks)
              << Qt::endl;
    return 0;
}

int cmdPlan(Context &c)
{
    const QString sub = c.args.value(0);
    if (sub == QLatin1String("draft")) {
        VerbParser p(QStringLiteral("clc --db FILE plan draft [--from 2017-2018] [--year 2018-2019]"), {});
        p.option(QStringLiteral("from"), QStringLiteral("YEAR"));
        p.option(QStringLiteral("year"), QStringLiteral("YEAR"));
        p.parse(c.args.mid(1));
        Store &s = c.openInitialised();
        const QString from = p.isSet(QStringLiteral("from")) ? p.value(QStringLiteral("from")) : records::currentSchoolYear(s);
        if (from.isEmpty())
            throw Error(Error::Code::InvalidInput, Tr::tr("there is no plan yet: give the school year"), QStringLiteral("--from"));
        const QString year = p.isSet(QStringLiteral("year")) ? p.value(QStringLiteral("year")) : plans::nextSchoolYear(from);
        const plans::DraftResult r = plans::draftNextYear(s, from, year);
        c.err << Tr::tr("Drafted the plan of %1 from %2: %3 activities carried, %4 proposed by the survey, %5 rows made, %6 left as they were.")
                     .arg(year, from).arg(r.activitiesCarried).arg(r.activitiesProposed).arg(r.rowsCreated).arg(r.rowsKept)
              << Qt::endl;
        c.out << r.planId << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("set")) {
        QStringList values = c.args.mid(1);
        QString year;
        if (values.value(0) == QLatin1String("--year") && values.size() >= 2) {
            year = values[1];
            values = values.mid(2);
        }
        values.removeAll(QStringLiteral("--"));
        if (values.size() != 2)
            throw UsageError{QStringLiteral("usage: clc --db FILE plan set [--year 2017-2018] FIELD VALUE   (FIELD: ") +
                             records::planTextFields().front().second.join(QStringLiteral(", ")) + QLatin1Char(')')};
        Store &s = c.openInitialised();
        if (year.isEmpty())
            year = records::currentSchoolYear(s);
        const QString id = records::planId(s, year);
        if (id.isEmpty())
            throw Error(Error::Code::NotFound, Tr::tr("there is no plan for the school year %1").arg(year), QStringLiteral("--year"));
        QString value = values[1];
        value.replace(QStringLiteral("\\n"), QStringLiteral("\n")); // paragraphs: one per line
        records::setPlanText(s, QStringLiteral("plans"), id, values[0], value);
        return 0;
    }
    if (sub == QLatin1String("delete")) {
        VerbParser p(QStringLiteral("clc --db FILE plan delete --year 2018-2019"), {});
        p.option(QStringLiteral("year"), QStringLiteral("YEAR"));
        p.parse(c.args.mid(1));
        const QString year = p.required(QStringLiteral("year"));
        const int rows = records::deletePlan(c.openInitialised(), year);
        c.err << Tr::tr("Deleted the plan of %1 (%n row(s)).", nullptr, rows).arg(year) << Qt::endl;
        return 0;
    }
    if (sub != QLatin1String("import"))
        throw UsageError{QStringLiteral("usage: clc --db FILE plan import|set|draft|delete ...")};
    VerbParser p(QStringLiteral("clc --db FILE plan import FILE"), {QStringLiteral("FILE")});
    p.parse(c.args.mid(1));
    const QString file = p.positional(0);
    const QByteArray bytes = readFile(file);
    const PlanImportSummary sum = importPlan(c.openInitialised(), bytes, file);
    c.err << Tr::tr("Imported plan %1: %2 activities, %3 targets, %4 quarterly tasks, %5 groups, %6 organisations (%7 fields changed).")
                 .arg(file).arg(sum.activities).arg(sum.targets).arg(sum.tasks).arg(sum.groups).arg(sum.organisations).arg(sum.changes)
          << Qt::endl;
    c.out << sum.planId << Qt::endl;
    return 0;
}

int cmdActivity(Context &c)
{
    const QString sub = c.args.value(0);
    const QStringList rest = c.args.mid(1);
    if (sub == QLatin1String("list")) {
        VerbParser p(QStringLiteral("clc --db FILE activity list [--month YYYY-MM] [--json]"), {});
        p.option(QStringLiteral("month"), QStringLiteral("YYYY-MM"));
        p.option(QStringLiteral("json"));
        p.parse(rest);
        const QString month = p.value(QStringLiteral("month"));
        Store &s = c.openInitialised();
        if (p.isSet(QStringLiteral("month"))) // same rule as stored months
            validateField(*table(QStringLiteral("activities")), *table(QStringLiteral("activities"))->field(QStringLiteral("month")), month);
        const auto rows = records::activities(s, month);
        if (p.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const ActivityRow &r : rows) {
                QJsonObject o{{QStringLiteral("id"), r.id},
                              {QStringLiteral("month"), r.month},
                              {QStringLiteral("title"), r.title},
                              {QStringLiteral("kind"), r.kind},
                              {QStringLiteral("status"), r.status},
                              {QStringLiteral("groups"), r.groupText},
                              {QStringLiteral("partners"), r.partnerText},
                              {QStringLiteral("teacher"), r.teacher},
                              {QStringLiteral("budget"), r.budget ? QJsonValue(*r.budget) : QJsonValue()},
                              {QStringLiteral("planned_participants"), r.plannedParticipants ? QJsonValue(*r.plannedParticipants) : QJsonValue()},
                              {QStringLiteral("sessions"), r.sessions},
                              {QStringLiteral("participants"), r.participants}};
                a.append(o);
            }
            writeJson(c.out, a);
            return 0;
        }
        if (rows.empty()) {
            c.out << (month.isEmpty() ? Tr::tr("No activities.") : Tr::tr("No activities in %1.").arg(vn::formatMonth(month))) << Qt::endl;
            return 0;
        }
        for (const ActivityRow &r : rows) {
            c.out << vn::formatMonth(r.month) << QStringLiteral("  ") << r.title << Qt::endl;
            QStringList details;
            if (!r.groupText.isEmpty())
                details << Tr::tr("for: %1").arg(r.groupText);
            if (!r.partnerText.isEmpty())
                details << Tr::tr("with: %1").arg(r.partnerText);
            details << records::kindLabel(r.kind);
            if (r.budget)
                details << vn::formatMoney(*r.budget);
            details << Tr::tr("%n session(s)", nullptr, r.sessions) << Tr::tr("%n participant(s)", nullptr, r.participants);
            c.out << QStringLiteral("         ") << details.join(QStringLiteral(" · ")) << Qt::endl;
            c.out << QStringLiteral("         ") << r.id << Qt::endl;
        }
        return 0;
    }
    if (sub == QLatin1String("add")) {
        VerbParser p(QStringLiteral("clc --db FILE activity add --month YYYY-MM --title T [--kind K] [--group G]... [--partner P]... [--teacher T] [--budget VND] [--planned N]"), {});
        for (const char *o : {"month", "title", "kind", "group", "partner", "teacher", "budget", "planned"})
            p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
        p.parse(rest);
        ActivityInput in;
        in.month = p.required(QStringLiteral("month"));
        in.title = p.required(QStringLiteral("title"));
        if (p.isSet(QStringLiteral("kind")))
            in.kind = p.value(QStringLiteral("kind"));
        in.groups = p.values(QStringLiteral("group"));
        in.partners = p.values(QStringLiteral("partner"));
        in.teacher = p.value(QStringLiteral("teacher"));
        in.budget = p.integer(QStringLiteral("budget"), 0, 1000000000000LL);
        in.plannedParticipants = p.integer(QStringLiteral("planned"), 0, 1000000);
        c.out << records::addActivity(c.openInitialised(), in) << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("set")) {
        // Taken as they are: a VALUE may start with '-' (a negative number is still an error, but ours).
        QStringList values = rest;
        values.removeAll(QStringLiteral("--"));
        if (values.size() != 3)
            throw UsageError{QStringLiteral("usage: clc --db FILE activity set ID FIELD VALUE")};
        records::setActivityField(c.openInitialised(), values[0], values[1], values[2]);
        return 0;
    }
    throw UsageError{QStringLiteral("usage: clc --db FILE activity list|add|set ...")};
}

int cmdSession(Context &c)
{
    if (c.args.value(0) != QLatin1String("add"))
        throw UsageError{QStringLiteral("usage: clc --db FILE session add ACTIVITY_ID --at YYYY-MM-DDTHH:MM [--until YYYY-MM-DDTHH:MM] [--location L] [--facilitator F]")};
    VerbParser p(QStringLiteral("clc --db FILE session add ACTIVITY_ID --at YYYY-MM-DDTHH:MM [--until YYYY-MM-DDTHH:MM] [--location L] [--facilitator F]"),
                 {QStringLiteral("ACTIVITY_ID")});
    for (const char *o : {"at", "until", "location", "facilitator"})
        p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
    p.parse(c.args.mid(1));
    const QString at = p.required(QStringLiteral("at"));
    c.out << records::addSession(c.openInitialised(), p.positional(0), at, p.value(QStringLiteral("location")),
                                 p.value(QStringLiteral("until")), p.value(QStringLiteral("facilitator")))
          << Qt::endl;
    return 0;
}

int cmdCentre(Context &c)
{
    // The ward's names are data: wards are merged and renamed.
    static const QStringList fields{QStringLiteral("name"), QStringLiteral("short_name"), QStringLiteral("committee"), QStringLiteral("place"),
                                    QStringLiteral("district"), QStringLiteral("province"), QStringLiteral("director_title"),
                                    QStringLiteral("director_name"), QStringLiteral("recipients")};
    if (c.args.value(0) != QLatin1String("set") || c.args.size() != 3)
        throw UsageError{QStringLiteral("usage: clc --db FILE centre set FIELD VALUE   (FIELD: ") + fields.join(QStringLiteral(", ")) + QLatin1Char(')')};
    if (!fields.contains(c.args[1]))
        throw Error(Error::Code::InvalidInput, Tr::tr("unknown field; one of: %1").arg(fields.join(QStringLiteral(", "))), c.args[1]);
    Store &s = c.openInitialised();
    QString value = c.args[2];
    value.replace(QStringLiteral("\\n"), QStringLiteral("\n")); // recipients: one per line
    s.write(QStringLiteral("centres"), s.centreId(), {{c.args[1], value.trimmed().isEmpty() ? Value() : Value(value.trimmed())}});
    return 0;
}

int cmdStatus(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE status"), {});
    p.parse(c.args);
    Store &s = c.openInitialised();
    c.out << Tr::tr("database: %1").arg(c.dbPath) << Qt::endl
          << Tr::tr("replica: %1").arg(s.replicaId()) << Qt::endl
          << Tr::tr("centre: %1 (%2)").arg(s.value(QStringLiteral("centres"), s.centreId(), QStringLiteral("name")).toText(), s.centreId()) << Qt::endl
          << Tr::tr("schema version: %1").arg(latestSchemaVersion()) << Qt::endl
          << Tr::tr("changes waiting to be sent: %1").arg(s.pendingChanges()) << Qt::endl;
    return 0;
}

} // namespace clc::cli
