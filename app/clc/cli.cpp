#include "cli.h"
#include "translate.h"

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
#include <memory>
#include <optional>

namespace clc {

namespace {

struct UsageError
{
    QString message;
};

struct Context
{
    QString dbPath;
    QStringList args; // after the verb (and sub-verb)
    QTextStream &out;
    QTextStream &err;
    std::unique_ptr<Store> store;

    Store &open()
    {
        if (!store)
            store = std::make_unique<Store>(dbPath);
        return *store;
    }
    Store &openInitialised()
    {
        open().requireInitialised();
        return *store;
    }
};

// A parser for one verb: its options, then exactly the positional arguments it names.
class VerbParser
{
public:
    VerbParser(const QString &usage, const QStringList &positional) : m_usage(usage), m_positional(positional)
    {
        m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    }
    void option(const QString &name, const QString &valueName = {}) { m_parser.addOption(QCommandLineOption(name, QString(), valueName)); }
    void parse(const QStringList &args)
    {
        if (!m_parser.parse(QStringList{QStringLiteral("clc")} + args))
            throw UsageError{m_parser.errorText() + QStringLiteral("\nusage: ") + m_usage};
        if (m_parser.positionalArguments().size() != m_positional.size())
            throw UsageError{Tr::tr("expected %1").arg(m_positional.join(QLatin1Char(' '))) + QStringLiteral("\nusage: ") + m_usage};
    }
    QString positional(int i) const { return m_parser.positionalArguments().value(i); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    QString required(const QString &name) const
    {
        if (!m_parser.isSet(name) || m_parser.value(name).trimmed().isEmpty())
            throw Error(Error::Code::InvalidInput, Tr::tr("is required"), QStringLiteral("--") + name);
        return m_parser.value(name);
    }
    std::optional<qint64> integer(const QString &name, qint64 min, qint64 max) const
    {
        if (!m_parser.isSet(name))
            return std::nullopt;
        const qint64 v = vn::parseWholeNumber(m_parser.value(name), QStringLiteral("--") + name);
        if (v < min || v > max)
            throw Error(Error::Code::InvalidInput, Tr::tr("must be between %1 and %2").arg(min).arg(max), QStringLiteral("--") + name);
        return v;
    }

private:
    QCommandLineParser m_parser;
    QString m_usage;
    QStringList m_positional;
};

void writeJson(QTextStream &out, const QJsonArray &a) { out << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented)); }

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
    if (c.args.value(0) != QLatin1String("import"))
        throw UsageError{QStringLiteral("usage: clc --db FILE plan import FILE")};
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

int cmdPerson(Context &c)
{
    const QString sub = c.args.value(0);
    const QStringList rest = c.args.mid(1);
    if (sub == QLatin1String("add")) {
        VerbParser p(QStringLiteral("clc --db FILE person add --name N [--birth-year Y] [--sex m|f] [--khu K] [--phone P] [--group G]..."), {});
        for (const char *o : {"name", "birth-year", "sex", "khu", "phone", "group", "note"})
            p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
        p.parse(rest);
        PersonInput in;
        in.fullName = p.required(QStringLiteral("name"));
        in.birthYear = p.integer(QStringLiteral("birth-year"), 1900, 2100);
        in.sex = records::parseSex(p.value(QStringLiteral("sex")), QStringLiteral("--sex"));
        in.khu = p.value(QStringLiteral("khu"));
        in.phone = p.value(QStringLiteral("phone"));
        in.note = p.value(QStringLiteral("note"));
        in.groups = p.values(QStringLiteral("group"));
        c.out << records::addPerson(c.openInitialised(), in) << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("find")) {
        VerbParser p(QStringLiteral("clc --db FILE person find QUERY [--json]"), {QStringLiteral("QUERY")});
        p.option(QStringLiteral("json"));
        p.parse(rest);
        const auto rows = records::findPeople(c.openInitialised(), p.positional(0));
        if (p.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const PersonRow &r : rows)
                a.append(QJsonObject{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("full_name"), r.fullName},
                                     {QStringLiteral("sex"), r.sex.isEmpty() ? QJsonValue() : QJsonValue(r.sex)},
                                     {QStringLiteral("birth_year"), r.birthYear ? QJsonValue(*r.birthYear) : QJsonValue()},
                                     {QStringLiteral("khu"), r.khu},
                                     {QStringLiteral("phone"), r.phone},
                                     {QStringLiteral("groups"), QJsonArray::fromStringList(r.groups)}});
            writeJson(c.out, a);
            return 0;
        }
        if (rows.empty())
            c.out << Tr::tr("Nobody matches '%1'.").arg(p.positional(0)) << Qt::endl;
        for (const PersonRow &r : rows) {
            QStringList details;
            if (r.birthYear)
                details << QString::number(*r.birthYear);
            if (!r.sex.isEmpty())
                details << (r.sex == QLatin1String("m") ? Tr::tr("male") : Tr::tr("female"));
            if (!r.khu.isEmpty())
                details << r.khu;
            if (!r.groups.isEmpty())
                details << r.groups.join(QStringLiteral(", "));
            c.out << r.fullName << QStringLiteral("  (") << details.join(QStringLiteral(" · ")) << QStringLiteral(")  ") << r.id << Qt::endl;
        }
        return 0;
    }
    if (sub == QLatin1String("import")) {
        VerbParser p(QStringLiteral("clc --db FILE person import FILE.csv [--dry-run]"), {QStringLiteral("FILE")});
        p.option(QStringLiteral("dry-run"));
        p.parse(rest);
        const QString file = p.positional(0);
        Store &s = c.openInitialised();
        const PersonImportPreview preview = previewPeopleCsv(s, readFile(file), file);
        for (const Error &e : preview.errors)
            c.err << file << QLatin1Char(':') << e.describe() << Qt::endl;
        for (const DuplicateHint &d : preview.duplicates) {
            const QString where = d.otherLine ? Tr::tr("line %1").arg(d.otherLine) : Tr::tr("person %1 already in the register").arg(d.existingId);
            c.err << file << QLatin1Char(':') << Tr::tr("line %1: %2 (%3) may be the same person as %4").arg(d.line).arg(d.fullName).arg(d.birthYear).arg(where)
                  << Qt::endl;
        }
        if (!preview.ignoredColumns.isEmpty())
            c.err << Tr::tr("Columns not imported: %1").arg(preview.ignoredColumns.join(QStringLiteral(", "))) << Qt::endl;
        if (!preview.errors.empty()) {
            c.err << Tr::tr("%n line(s) have errors; nothing was imported.", nullptr, int(preview.errors.size())) << Qt::endl;
            return 1;
        }
        if (p.isSet(QStringLiteral("dry-run"))) {
            c.out << Tr::tr("%n person(s) would be imported (dry run: nothing written).", nullptr, int(preview.people.size())) << Qt::endl;
            return 0;
        }
        const auto ids = commitPeopleImport(s, preview);
        c.out << Tr::tr("%n person(s) imported.", nullptr, int(ids.size())) << Qt::endl;
        return 0;
    }
    throw UsageError{QStringLiteral("usage: clc --db FILE person add|find|import ...")};
}

