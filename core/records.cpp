#include "records.h"
#include "hybridclock.h"
#include "reports.h"
#include "translate.h"
#include "error.h"
#include "schema.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace clc::records {

namespace {
Value toValue(const std::optional<qint64> &v) { return v ? Value(*v) : Value(); }

// Looks a learner group or an organisation up by code, name or alias, all folded.
QString lookup(Store &store, const QString &table, const QString &nameOrCode, bool create, const QString &field)
{
    const QString wanted = vn::fold(nameOrCode);
    if (wanted.isEmpty())
        throw Error(Error::Code::InvalidInput, Tr::tr("must not be empty"), field);
    const bool groups = table == QLatin1String("learner_groups");
    auto st = store.db().prepare(QStringLiteral("SELECT id, code, name, %1 FROM %2 WHERE centre_id = ? AND deleted = 0 ORDER BY id")
                                     .arg(groups ? QStringLiteral("aliases") : QStringLiteral("''"), table));
    st.bind(1, store.centreId());
    while (st.step()) {
        QStringList names{st.text(1), st.text(2)};
        names += st.text(3).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &n : names)
            if (vn::fold(n) == wanted)
                return st.text(0);
    }
    if (!create)
        throw Error(Error::Code::NotFound, Tr::tr("no %1 called '%2'").arg(groups ? Tr::tr("learner group") : Tr::tr("organisation"), nameOrCode), field);
    // Same name on two devices → same id, so the two meet after sync instead of duplicating.
    const QString id = store.derivedId(table + QLatin1Char('/') + wanted);
    store.write(table, id, {{QStringLiteral("code"), wanted.left(60)}, {QStringLiteral("name"), nameOrCode.trimmed()}});
    return id;
}

void requireRow(Store &store, const QString &table, const QString &id, const QString &field)
{
    auto st = store.db().prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND deleted = 0").arg(table));
    st.bind(1, id);
    if (!st.step())
        throw Error(Error::Code::NotFound, Tr::tr("no %1 with id '%2'").arg(table, id), field);
}

void link(Store &store, const QString &table, const QString &aField, const QString &a, const QString &bField, const QString &b)
{
    store.write(table, Store::naturalId(table, a, b), {{aField, a}, {bField, b}, {QStringLiteral("deleted"), 0}});
}

/// The plan of the school year a month ("2018-03") belongs to, or empty (no such plan, or not a month:
/// the write that follows names the bad month).
QString planOfMonth(Store &store, const QString &month)
{
    static const QRegularExpression monthForm(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
    return monthForm.match(month).hasMatch() ? planId(store, reports::schoolYearOf(month)) : QString();
}
} // namespace

QString kindLabel(const QString &kind)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("technical"), QT_TRANSLATE_NOOP("clc", "technical training")},
        {QStringLiteral("law"), QT_TRANSLATE_NOOP("clc", "law and policy")},
        {QStringLiteral("health"), QT_TRANSLATE_NOOP("clc", "health and population")},
        {QStringLiteral("environment"), QT_TRANSLATE_NOOP("clc", "environment")},
        {QStringLiteral("culture"), QT_TRANSLATE_NOOP("clc", "culture and sport")},
        {QStringLiteral("commemoration"), QT_TRANSLATE_NOOP("clc", "commemoration")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("clc", "other")},
    };
    return labels.contains(kind) ? Tr::tr(labels.value(kind)) : kind;
}

