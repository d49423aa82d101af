// clc verbs — The register and attendance: person, attend.
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
#include <memory>
#include <optional>

namespace clc::cli {

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

} // namespace clc::cli
