#include "schema.h"
#include "translate.h"
#include "error.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <limits>

namespace clc {

namespace {

FieldDef text(const char *name, int maxLength = 200, bool required = false)
{
    FieldDef f;
    f.name = QString::fromLatin1(name);
    f.maxLength = maxLength;
    f.required = required;
    return f;
}

FieldDef integer(const char *name, qint64 min, qint64 max)
{
    FieldDef f;
    f.name = QString::fromLatin1(name);
    f.type = FieldType::Int;
    f.min = min;
    f.max = max;
    return f;
}

FieldDef typed(const char *name, FieldType type, bool required = false)
{
    FieldDef f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    f.required = required;
    if (type == FieldType::Bool)
        f.max = 1;
    return f;
}

FieldDef choice(const char *name, QStringList choices, bool required = false)
{
    FieldDef f = typed(name, FieldType::Enum, required);
    f.choices = std::move(choices);
    return f;
}

FieldDef ref(const char *name, const char *table, bool required = true)
{
    FieldDef f = typed(name, FieldType::Ref, required);
    f.refTable = QString::fromLatin1(table);
    return f;
}

constexpr int LongText = 20000;
constexpr qint64 MaxMoney = 1000000000000LL; // 10^12 đồng: far above any centre's budget

std::vector<TableDef> build()
{
    const FieldDef centre = ref("centre_id", "centres");
    const FieldDef deleted = typed("deleted", FieldType::Bool);
    std::vector<TableDef> t;
    auto add = [&t](const char *name, std::vector<FieldDef> fields, const char *a = "", const char *b = "") {
        t.push_back(TableDef{int(t.size()), QString::fromLatin1(name), std::move(fields),
                             QString::fromLatin1(a), QString::fromLatin1(b)});
    };
    // Append only: codes are positions (see schema.h).
    // Fields after `deleted` were added later (codes are append-only).
    add("centres", {text("name", 300, true), text("short_name"), text("committee", 300), text("place"),
                    text("district"), text("province"), deleted, text("director_title", 100), text("director_name", 200),
                    text("recipients", 2000)});
    add("plans", {centre, text("school_year", 20, true), text("title", 1000), text("doc_number", 50),
                  text("bases", LongText), text("purpose", LongText), text("advantages", LongText),
                  text("difficulties", LongText), text("solutions", LongText), text("recommendations", LongText),
                  text("closing", LongText), deleted, ref("carried_from", "plans", false),
                  text("year_end_notes", LongText), text("year_end_recommendations", LongText)});
    add("signatories", {centre, ref("plan_id", "plans"), integer("ord", 0, 1000), text("title", 200, true),
                        text("note"), text("name", 200), deleted});
    add("quarterly_tasks", {centre, ref("plan_id", "plans"), text("quarter", 20, true), integer("ord", 0, 10000),
                            text("text", 2000, true), deleted});
    add("learner_groups", {centre, text("code", 60, true), text("name", 200, true), text("aliases", 2000),
                           typed("everyone", FieldType::Bool), deleted});
    add("organisations", {centre, text("code", 60, true), text("name", 300, true), text("role", 4000), deleted});
    add("targets", {centre, ref("plan_id", "plans"), text("section", 300), integer("ord", 0, 10000),
                    text("text", 4000, true), choice("metric", {QStringLiteral("group_attendance"), QStringLiteral("manual")}, true),
                    text("kinds", 300), integer("threshold_pct", 0, 100), integer("manual_numerator", 0, 100000000),
                    integer("manual_denominator", 0, 100000000), deleted, text("result_note", 4000),
                    ref("carried_from", "targets", false)});
    add("target_groups", {centre, ref("target_id", "targets"), ref("group_id", "learner_groups"), deleted},
        "target_id", "group_id");
    add("activities", {centre, ref("plan_id", "plans", false), typed("month", FieldType::Month, true),
                       integer("ord", 0, 10000), text("title", 1000, true), choice("kind", kinds::all(), true),
                       text("group_text", 1000), text("partner_text", 1000), text("teacher", 300),
                       integer("planned_participants", 0, 1000000), integer("budget", 0, MaxMoney),
                       choice("status", {QStringLiteral("planned"), QStringLiteral("done"), QStringLiteral("cancelled")}, true),
                       deleted, integer("budget_spent", 0, MaxMoney), text("not_held_reason", 1000),
                       ref("carried_from", "activities", false),
                       // Not a ref: viewers receive activities but never surveys (no placeholder row for them).
                       text("from_survey", 36)});
    add("activity_groups", {centre, ref("activity_id", "activities"), ref("group_id", "learner_groups"), deleted},
        "activity_id", "group_id");
    add("activity_partners", {centre, ref("activity_id", "activities"), ref("organisation_id", "organisations"), deleted},
        "activity_id", "organisation_id");
    add("sessions", {centre, ref("activity_id", "activities"), typed("starts_at", FieldType::DateTime, true),
                     typed("ends_at", FieldType::DateTime), text("place", 300), text("facilitator", 200),
                     integer("headcount", 0, 1000000), deleted, text("recorded_by", 200)});
    add("people", {centre, text("full_name", 200, true), choice("sex", {QStringLiteral("m"), QStringLiteral("f")}),
                   integer("birth_year", 1900, 2100), text("khu", 100), text("phone", 30), text("note", 1000), deleted});
    add("person_groups", {centre, ref("person_id", "people"), ref("group_id", "learner_groups"), deleted},
        "person_id", "group_id");
    add("attendance", {centre, ref("session_id", "sessions"), ref("person_id", "people"),
                       choice("status", {QStringLiteral("present"), QStringLiteral("late"), QStringLiteral("excused"),
                                         QStringLiteral("absent")}, true),
                       deleted},
        "session_id", "person_id");
    // A value that lost a concurrent edit, kept for a person to review (docs/sync.md). Its id is
    // derived from the losing change, so every replica that detects it makes the same row.
    FieldDef lost = typed("value", FieldType::Any);
    lost.maxLength = LongText;
    add("conflicts", {centre, text("tbl", 60, true), text("row_id", 36, true), text("field", 60, true), lost,
                      integer("lost_hlc", 0, std::numeric_limits<qint64>::max()), text("lost_replica", 36, true),
                      typed("resolved", FieldType::Bool), deleted});
    // The learning-needs survey (docs/year.md): what a centre asks about, and what each person or
    // household said. Topics and an answer's chosen topics are lines of text; months are "9,10,3".
    add("surveys", {centre, ref("plan_id", "plans", false), text("period", 20, true), text("title", 300, true),
                    text("topics", 4000, true), deleted});
    add("survey_answers", {centre, ref("survey_id", "surveys"), ref("person_id", "people", false), text("respondent", 200),
                           text("khu", 100), ref("group_id", "learner_groups", false), text("topics", 4000),
                           text("other_topic", 300),
                           choice("time_of_day", {QStringLiteral("morning"), QStringLiteral("afternoon"), QStringLiteral("evening"),
                                                  QStringLiteral("any")}),
                           text("months", 60), text("note", 1000), text("taken_by", 200), deleted});
    return t;
}

} // namespace

const QStringList &kinds::all()
{
    static const QStringList k{QStringLiteral("technical"), QStringLiteral("law"), QStringLiteral("health"),
                               QStringLiteral("environment"), QStringLiteral("culture"),
                               QStringLiteral("commemoration"), QStringLiteral("other")};
    return k;
}

const FieldDef *TableDef::field(const QString &n) const
{
    for (const auto &f : fields)
        if (f.name == n)
            return &f;
    return nullptr;
}

int TableDef::fieldCode(const QString &n) const
{
    for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == n)
            return int(i);
    return -1;
}