QString kindTitle(const QString &kind)
{
    QString s = kindLabel(kind);
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QString groupId(Store &store, const QString &nameOrCode, bool create, const QString &field)
{
    return lookup(store, QStringLiteral("learner_groups"), nameOrCode, create, field);
}

QStringList splitGroupNames(Store &store, const QString &text)
{
    // Every known spelling, folded and without spaces.
    std::vector<QString> known;
    auto st = store.db().prepare(QStringLiteral("SELECT name, aliases FROM learner_groups WHERE centre_id = ? AND deleted = 0"));
    st.bind(1, store.centreId());
    while (st.step()) {
        known.push_back(vn::fold(st.text(0)).remove(QLatin1Char(' ')));
        for (const QString &a : st.text(1).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            known.push_back(vn::fold(a).remove(QLatin1Char(' ')));
    }

    QStringList out;
    const QStringList pieces = text.split(QRegularExpression(QStringLiteral("[,;/]")));
    for (int i = 0; i < pieces.size();) {
        // Try the longest run of pieces starting here that spells a known group.
        int taken = 0;
        for (int n = pieces.size() - i; n > 0 && !taken; --n) {
            const QString candidate = vn::fold(pieces.mid(i, n).join(QLatin1Char(','))).remove(QLatin1Char(' '));
            if (std::find(known.begin(), known.end(), candidate) != known.end())
                taken = n;
        }
        if (!taken)
            taken = 1;
        const QString name = pieces.mid(i, taken).join(QLatin1Char(',')).simplified();
        if (!name.isEmpty())
            out << name;
        i += taken;
    }
    return out;
}

QString organisationId(Store &store, const QString &nameOrCode, bool create, const QString &field)
{
    return lookup(store, QStringLiteral("organisations"), nameOrCode, create, field);
}

QString addActivity(Store &store, const ActivityInput &in)
{
    store.requireInitialised();
    Transaction tx(store.db());
    const QString id = Store::newId();
    auto next = store.db().prepare(QStringLiteral("SELECT coalesce(max(ord), -1) + 1 FROM activities WHERE centre_id = ? AND month = ?"));
    next.bind(1, store.centreId()).bind(2, in.month);
    next.step();
    const qint64 order = next.integer(0);
    // In the plan of its school year when there is one, so the plan's documents and next year's
    // draft see it like the activities the plan came with.
    const QString plan = planOfMonth(store, in.month);
    store.write(QStringLiteral("activities"), id,
                {{QStringLiteral("plan_id"), plan.isEmpty() ? Value() : Value(plan)},
                 {QStringLiteral("month"), in.month},
                 {QStringLiteral("ord"), order},
                 {QStringLiteral("title"), in.title.trimmed()},
                 {QStringLiteral("kind"), in.kind},
                 {QStringLiteral("group_text"), in.groups.isEmpty() ? Value() : Value(in.groups.join(QStringLiteral(", ")))},
                 {QStringLiteral("partner_text"), in.partners.isEmpty() ? Value() : Value(in.partners.join(QStringLiteral(", ")))},
                 {QStringLiteral("teacher"), in.teacher.isEmpty() ? Value() : Value(in.teacher)},
                 {QStringLiteral("budget"), toValue(in.budget)},
                 {QStringLiteral("planned_participants"), toValue(in.plannedParticipants)},
                 {QStringLiteral("status"), QStringLiteral("planned")},
                 {QStringLiteral("deleted"), 0}});
    for (const QString &g : in.groups)
        link(store, QStringLiteral("activity_groups"), QStringLiteral("activity_id"), id, QStringLiteral("group_id"),
             groupId(store, g, true, QStringLiteral("--group")));
    for (const QString &p : in.partners)
        link(store, QStringLiteral("activity_partners"), QStringLiteral("activity_id"), id, QStringLiteral("organisation_id"),
             organisationId(store, p, true, QStringLiteral("--partner")));
    tx.commit();
    return id;
}

void setActivityField(Store &store, const QString &id, const QString &field, const QString &text)
{
    store.requireInitialised();
    requireRow(store, QStringLiteral("activities"), id, QStringLiteral("ID"));
    const TableDef *t = table(QStringLiteral("activities"));
    const FieldDef *f = t->field(field);
    static const QStringList internal{QStringLiteral("centre_id"), QStringLiteral("plan_id"), QStringLiteral("carried_from"),
                                      QStringLiteral("from_survey")};
    if (!f || internal.contains(field)) {
        QStringList settable;
        for (const FieldDef &d : t->fields)
            if (!internal.contains(d.name))
                settable << d.name;
        throw Error(Error::Code::InvalidInput, Tr::tr("unknown field; one of: %1").arg(settable.join(QStringLiteral(", "))), field);
    }
    std::vector<FieldWrite> writes{{field, parseFieldValue(*f, text)}};
    // A new month in another school year moves the activity to that year's plan (when there is one).
    if (field == QLatin1String("month")) {
        const QString plan = planOfMonth(store, text.trimmed());
        if (!plan.isEmpty())
            writes.push_back({QStringLiteral("plan_id"), plan});
    }
    store.write(QStringLiteral("activities"), id, writes);
}

const std::vector<std::pair<QString, QStringList>> &planTextFields()
{
    static const std::vector<std::pair<QString, QStringList>> f{
        {QStringLiteral("plans"),
         {QStringLiteral("title"), QStringLiteral("doc_number"), QStringLiteral("bases"), QStringLiteral("purpose"), QStringLiteral("advantages"),
          QStringLiteral("difficulties"), QStringLiteral("solutions"), QStringLiteral("recommendations"), QStringLiteral("closing"),
          QStringLiteral("year_end_notes"), QStringLiteral("year_end_recommendations")}},
        {QStringLiteral("quarterly_tasks"), {QStringLiteral("text"), QStringLiteral("quarter")}},
        {QStringLiteral("targets"), {QStringLiteral("text"), QStringLiteral("section"), QStringLiteral("threshold_pct"), QStringLiteral("result_note")}},
        {QStringLiteral("organisations"), {QStringLiteral("role")}},
    };
    return f;
}

void setPlanText(Store &store, const QString &tableName, const QString &id, const QString &field, const QString &text)
{
    store.requireInitialised();
    const auto &all = planTextFields();
    auto it = std::find_if(all.begin(), all.end(), [&](const auto &e) { return e.first == tableName; });
    if (it == all.end())
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a part of the plan").arg(tableName), QStringLiteral("table"));
    if (!it->second.contains(field))
        throw Error(Error::Code::InvalidInput, Tr::tr("unknown field; one of: %1").arg(it->second.join(QStringLiteral(", "))), field);
    requireRow(store, tableName, id, QStringLiteral("ID"));
    const TableDef *t = table(tableName);
    QString value = text;
    value.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (field == QLatin1String("quarter")) {
        static const QRegularExpression quarter(QStringLiteral("^\\d{4}-Q[1-4]$"));
        if (!quarter.match(value.trimmed()).hasMatch())
            throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a quarter of the form YYYY-Qn (for example 2017-Q4)").arg(value),
                        tableName + QStringLiteral(".quarter"));
    }
    store.write(tableName, id, {{field, parseFieldValue(*t->field(field), value)}});
}

int deletePlan(Store &store, const QString &schoolYear)
{
    store.requireInitialised();
    const QString plan = planId(store, schoolYear);
    if (plan.isEmpty())
        throw Error(Error::Code::NotFound, Tr::tr("there is no plan for the school year %1").arg(schoolYear), QStringLiteral("--year"));
    Transaction tx(store.db());
    int rows = 0;
    for (const char *table : {"signatories", "quarterly_tasks", "targets", "activities"}) {
        QStringList ids;
        auto st = store.db().prepare(QStringLiteral("SELECT id FROM %1 WHERE plan_id = ? AND deleted = 0").arg(QLatin1String(table)));
        st.bind(1, plan);
        while (st.step())
            ids << st.text(0);
        for (const QString &id : ids)
            rows += store.remove(QLatin1String(table), id) > 0;
    }
    store.remove(QStringLiteral("plans"), plan);
    tx.commit();
    return rows + 1;
}

QString addQuarterlyTask(Store &store, const QString &schoolYear, const QString &quarter, const QString &text)
{
    store.requireInitialised();
    const QString plan = planId(store, schoolYear);
    if (plan.isEmpty())
        throw Error(Error::Code::NotFound, Tr::tr("there is no plan for the school year %1").arg(schoolYear), QStringLiteral("--year"));
    static const QRegularExpression re(QStringLiteral("^\\d{4}-Q[1-4]$"));
    if (!re.match(quarter).hasMatch())
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a quarter of the form YYYY-Qn (for example 2017-Q4)").arg(quarter),
                    QStringLiteral("quarterly_tasks.quarter"));
    auto st = store.db().prepare(QStringLiteral("SELECT coalesce(max(ord), -1) + 1 FROM quarterly_tasks WHERE plan_id = ? AND quarter = ?"));
    st.bind(1, plan).bind(2, quarter);
    st.step();
    const QString id = Store::newId();
    store.write(QStringLiteral("quarterly_tasks"), id,
                {{QStringLiteral("plan_id"), plan}, {QStringLiteral("quarter"), quarter}, {QStringLiteral("ord"), st.integer(0)},
                 {QStringLiteral("text"), text.trimmed()}, {QStringLiteral("deleted"), 0}});
    return id;
}