int cmdAttend(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE attend SESSION_ID PERSON_ID present|late|excused|absent"),
                 {QStringLiteral("SESSION_ID"), QStringLiteral("PERSON_ID"), QStringLiteral("STATUS")});
    p.parse(c.args);
    c.out << records::markAttendance(c.openInitialised(), p.positional(0), p.positional(1), p.positional(2)) << Qt::endl;
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

int cmdConflicts(Context &c)
{
    if (c.args.value(0) == QLatin1String("restore")) {
        VerbParser p(QStringLiteral("clc --db FILE conflicts restore ID"), {QStringLiteral("ID")});
        p.parse(c.args.mid(1));
        sync::restoreConflict(c.openInitialised(), p.positional(0));
        c.err << Tr::tr("Restored the other value; it will be sent with the next sync.") << Qt::endl;
        return 0;
    }
    VerbParser p(QStringLiteral("clc --db FILE conflicts [--all] [--json] | conflicts restore ID"), {});
    p.option(QStringLiteral("json"));
    p.option(QStringLiteral("all"));
    p.parse(c.args);
    const auto rows = sync::listConflicts(c.openInitialised(), p.isSet(QStringLiteral("all")));
    auto when = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("dd/MM/yyyy HH:mm")); };
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const sync::ConflictRow &r : rows)
            a.append(QJsonObject{{QStringLiteral("id"), r.id},
                                 {QStringLiteral("table"), r.table},
                                 {QStringLiteral("row_id"), r.row},
                                 {QStringLiteral("field"), r.field},
                                 {QStringLiteral("lost_value"), r.lostValue.toJson()},
                                 {QStringLiteral("current_value"), r.currentValue.toJson()},
                                 {QStringLiteral("lost_at"), QDateTime::fromMSecsSinceEpoch(r.lostAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("lost_replica"), r.lostReplica},
                                 {QStringLiteral("resolved"), r.resolved}});
        writeJson(c.out, a);
        return 0;
    }
    if (rows.empty())
        c.out << Tr::tr("No conflicts to review.") << Qt::endl;
    for (const sync::ConflictRow &r : rows)
        c.out << Tr::tr("%1.%2 of %3: kept \"%4\"; the other value \"%5\" was written on device %6 at %7")
                     .arg(r.table, r.field, r.row, r.currentValue.toText(), r.lostValue.toText(), r.lostReplica.left(8), when(r.lostAtMs))
              << Qt::endl
              << QStringLiteral("    ") << r.id << Qt::endl;
    return 0;
}