const std::vector<TableDef> &tables()
{
    static const std::vector<TableDef> all = build();
    return all;
}

const TableDef *table(const QString &name)
{
    for (const auto &t : tables())
        if (t.name == name)
            return &t;
    return nullptr;
}

const TableDef *tableByCode(int code)
{
    return code >= 0 && size_t(code) < tables().size() ? &tables()[size_t(code)] : nullptr;
}

static bool isValidMonth(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return false;
    const int month = m.captured(2).toInt();
    return month >= 1 && month <= 12;
}

static bool isValidDateTime(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$"));
    return re.match(s).hasMatch() && QDateTime::fromString(s, QStringLiteral("yyyy-MM-ddTHH:mm")).isValid();
}

bool isId(const QString &s)
{
    // A lower-case UUID in its text form, 8-4-4-4-12 (checked per character: a pull checks every
    // mark's ids, and a regular expression was 3 % of it).
    if (s.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = s[i].unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

void checkStorableText(const QString &s, const QString &field)
{
    // PostgreSQL cannot store a NUL and cuts the text there, SQLite keeps it: devices would diverge.
    if (s.contains(QChar(0)))
        throw Error(Error::Code::InvalidInput, Tr::tr("contains a NUL character"), field);
    if (!s.isValidUtf16())
        throw Error(Error::Code::InvalidInput, Tr::tr("contains a broken character (half of a surrogate pair)"), field);
}

void validateField(const TableDef &t, const FieldDef &f, const Value &v)
{
    const QString where = t.name + QLatin1Char('.') + f.name;
    auto bad = [&where](const QString &why) { return Error(Error::Code::InvalidInput, why, where); };
    if (v.isNull()) {
        if (f.required)
            throw bad(Tr::tr("must not be empty"));
        return;
    }
    switch (f.type) {
    case FieldType::Int:
    case FieldType::Bool:
        if (!v.isInt())
            throw bad(Tr::tr("must be a whole number"));
        if (v.toInt() < f.min || v.toInt() > f.max)
            throw bad(Tr::tr("must be between %1 and %2").arg(f.min).arg(f.max));
        return;
    default:
        break;
    }
    if (f.type == FieldType::Any && v.isInt())
        return;
    if (!v.isText())
        throw bad(Tr::tr("must be text"));
    const QString s = v.toText();
    checkStorableText(s, where);
    switch (f.type) {
    case FieldType::Any:
    case FieldType::Text:
        if (f.required && s.trimmed().isEmpty())
            throw bad(Tr::tr("must not be empty"));
        if (s.size() > f.maxLength)
            throw bad(Tr::tr("is longer than %1 characters").arg(f.maxLength));
        return;
    case FieldType::Month:
        if (!isValidMonth(s))
            throw bad(Tr::tr("'%1' is not a month of the form YYYY-MM").arg(s));
        return;
    case FieldType::DateTime:
        if (!isValidDateTime(s))
            throw bad(Tr::tr("'%1' is not a date and time of the form YYYY-MM-DDTHH:MM").arg(s));
        return;
    case FieldType::Enum:
        if (!f.choices.contains(s))
            throw bad(Tr::tr("'%1' is not one of: %2").arg(s, f.choices.join(QStringLiteral(", "))));
        return;
    case FieldType::Ref:
        if (!isId(s))
            throw bad(Tr::tr("'%1' is not an id").arg(s));
        return;
    default:
        return;
    }
}

Value parseFieldValue(const FieldDef &f, const QString &text)
{
    const QString s = text.trimmed();
    if (s.isEmpty())
        return Value();
    if (f.type == FieldType::Int || f.type == FieldType::Bool)
        return Value(vn::parseWholeNumber(s, f.name)); // "1.500.000" as people type amounts
    return Value(s);
}

} // namespace clc