QString addTarget(Store &store, const QString &schoolYear, const QString &section, const QString &text, qint64 thresholdPct)
{
    store.requireInitialised();
    const QString plan = planId(store, schoolYear);
    if (plan.isEmpty())
        throw Error(Error::Code::NotFound, Tr::tr("there is no plan for the school year %1").arg(schoolYear), QStringLiteral("--year"));
    auto st = store.db().prepare(QStringLiteral("SELECT coalesce(max(ord), -1) + 1 FROM targets WHERE plan_id = ?"));
    st.bind(1, plan);
    st.step();
    const QString id = Store::newId();
    // A target added by hand is measured by hand: the director enters the number at the year's end.
    store.write(QStringLiteral("targets"), id,
                {{QStringLiteral("plan_id"), plan}, {QStringLiteral("section"), section.trimmed().isEmpty() ? Value() : Value(section.trimmed())},
                 {QStringLiteral("ord"), st.integer(0)}, {QStringLiteral("text"), text.trimmed()}, {QStringLiteral("metric"), QStringLiteral("manual")},
                 {QStringLiteral("threshold_pct"), thresholdPct}, {QStringLiteral("deleted"), 0}});
    return id;
}

QString addSession(Store &store, const QString &activityId, const QString &startsAt, const QString &place,
                   const QString &endsAt, const QString &facilitator)
{
    store.requireInitialised();
    requireRow(store, QStringLiteral("activities"), activityId, QStringLiteral("ACTIVITY_ID"));
    const QString id = Store::newId();
    auto opt = [](const QString &s) { return s.trimmed().isEmpty() ? Value() : Value(s.trimmed()); };
    store.write(QStringLiteral("sessions"), id,
                {{QStringLiteral("activity_id"), activityId},
                 {QStringLiteral("starts_at"), startsAt},
                 {QStringLiteral("ends_at"), opt(endsAt)},
                 {QStringLiteral("place"), opt(place)},
                 {QStringLiteral("facilitator"), opt(facilitator)},
                 {QStringLiteral("deleted"), 0}});
    return id;
}

