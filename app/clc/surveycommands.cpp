// clc verbs — the learning-needs survey: survey add, answer, list (docs/year.md).
#include "clicontext.h"
#include "error.h"
#include "store.h"
#include "survey.h"
#include "translate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace clc::cli {

int cmdSurvey(Context &c)
{
    const QString sub = c.args.value(0);
    const QStringList rest = c.args.mid(1);
    if (sub == QLatin1String("add")) {
        VerbParser p(QStringLiteral("clc --db FILE survey add --period YYYY-Qn [--title T] [--topic T]..."), {});
        for (const char *o : {"period", "title", "topic"})
            p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
        p.parse(rest);
        c.out << survey::addSurvey(c.openInitialised(), p.required(QStringLiteral("period")), p.value(QStringLiteral("title")),
                                   p.values(QStringLiteral("topic")))
              << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("answer")) {
        VerbParser p(QStringLiteral("clc --db FILE survey answer SURVEY_ID (--person ID | --respondent NAME) [--topic T]... [--other T] "
                                    "[--time morning|afternoon|evening] [--months 9,10,3] [--khu K] [--group G] [--note N]"),
                     {QStringLiteral("SURVEY_ID")});
        for (const char *o : {"person", "respondent", "topic", "other", "time", "months", "khu", "group", "note"})
            p.option(QString::fromLatin1(o), QStringLiteral("VALUE"));
        p.parse(rest);
        survey::AnswerInput in;
        in.personId = p.value(QStringLiteral("person"));
        in.respondent = p.value(QStringLiteral("respondent"));
        if (!in.personId.isEmpty() && !in.respondent.isEmpty())
            throw Error(Error::Code::InvalidInput, Tr::tr("give --person or --respondent, not both"), QStringLiteral("--respondent"));
        in.topics = p.values(QStringLiteral("topic"));
        in.otherTopic = p.value(QStringLiteral("other"));
        in.timeOfDay = p.value(QStringLiteral("time"));
        for (const QString &m : p.value(QStringLiteral("months")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int month = m.trimmed().toInt(&ok);
            if (!ok)
                throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a month (1 to 12)").arg(m), QStringLiteral("--months"));
            in.months << month;
        }
        in.khu = p.value(QStringLiteral("khu"));
        in.group = p.value(QStringLiteral("group"));
        in.note = p.value(QStringLiteral("note"));
        c.out << survey::answer(c.openInitialised(), p.positional(0), in) << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("list")) {
        VerbParser p(QStringLiteral("clc --db FILE survey list [--json]"), {});
        p.option(QStringLiteral("json"));
        p.parse(rest);
        const auto rows = survey::surveys(c.openInitialised());
        if (p.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const survey::SurveyRow &r : rows)
                a.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("period"), r.period}, {QStringLiteral("title"), r.title},
                                     {QStringLiteral("topics"), QJsonArray::fromStringList(r.topics)}, {QStringLiteral("answers"), r.answers}});
            c.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
            return 0;
        }
        for (const survey::SurveyRow &r : rows)
            c.out << r.id << QLatin1Char('\t') << r.period << QLatin1Char('\t') << Tr::tr("%n answer(s)", nullptr, r.answers) << QLatin1Char('\t') << r.title
                  << Qt::endl;
        return 0;
    }
    throw UsageError{QStringLiteral("usage: clc --db FILE survey add|answer|list ...")};
}

} // namespace clc::cli