// Test hook (docs/protocol.md#testing): CLC_TEST_FAULT=exit-after-push makes the process die right
// after the server answered a push, before the answer is recorded — a client killed between push and
// acknowledgement.
class FaultInjectingTransport : public sync::Transport
{
public:
    explicit FaultInjectingTransport(sync::Transport &inner) : m_inner(inner) {}
    QByteArray push(const QByteArray &r) override
    {
        QByteArray answer = m_inner.push(r);
        if (qEnvironmentVariable("CLC_TEST_FAULT") == QLatin1String("exit-after-push"))
            ::_exit(9);
        return answer;
    }
    QByteArray pull(const QString &cursor, int limit) override { return m_inner.pull(cursor, limit); }

private:
    sync::Transport &m_inner;
};

int cmdEnroll(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE enroll --server URL --code CODE [--ca FILE]"), {});
    p.option(QStringLiteral("server"), QStringLiteral("URL"));
    p.option(QStringLiteral("code"), QStringLiteral("CODE"));
    p.option(QStringLiteral("ca"), QStringLiteral("FILE"));
    p.parse(c.args);
    const QString server = p.required(QStringLiteral("server"));
    const QString code = p.required(QStringLiteral("code"));
    Store &s = c.open();
    const QString name = sync::enrolDevice(s, server, code, p.value(QStringLiteral("ca")));
    c.err << Tr::tr("Enrolled as %1 (%2) with %3.").arg(name, s.meta(QStringLiteral("role")), server) << Qt::endl;
    c.out << s.meta(QStringLiteral("device_id")) << Qt::endl;
    return 0;
}