QString parseSex(const QString &text, const QString &field, int line)
{
    const QString s = vn::fold(text);
    if (s.isEmpty())
        return {};
    if (s == QLatin1String("m") || s == QLatin1String("nam") || s == QLatin1String("male"))
        return QStringLiteral("m");
    if (s == QLatin1String("f") || s == QLatin1String("nu") || s == QLatin1String("female"))
        return QStringLiteral("f");
    throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a sex: write Nam or Nữ (m or f)").arg(text), field, line);
}

QString addPerson(Store &store, const PersonInput &in, const QString &givenId)
{
    store.requireInitialised();
    Transaction tx(store.db());
    const QString id = givenId.isEmpty() ? Store::newId() : givenId;
    auto opt = [](const QString &s) { return s.trimmed().isEmpty() ? Value() : Value(s.trimmed()); };
    store.write(QStringLiteral("people"), id,
                {{QStringLiteral("full_name"), in.fullName.simplified()},
                 {QStringLiteral("sex"), opt(in.sex)},
                 {QStringLiteral("birth_year"), toValue(in.birthYear)},
                 {QStringLiteral("khu"), opt(in.khu)},
                 {QStringLiteral("phone"), opt(in.phone)},
                 {QStringLiteral("note"), opt(in.note)},
                 {QStringLiteral("deleted"), 0}});
    for (const QString &g : in.groups)
        link(store, QStringLiteral("person_groups"), QStringLiteral("person_id"), id, QStringLiteral("group_id"),
             groupId(store, g, true, QStringLiteral("--group")));
    tx.commit();
    return id;
}

void updatePerson(Store &store, const QString &id, const PersonInput &in)
{
    store.requireInitialised();
    requireRow(store, QStringLiteral("people"), id, QStringLiteral("PERSON_ID"));
    Transaction tx(store.db());
    addPerson(store, in, id); // the same fields, written over the row (unchanged ones record no change)
    // Groups: exactly the ones given. Links no longer wanted are deleted (an ordinary, synced write).
    QSet<QString> wanted;
    for (const QString &g : in.groups)
        wanted.insert(groupId(store, g, true, QStringLiteral("--group")));
    auto st = store.db().prepare(QStringLiteral("SELECT id, group_id FROM person_groups WHERE person_id = ? AND deleted = 0"));
    st.bind(1, id);
    QStringList unwanted;
    while (st.step())
        if (!wanted.contains(st.text(1)))
            unwanted << st.text(0);
    for (const QString &link : unwanted)
        store.remove(QStringLiteral("person_groups"), link);
    tx.commit();
}

void updateActivity(Store &store, const QString &id, const std::vector<std::pair<QString, QString>> &fields)
{
    Transaction tx(store.db());
    for (const auto &[field, text] : fields)
        setActivityField(store, id, field, text);
    tx.commit();
}

