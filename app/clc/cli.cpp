// clc's entry: global options, the verb table and error reporting (docs/cli.md). The verbs are in
// the *commands.cpp files of this folder.
#include "cli.h"
#include "clicontext.h"

#include <QHash>

namespace clc {

using namespace cli;

namespace {

const char *const Usage =
    "usage: clc --db FILE [--lang vi|en] COMMAND ...\n"
    "  init [--centre NAME]\n"
    "  demo\n"
    "  plan import FILE\n"
    "  plan set [--year 2017-2018] FIELD VALUE\n"
    "  plan draft [--from 2017-2018] [--year 2018-2019]\n"
    "  plan delete --year 2018-2019\n"
    "  survey add --period YYYY-Qn [--title T] [--topic T]...\n"
    "  survey answer SURVEY_ID (--person ID | --respondent NAME) [--topic T]... [--other T] [--time morning|afternoon|evening]\n"
    "         [--months 9,10,3] [--khu K] [--group G] [--note N]\n"
    "  survey list [--json]\n"
    "  activity list [--month YYYY-MM] [--json]\n"
    "  activity add --month YYYY-MM --title T [--kind K] [--group G] [--partner P] [--teacher T] [--budget VND] [--planned N]\n"
    "  activity set ID FIELD VALUE\n"
    "  session add ACTIVITY_ID --at YYYY-MM-DDTHH:MM [--until YYYY-MM-DDTHH:MM] [--location L] [--facilitator F]\n"
    "  person add --name N [--birth-year Y] [--sex m|f] [--khu K] [--phone P] [--group G]\n"
    "  person find QUERY [--json]\n"
    "  person import FILE.csv [--dry-run]\n"
    "  attend SESSION_ID PERSON_ID present|late|excused|absent\n"
    "  enroll (--server URL --code CODE | --link clc://enroll?... | --qr PICTURE) [--ca FILE]\n"
    "  sync [--server URL --token TOKEN] [--ca FILE]\n"
    "  conflicts [--all] [--json]\n"
    "  conflicts restore ID\n"
    "  export --format json|csv [--out FILE]\n"
    "  report monthly|year|register|attendance|log|plan|review|survey --format pdf|odt|xlsx|csv --out FILE\n"
    "         [--month YYYY-MM] [--year 2017-2018] [--activity ID] [--survey ID] [--date YYYY-MM-DD] [--number N]\n"
    "  schedule --month YYYY-MM [--format text|ics|png] [--out FILE] [--to YYYY-MM]\n"
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
        } else if (opt == QLatin1String("--version")) {
            out << "clc " << CLC_VERSION << Qt::endl;
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
        {QStringLiteral("schedule"), cmdSchedule}, {QStringLiteral("survey"), cmdSurvey},
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