int cmdSync(Context &c)
{
    VerbParser p(QStringLiteral("clc --db FILE sync [--server URL --token TOKEN] [--ca FILE]"), {});
    p.option(QStringLiteral("server"), QStringLiteral("URL"));
    p.option(QStringLiteral("token"), QStringLiteral("TOKEN"));
    p.option(QStringLiteral("ca"), QStringLiteral("FILE"));
    p.parse(c.args);
    Store &s = c.openInitialised();
    const QString server = p.isSet(QStringLiteral("server")) ? p.value(QStringLiteral("server")) : s.meta(QStringLiteral("server_url"));
    const QString token = p.isSet(QStringLiteral("token")) ? p.value(QStringLiteral("token")) : s.meta(QStringLiteral("token"));
    const QString ca = p.isSet(QStringLiteral("ca")) ? p.value(QStringLiteral("ca")) : s.meta(QStringLiteral("server_ca"));
    if (server.isEmpty() || token.isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("no server yet: run `clc --db %1 enroll --server URL --code CODE` first").arg(c.dbPath),
                    QStringLiteral("--server"));
    sync::SyncSession::useToken(s, token);
    sync::HttpTransport http(QUrl(server), token, sync::HttpTransportOptions{60000, ca});
    FaultInjectingTransport transport(http);
    sync::SyncSession session(s, transport);
    sync::SyncSummary sum;
    try {
        sum = session.run();
    } catch (const sync::TransportError &e) {
        c.err << Tr::tr("clc: sync interrupted, nothing is lost; run it again: %1").arg(QString::fromStdString(e.what())) << Qt::endl;
        return 3;
    }
    s.setMeta(QStringLiteral("last_sync_ok"), QDateTime::currentMSecsSinceEpoch());
    const qint64 offset = sum.serverTime ? sum.serverTime - QDateTime::currentMSecsSinceEpoch() : 0;
    c.out << Tr::tr("Sent %1 changes in %2 batches, received %3 changes (%4 new); %5 refused; %6 conflicts to review; %7 waiting.")
                 .arg(sum.pushedChanges).arg(sum.pushedBatches).arg(sum.pulledChanges).arg(sum.applied.applied).arg(sum.rejected)
                 .arg(sync::listConflicts(s).size()).arg(s.pendingChanges())
          << Qt::endl;
    if (sum.requeued > 0)
        c.err << Tr::tr("The server was restored from a backup: %1 changes made on this device were sent again.").arg(sum.requeued) << Qt::endl;
    if (qAbs(offset) > 5 * 60 * 1000)
        c.err << Tr::tr("Warning: this device's clock differs from the server's by %1 minutes; set the date and time.").arg(offset / 60000) << Qt::endl;
    auto refused = s.db().prepare(QStringLiteral("SELECT DISTINCT error FROM outbox WHERE error IS NOT NULL"));
    while (refused.step())
        c.err << Tr::tr("Refused by the server: %1").arg(refused.text(0)) << Qt::endl;
    return 0;
}