QString markAttendance(Store &store, const QString &sessionId, const QString &personId, const QString &status)
{
    store.requireInitialised();
    requireRow(store, QStringLiteral("sessions"), sessionId, QStringLiteral("SESSION_ID"));
    requireRow(store, QStringLiteral("people"), personId, QStringLiteral("PERSON_ID"));
    const QString id = Store::naturalId(QStringLiteral("attendance"), sessionId, personId);
    store.write(QStringLiteral("attendance"), id,
                {{QStringLiteral("session_id"), sessionId},
                 {QStringLiteral("person_id"), personId},
                 {QStringLiteral("status"), status},
                 {QStringLiteral("deleted"), 0}});
    return id;
}

std::vector<ActivityRow> activities(Store &store, const QString &month)
{
    std::vector<ActivityRow> rows;
    // One rule for participants everywhere: the report figures'.
    for (const ActivityFigures &f : reports::activityFiguresBetween(store, month.isEmpty() ? QStringLiteral("0000-00") : month,
                                                                     month.isEmpty() ? QStringLiteral("9999-99") : month)) {
        ActivityRow r;
        r.id = f.id;
        r.month = f.month;
        r.title = f.title;
        r.kind = f.kind;
        r.status = f.status;
        r.groupText = f.groupText;
        r.partnerText = f.partnerText;
        r.teacher = f.teacher;
        r.budget = f.budget;
        r.plannedParticipants = f.plannedParticipants;
        r.sessions = f.sessionsPlanned;
        r.participants = f.participants;
        rows.push_back(std::move(r));
    }
    return rows;
}

QSet<QString> expectedPeople(Store &store, const QString &activityId)
{
    QSet<QString> out;
    // The "all residents" group is the learner_groups.everyone flag of a live group: read here and in
    // reports::yearFigures' targets the same way.
    auto everyone = store.db().prepare(QStringLiteral("SELECT 1 FROM activity_groups ag JOIN learner_groups g ON g.id = ag.group_id "
                                                      "WHERE ag.activity_id = ? AND ag.deleted = 0 AND g.deleted = 0 AND coalesce(g.everyone, 0) = 1 LIMIT 1"));
    everyone.bind(1, activityId);
    const bool all = everyone.step();
    // Two plain queries that use the indexes, rather than one with a correlated EXISTS per person.
    auto st = store.db().prepare(all ? QStringLiteral("SELECT id FROM people WHERE centre_id = ?1 AND deleted = 0 AND ?2 IS NOT NULL")
                                     : QStringLiteral("SELECT DISTINCT p.id FROM activity_groups ag JOIN learner_groups g ON g.id = ag.group_id "
                                                      "JOIN person_groups pg ON pg.group_id = ag.group_id "
                                                      "JOIN people p ON p.id = pg.person_id WHERE p.centre_id = ?1 AND ag.activity_id = ?2 "
                                                      "AND ag.deleted = 0 AND g.deleted = 0 AND pg.deleted = 0 AND p.deleted = 0"));
    st.bind(1, store.centreId()).bind(2, activityId);
    while (st.step())
        out.insert(st.text(0));
    return out;
}

QString currentSchoolYear(Store &store)
{
    if (!store.isInitialised())
        return {};
    // The plan of today's school year; else the latest plan that is not a draft of a year still to
    // come (drafting next year's plan must not move the screens off the year being run); else the latest.
    const QDate today = QDateTime::fromMSecsSinceEpoch(store.clock().wallMillis()).date();
    const int first = today.month() >= 9 ? today.year() : today.year() - 1;
    auto st = store.db().prepare(QStringLiteral(
        "SELECT school_year FROM plans WHERE centre_id = ? AND deleted = 0 AND school_year IS NOT NULL "
        "ORDER BY school_year = ? DESC, carried_from IS NULL DESC, school_year DESC LIMIT 1"));
    st.bind(1, store.centreId()).bind(2, QStringLiteral("%1-%2").arg(first).arg(first + 1));
    return st.step() ? st.text(0) : QString();
}

QString firstMonthOfCurrentYear(Store &store)
{
    const QString year = currentSchoolYear(store);
    if (year.isEmpty())
        return {};
    auto st = store.db().prepare(QStringLiteral("SELECT min(a.month) FROM activities a JOIN plans p ON p.id = a.plan_id "
                                                "WHERE a.centre_id = ? AND a.deleted = 0 AND p.deleted = 0 AND p.school_year = ?"));
    st.bind(1, store.centreId()).bind(2, year);
    return st.step() ? st.text(0) : QString();
}

std::vector<SessionRow> sessions(Store &store, const QString &activityId)
{
    std::vector<SessionRow> rows;
    // The counting rule of reports.cpp (PresentMarks): live marks of live people.
    auto st = store.db().prepare(QStringLiteral(
        "SELECT s.id, s.starts_at, coalesce(s.ends_at, ''), coalesce(s.place, ''), coalesce(s.facilitator, ''), "
        "  (SELECT count(*) FROM attendance m JOIN people p ON p.id = m.person_id AND p.deleted = 0 "
        "   WHERE m.session_id = s.id AND m.deleted = 0), "
        "  (SELECT count(*) FROM attendance m JOIN people p ON p.id = m.person_id AND p.deleted = 0 "
        "   WHERE m.session_id = s.id AND m.deleted = 0 AND m.status IN ('present', 'late')), "
        "  coalesce(s.headcount, 0) "
        "FROM sessions s WHERE s.activity_id = ? AND s.deleted = 0 ORDER BY s.starts_at, s.id"));
    st.bind(1, activityId);
    while (st.step()) {
        SessionRow r;
        r.id = st.text(0);
        r.startsAt = st.text(1);
        r.endsAt = st.text(2);
        r.place = st.text(3);
        r.facilitator = st.text(4);
        r.headcount = int(st.integer(7));
        r.taken = st.integer(5) > 0 || r.headcount > 0;
        r.present = int(st.integer(6)) + r.headcount;
        rows.push_back(std::move(r));
    }
    return rows;
}

qint64 lastMarkChangeMs(Store &store, const QString &sessionId)
{
    // A mark's fields' versions: in the mark itself (written at once) or a clock row each (edited).
    // CROSS JOIN: from the session's marks to their clocks, not through every attendance clock.
    auto st = store.db().prepare(QStringLiteral(
        "SELECT max(coalesce((SELECT max(clock_hlc) FROM attendance WHERE session_id = ?2), 0), "
        "           coalesce((SELECT max(fc.hlc) FROM attendance a CROSS JOIN field_clock fc ON fc.tbl = ?1 AND fc.row_id = a.id "
        "                     WHERE a.session_id = ?2), 0))"));
    st.bind(1, qint64(table(QStringLiteral("attendance"))->code)).bind(2, sessionId);
    return st.step() && st.integer(0) > 0 ? HybridClock::millis(st.integer(0)) : 0;
}

QStringList textLines(const QString &text)
{
    QStringList out;
    for (const QString &l : text.split(QLatin1Char('\n')))
        if (!l.trimmed().isEmpty())
            out << l.trimmed();
    return out;
}

QStringList planYears(Store &store)
{
    QStringList years;
    auto st = store.db().prepare(QStringLiteral("SELECT DISTINCT school_year FROM plans WHERE centre_id = ? AND deleted = 0 "
                                                "AND school_year IS NOT NULL ORDER BY school_year"));
    st.bind(1, store.centreId());
    while (st.step())
        years << st.text(0);
    return years;
}

QString planId(Store &store, const QString &schoolYear)
{
    auto st = store.db().prepare(QStringLiteral("SELECT id FROM plans WHERE centre_id = ? AND school_year = ? AND deleted = 0 ORDER BY id LIMIT 1"));
    st.bind(1, store.centreId()).bind(2, schoolYear);
    return st.step() ? st.text(0) : QString();
}

std::vector<std::pair<QString, QString>> quarterlyTasks(Store &store, const QString &schoolYear)
{
    std::vector<std::pair<QString, QString>> out;
    auto st = store.db().prepare(QStringLiteral("SELECT t.quarter, t.text FROM quarterly_tasks t JOIN plans p ON p.id = t.plan_id "
                                                "WHERE p.centre_id = ? AND p.deleted = 0 AND p.school_year = ? AND t.deleted = 0 ORDER BY t.quarter, t.ord"));
    st.bind(1, store.centreId()).bind(2, schoolYear);
    while (st.step())
        out.emplace_back(st.text(0), st.text(1));
    return out;
}

QHash<QString, QString> sessionMarks(Store &store, const QString &sessionId)
{
    QHash<QString, QString> out;
    auto st = store.db().prepare(QStringLiteral("SELECT person_id, status FROM attendance WHERE session_id = ? AND deleted = 0"));
    st.bind(1, sessionId);
    while (st.step())
        out.insert(st.text(0), st.text(1));
    return out;
}

namespace {
QHash<QString, RowSync> syncStates(Statement &st)
{
    QHash<QString, RowSync> out;
    while (st.step())
        out.insert(st.text(0), RowSync{st.integer(1) != 0, st.text(2)});
    return out;
}
} // namespace