int cmdReport(Context &c)
{
    const QString kind = c.args.value(0);
    static const QStringList kinds{QStringLiteral("monthly"), QStringLiteral("year"), QStringLiteral("register"), QStringLiteral("attendance"),
                                   QStringLiteral("log")};
    const QString usage = QStringLiteral("clc --db FILE report monthly|year|register|attendance|log --format pdf|xlsx|csv --out FILE "
                                         "[--month YYYY-MM] [--year 2017-2018] [--activity ID] [--date YYYY-MM-DD] [--number N]");
    if (!kinds.contains(kind))
        throw UsageError{QStringLiteral("usage: ") + usage};
    VerbParser p(usage, {});
    for (const char *o : {"format", "out", "month", "year", "activity", "date", "number"})
        p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
    p.parse(c.args.mid(1));
    const QString format = p.required(QStringLiteral("format"));
    if (!QStringList{QStringLiteral("pdf"), QStringLiteral("xlsx"), QStringLiteral("csv")}.contains(format))
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not one of: pdf, xlsx, csv").arg(format), QStringLiteral("--format"));
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
        year = s.db().scalar(QStringLiteral("SELECT max(school_year) FROM plans WHERE deleted = 0")).toText();
    if (year.isEmpty() && kind != QLatin1String("register") && kind != QLatin1String("attendance"))
        throw Error(Error::Code::InvalidInput, Tr::tr("there is no plan yet: give the school year"), QStringLiteral("--year"));
    ReportDocument doc;
    if (kind == QLatin1String("monthly"))
        doc = reports::monthlyDocument(s, year, month, options);
    else if (kind == QLatin1String("year"))
        doc = reports::yearDocument(s, year, options);
    else if (kind == QLatin1String("register"))
        doc = reports::registerDocument(s, options);
    else if (kind == QLatin1String("attendance"))
        doc = reports::attendanceSheet(s, p.required(QStringLiteral("activity")), options);
    else
        doc = reports::activityLog(s, year, options);
    if (format == QLatin1String("pdf")) {
        reports::writePdf(doc, out);
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

const char *const Usage =
    "usage: clc --db FILE [--lang vi|en] COMMAND ...\n"
    "  init [--centre NAME]\n"
    "  demo\n"
    "  plan import FILE\n"
    "  activity list [--month YYYY-MM] [--json]\n"
    "  activity add --month YYYY-MM --title T [--kind K] [--group G] [--partner P] [--teacher T] [--budget VND] [--planned N]\n"
    "  activity set ID FIELD VALUE\n"
    "  session add ACTIVITY_ID --at YYYY-MM-DDTHH:MM [--until YYYY-MM-DDTHH:MM] [--location L] [--facilitator F]\n"
    "  person add --name N [--birth-year Y] [--sex m|f] [--khu K] [--phone P] [--group G]\n"
    "  person find QUERY [--json]\n"
    "  person import FILE.csv [--dry-run]\n"
    "  attend SESSION_ID PERSON_ID present|late|excused|absent\n"
    "  enroll --server URL --code CODE [--ca FILE]\n"
    "  sync [--server URL --token TOKEN] [--ca FILE]\n"
    "  conflicts [--all] [--json]\n"
    "  conflicts restore ID\n"
    "  export --format json|csv [--out FILE]\n"
    "  report monthly|year|register|attendance|log --format pdf|xlsx|csv --out FILE [--month YYYY-MM] [--year 2017-2018]\n"
    "         [--activity ID] [--date YYYY-MM-DD] [--number N]\n"
    "  centre set FIELD VALUE\n"
    "  status\n";

} // namespace

int runCli(const QStringList &argsIn, QTextStream &out, QTextStream &err)
{
    QStringList args = argsIn;
    QString db;
    while (!args.isEmpty() && args.front().startsWith(QLatin1String("--"))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--db") && !args.isEmpty()) {
            db = args.takeFirst();
        } else if (opt == QLatin1String("--lang") && !args.isEmpty()) {
            args.takeFirst(); // handled by main() before translators load
        } else if (opt == QLatin1String("--help")) {
            out << QString::fromLatin1(Usage);
            return 0;
        } else {
            err << Tr::tr("clc: unknown option %1").arg(opt) << Qt::endl << QString::fromLatin1(Usage);
            return 2;
        }
    }
    if (args.isEmpty()) {
        err << QString::fromLatin1(Usage);
        return 2;
    }
    if (db.isEmpty()) {
        err << Tr::tr("clc: --db FILE is required") << Qt::endl << QString::fromLatin1(Usage);
        return 2;
    }
    const QString verb = args.takeFirst();
    Context c{db, args, out, err, nullptr};
    using Handler = int (*)(Context &);
    static const QHash<QString, Handler> verbs{
        {QStringLiteral("init"), cmdInit},         {QStringLiteral("demo"), cmdDemo},
        {QStringLiteral("plan"), cmdPlan},         {QStringLiteral("activity"), cmdActivity},
        {QStringLiteral("session"), cmdSession},   {QStringLiteral("person"), cmdPerson},
        {QStringLiteral("attend"), cmdAttend},     {QStringLiteral("export"), cmdExport},
        {QStringLiteral("status"), cmdStatus},     {QStringLiteral("conflicts"), cmdConflicts},
        {QStringLiteral("enroll"), cmdEnroll},     {QStringLiteral("sync"), cmdSync},
        {QStringLiteral("report"), cmdReport},     {QStringLiteral("centre"), cmdCentre},
    };
    const Handler h = verbs.value(verb);
    if (!h) {
        err << Tr::tr("clc: unknown command '%1'").arg(verb) << Qt::endl << QString::fromLatin1(Usage);
        return 2;
    }
    try {
        return h(c);
    } catch (const UsageError &e) {
        err << QStringLiteral("clc: ") << e.message << Qt::endl;
        return 2;
    } catch (const Error &e) {
        err << Tr::tr("clc: error: %1").arg(e.describe()) << Qt::endl;
        return 1;
    }
}

} // namespace clc