QHash<QString, RowSync> markSyncStates(Store &store, const QString &sessionId)
{
    // A mark's changes of one field each (by the outbox's (table, row, field) index), and its
    // creation packed in one row, found by the stamp of the mark's own clock (migration 13); never
    // refused as a packed row (a refused field leaves it). CROSS JOIN keeps SQLite from walking every
    // waiting attendance change (100 ms at 60,000 marks).
    auto st = store.db().prepare(QStringLiteral(
        "SELECT person_id, max(ok), coalesce(max(error), '') FROM ("
        "  SELECT a.person_id, o.error IS NULL AS ok, o.error FROM attendance a "
        "  CROSS JOIN outbox o ON o.tbl = ?1 AND o.row_id = a.id AND o.field >= 0 WHERE a.session_id = ?2 "
        "  UNION ALL SELECT a.person_id, p.error IS NULL, p.error FROM attendance a "
        "  CROSS JOIN outbox p ON p.field = -1 AND p.hlc = a.clock_hlc AND p.tbl = ?1 AND p.row_id = a.id "
        "  WHERE a.session_id = ?2) GROUP BY person_id"));
    st.bind(1, qint64(table(QStringLiteral("attendance"))->code)).bind(2, sessionId);
    return syncStates(st);
}

QHash<QString, RowSync> personSyncStates(Store &store)
{
    // As markSyncStates: a person's changes of one field each, and the creation packed in one row.
    auto st = store.db().prepare(QStringLiteral(
        "SELECT row_id, max(ok), coalesce(max(error), '') FROM ("
        "  SELECT row_id, error IS NULL AS ok, error FROM outbox WHERE tbl = ?1 AND field >= 0 "
        "  UNION ALL SELECT p.id, o.error IS NULL, o.error FROM people p "
        "  CROSS JOIN outbox o ON o.field = -1 AND o.hlc = p.clock_hlc AND o.tbl = ?1 AND o.row_id = p.id) GROUP BY row_id"));
    st.bind(1, qint64(table(QStringLiteral("people"))->code));
    return syncStates(st);
}

void unmark(Store &store, const QString &sessionId, const QString &personId)
{
    const QString id = Store::naturalId(QStringLiteral("attendance"), sessionId, personId);
    if (store.exists(QStringLiteral("attendance"), id))
        store.remove(QStringLiteral("attendance"), id);
}

std::vector<PersonRow> findPeople(Store &store, const QString &query, const QSet<QString> *only)
{
    std::vector<PersonRow> rows;
    // SQL narrows by the longest folded word; vn::nameMatches decides word by word.
    const QStringList words = vn::fold(query).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString longest;
    for (const QString &w : words)
        if (w.size() > longest.size())
            longest = w;
    auto st = store.db().prepare(QStringLiteral(
        "SELECT p.id, p.full_name, p.sex, p.birth_year, p.khu, p.phone, p.note, "
        "  (SELECT group_concat(g.name, char(31)) FROM person_groups pg JOIN learner_groups g ON g.id = pg.group_id "
        "     WHERE pg.person_id = p.id AND pg.deleted = 0 AND g.deleted = 0) "
        "FROM people p WHERE p.centre_id = ? AND p.deleted = 0 AND instr(p.search_key, ?) > 0"));
    st.bind(1, store.centreId()).bind(2, longest);
    while (st.step()) {
        PersonRow r;
        if (only && !only->contains(st.text(0)))
            continue;
        r.fullName = st.text(1);
        if (!vn::nameMatches(r.fullName, query))
            continue;
        r.id = st.text(0);
        r.sex = st.text(2);
        r.birthYear = st.optionalInteger(3);
        r.khu = st.text(4);
        r.phone = st.text(5);
        r.note = st.text(6);
        r.groups = st.text(7).split(QChar(31), Qt::SkipEmptyParts); // names may hold commas
        rows.push_back(std::move(r));
    }
    // Sort keys computed once per person: collating 3,000 names pairwise is slow.
    const vn::NameOrder order;
    std::vector<std::pair<std::pair<QCollatorSortKey, QCollatorSortKey>, size_t>> keys;
    keys.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        keys.emplace_back(order.sortKey(rows[i].fullName), i);
    std::stable_sort(keys.begin(), keys.end(), [&rows](const auto &a, const auto &b) {
        int c = a.first.first.compare(b.first.first);
        if (c == 0)
            c = a.first.second.compare(b.first.second);
        return c != 0 ? c < 0 : rows[a.second].id < rows[b.second].id;
    });
    std::vector<PersonRow> sorted;
    sorted.reserve(rows.size());
    for (const auto &k : keys)
        sorted.push_back(std::move(rows[k.second]));
    return sorted;
}

void setManualTarget(Store &store, const QString &targetId, std::optional<qint64> numerator, std::optional<qint64> denominator)
{
    if (!store.exists(QStringLiteral("targets"), targetId) || store.value(QStringLiteral("targets"), targetId, QStringLiteral("deleted")).toInt() != 0)
        throw Error(Error::Code::NotFound, Tr::tr("no such target"), QStringLiteral("target"));
    if (store.value(QStringLiteral("targets"), targetId, QStringLiteral("metric")).toText() != QLatin1String("manual"))
        throw Error(Error::Code::InvalidInput, Tr::tr("this target is counted from attendance, not entered by hand"), QStringLiteral("target"));
    if (numerator.has_value() != denominator.has_value())
        throw Error(Error::Code::InvalidInput, Tr::tr("give both numbers, or neither"), numerator ? QStringLiteral("manual_denominator") : QStringLiteral("manual_numerator"));
    if (numerator && *numerator < 0)
        throw Error(Error::Code::InvalidInput, Tr::tr("must not be negative"), QStringLiteral("manual_numerator"));
    if (denominator && *denominator <= 0)
        throw Error(Error::Code::InvalidInput, Tr::tr("must be more than 0"), QStringLiteral("manual_denominator"));
    if (numerator && *numerator > *denominator)
        throw Error(Error::Code::InvalidInput, Tr::tr("cannot be more than the %1 it is out of").arg(vn::formatNumber(*denominator)), QStringLiteral("manual_numerator"));
    store.write(QStringLiteral("targets"), targetId,
                {{QStringLiteral("manual_numerator"), numerator ? Value(*numerator) : Value()},
                 {QStringLiteral("manual_denominator"), denominator ? Value(*denominator) : Value()}});
}

bool undoWalkIn(Store &store, const QString &sessionId, const QString &personId)
{
    Transaction tx(store.db());
    unmark(store, sessionId, personId);
    auto used = store.db().prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM attendance WHERE person_id = ?1 AND deleted = 0 AND session_id <> ?2) "
        "     + (SELECT count(*) FROM person_groups WHERE person_id = ?1 AND deleted = 0)"));
    used.bind(1, personId).bind(2, sessionId);
    used.step();
    const bool remove = used.integer(0) == 0;
    if (remove)
        store.write(QStringLiteral("people"), personId, {{QStringLiteral("deleted"), qint64(1)}});
    tx.commit();
    return remove;
}

namespace {
/// The texts one query of the centre gives (its centre id bound to ?), in Vietnamese order.
QStringList sortedTexts(Store &store, const QString &sql, bool numbers)
{
    QStringList out;
    auto st = store.db().prepare(sql);
    st.bind(1, store.centreId());
    while (st.step())
        out << st.text(0);
    vn::sortTexts(out, numbers);
    return out;
}
} // namespace

QStringList khuValues(Store &store)
{
    return sortedTexts(store, QStringLiteral("SELECT DISTINCT trim(khu) FROM people WHERE deleted = 0 AND centre_id = ? AND trim(coalesce(khu, '')) <> ''"), true);
}

QStringList groupNames(Store &store)
{
    return sortedTexts(store, QStringLiteral("SELECT name FROM learner_groups WHERE deleted = 0 AND centre_id = ? AND coalesce(name, '') <> ''"), false);
}

QStringList activityGroupTexts(Store &store)
{
    return sortedTexts(store, QStringLiteral("SELECT DISTINCT trim(group_text) FROM activities WHERE deleted = 0 AND centre_id = ? AND trim(coalesce(group_text, '')) <> ''"), false);
}

QStringList activityPartnerTexts(Store &store)
{
    return sortedTexts(store, QStringLiteral("SELECT DISTINCT trim(partner_text) FROM activities WHERE deleted = 0 AND centre_id = ? AND trim(coalesce(partner_text, '')) <> ''"), false);
}

QStringList sessionPlaces(Store &store)
{
    return sortedTexts(store, QStringLiteral("SELECT DISTINCT trim(place) FROM sessions WHERE deleted = 0 AND centre_id = ? AND trim(coalesce(place, '')) <> ''"), false);
}

} // namespace clc::records
