#include "plandraft.h"
#include "database.h"
#include "error.h"
#include "hybridclock.h"
#include "records.h"
#include "reports.h"
#include "store.h"
#include "survey.h"
#include "translate.h"
#include "vietnamese.h"

#include <QRegularExpression>
#include <functional>

namespace clc::plans {

namespace {

/// The stamp of drafted rows (DraftMillis, plandraft.h).
const qint64 DraftStamp = HybridClock::pack(DraftMillis, 0);

int firstYearOf(const QString &schoolYear, const QString &field)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{4})$"));
    const auto m = re.match(schoolYear);
    if (!m.hasMatch() || m.captured(2).toInt() != m.captured(1).toInt() + 1)
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a school year of the form 2017-2018").arg(schoolYear), field);
    return m.captured(1).toInt();
}

QString shiftMonth(const QString &month, int years)
{
    return QStringLiteral("%1%2").arg(month.left(4).toInt() + years).arg(month.mid(4));
}

QString shiftQuarter(const QString &quarter, int years)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})(-Q[1-4])$"));
    const auto m = re.match(quarter);
    return m.hasMatch() ? QString::number(m.captured(1).toInt() + years) + m.captured(2) : quarter;
}

} // namespace

QString shiftYears(const QString &text, int firstYear, int years, bool keepDates)
{
    // A year: alone, in a pair ("2017 - 2018"), or closing a date ("30/5/2018") when dates move too.
    static const QRegularExpression year(QStringLiteral("(?<![\\d/])(\\d{4})(?:(\\s*[-–]\\s*)(\\d{4}))?(?![\\d/])|\\b(\\d{1,2}/(?:\\d{1,2}/)?)(\\d{4})(?![\\d/])"));
    static const QRegularExpression dateBefore(QStringLiteral("(tháng\\s+\\d{1,2}\\s+năm\\s*|[-–]\\s*)$"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression spanBefore(QStringLiteral("[-–]\\s*$"));
    auto ours = [&](int y) { return y == firstYear || y == firstYear + 1; };
    QString out;
    qsizetype at = 0;
    for (auto it = year.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        if (m.hasCaptured(5)) { // the year of a d/m/yyyy date, or of m/yyyy ("tháng 11/2017")
            const int y = m.captured(5).toInt();
            out += !keepDates && ours(y) ? m.captured(4) + QString::number(y + years) : m.captured(0);
            continue;
        }
        const int y1 = m.captured(1).toInt();
        if (m.hasCaptured(3)) {
            // A pair: only this school year moves ("2012-2020" is a programme's span).
            if (y1 == firstYear && m.captured(3).toInt() == firstYear + 1)
                out += QString::number(y1 + years) + m.captured(2) + QString::number(y1 + 1 + years);
            else
                out += m.captured(0);
            continue;
        }
        const QString before = text.left(m.capturedStart());
        const bool frozen = spanBefore.match(before).hasMatch() || (keepDates && dateBefore.match(before).hasMatch());
        out += ours(y1) && !frozen ? QString::number(y1 + years) : m.captured(0);
    }
    out += text.mid(at);
    return out;
}

QString proposalTitle(const QString &topic) { return QStringLiteral("Chuyên đề theo nhu cầu người dân: ") + topic; }

QString proposalId(Store &store, const QString &toYear, const QString &topic)
{
    return store.derivedId(QStringLiteral("draft/%1/survey/%2").arg(toYear, vn::fold(topic)));
}

std::vector<ProposedTopic> proposedTopics(Store &store, const QString &planId)
{
    QStringList ids;
    auto st = store.db().prepare(QStringLiteral("SELECT id FROM surveys WHERE plan_id = ? AND deleted = 0 ORDER BY period DESC, id"));
    st.bind(1, planId);
    while (st.step())
        ids << st.text(0);
    std::vector<ProposedTopic> out;
    if (ids.isEmpty())
        return out;
    const survey::SurveyTally t = survey::tally(store, ids);
    for (const survey::TopicTally &topic : t.topics) {
        if (out.size() == 5 || topic.answers == 0 || topic.answers * 5 < t.answers)
            break; // most chosen first: the rest are chosen less
        out.push_back(ProposedTopic{topic.topic, topic.kind, ids.first(), topic.answers, t.answers, survey::mostChosenMonth(topic)});
    }
    return out;
}

QString nextSchoolYear(const QString &schoolYear)
{
    const int first = schoolYear.left(4).toInt();
    return QStringLiteral("%1-%2").arg(first + 1).arg(first + 2);
}

DraftResult draftNextYear(Store &store, const QString &fromYear, const QString &toYear)
{
    store.requireInitialised();
    const int from = firstYearOf(fromYear, QStringLiteral("--from"));
    const int to = firstYearOf(toYear, QStringLiteral("--year"));
    if (to <= from)
        throw Error(Error::Code::InvalidInput, Tr::tr("must be a school year after %1").arg(fromYear), QStringLiteral("--year"));
    const int years = to - from;
    const QString source = records::planId(store, fromYear);
    if (source.isEmpty())
        throw Error(Error::Code::NotFound, Tr::tr("there is no plan for the school year %1").arg(fromYear), QStringLiteral("--from"));

    const QString planId = store.derivedId(QStringLiteral("plans/") + toYear);
    const QString existing = records::planId(store, toYear);
    if (!existing.isEmpty() && (existing != planId || store.value(QStringLiteral("plans"), planId, QStringLiteral("carried_from")).toText() != source))
        throw Error(Error::Code::InvalidInput, Tr::tr("the school year %1 already has a plan of its own; a draft would mix two plans").arg(toYear),
                    QStringLiteral("--year"));
    if (existing.isEmpty() && store.exists(QStringLiteral("plans"), planId))
        throw Error(Error::Code::InvalidInput, Tr::tr("the plan of %1 was deleted; undo the deletion or import the plan instead").arg(toYear),
                    QStringLiteral("--year"));

    DraftResult r;
    r.planId = planId;
    const QString key = QStringLiteral("draft/%1/").arg(toYear);
    auto derived = [&](const QString &table, const QString &sourceId) { return store.derivedId(key + table + QLatin1Char('/') + sourceId); };
    // Only what is missing is made: a row drafted before stays as it is, edited or deleted.
    auto create = [&](const QString &table, const QString &id, const std::vector<FieldWrite> &fields) {
        if (store.exists(table, id)) {
            ++r.rowsKept;
            return false;
        }
        // Stamped far in the past: a device drafting before it has pulled another's edits of the same
        // draft loses to every one of them, deletions included, instead of writing over them.
        store.write(table, id, fields, DraftStamp);
        ++r.rowsCreated;
        return true;
    };
    // The bases cite the past: their dates stay. Everything else is this year's, dates included.
    auto shifted = [&](const QString &text) { return shiftYears(text, from, years, false); };
    auto shiftedBases = [&](const QString &text) { return shiftYears(text, from, years, true); };
    auto optional = [](const QString &s) { return s.isEmpty() ? Value() : Value(s); };
    auto optionalInt = [](Statement &st, int col) { return st.isNull(col) ? Value() : Value(st.integer(col)); };
    auto field = [&](const QString &table, const QString &id, const char *f) { return store.value(table, id, QLatin1String(f)).toText(); };
    // Copies the links of a row (activity_groups …) to its drafted row.
    auto copyLinks = [&](const QString &table, const QString &ownerField, const QString &otherField, const QString &from, const QString &to) {
        auto st = store.db().prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND deleted = 0").arg(otherField, table, ownerField));
        st.bind(1, from);
        QStringList others;
        while (st.step())
            others << st.text(0);
        for (const QString &other : others)
            create(table, Store::naturalId(table, to, other), {{ownerField, to}, {otherField, other}, {QStringLiteral("deleted"), 0}});
    };

    Transaction tx(store.db());
    const QString plans = QStringLiteral("plans");
    std::vector<FieldWrite> planFields{{QStringLiteral("school_year"), toYear}, {QStringLiteral("carried_from"), source}, {QStringLiteral("deleted"), 0}};
    planFields.push_back({QStringLiteral("bases"), optional(shiftedBases(field(plans, source, "bases")))});
    for (const char *f : {"title", "purpose", "advantages", "difficulties", "solutions", "recommendations", "closing"})
        planFields.push_back({QLatin1String(f), optional(shifted(field(plans, source, f)))});
    create(plans, planId, planFields);

    {
        auto st = store.db().prepare(QStringLiteral("SELECT id, ord, title, note, name FROM signatories WHERE plan_id = ? AND deleted = 0 ORDER BY ord, id"));
        st.bind(1, source);
        while (st.step())
            create(QStringLiteral("signatories"), derived(QStringLiteral("signatories"), st.text(0)),
                   {{QStringLiteral("plan_id"), planId}, {QStringLiteral("ord"), optionalInt(st, 1)}, {QStringLiteral("title"), st.text(2)},
                    {QStringLiteral("note"), optional(st.text(3))}, {QStringLiteral("name"), optional(st.text(4))}, {QStringLiteral("deleted"), 0}});
    }
    {
        auto st = store.db().prepare(QStringLiteral("SELECT id, quarter, ord, text FROM quarterly_tasks WHERE plan_id = ? AND deleted = 0 ORDER BY quarter, ord, id"));
        st.bind(1, source);
        while (st.step())
            create(QStringLiteral("quarterly_tasks"), derived(QStringLiteral("quarterly_tasks"), st.text(0)),
                   {{QStringLiteral("plan_id"), planId}, {QStringLiteral("quarter"), shiftQuarter(st.text(1), years)}, {QStringLiteral("ord"), optionalInt(st, 2)},
                    {QStringLiteral("text"), shifted(st.text(3))}, {QStringLiteral("deleted"), 0}});
    }
    {
        auto st = store.db().prepare(QStringLiteral("SELECT id, section, ord, text, metric, kinds, threshold_pct FROM targets WHERE plan_id = ? AND deleted = 0 ORDER BY ord, id"));
        st.bind(1, source);
        std::vector<std::pair<QString, QString>> made;
        while (st.step()) {
            const QString id = derived(QStringLiteral("targets"), st.text(0));
            create(QStringLiteral("targets"), id,
                   {{QStringLiteral("plan_id"), planId}, {QStringLiteral("section"), optional(st.text(1))}, {QStringLiteral("ord"), optionalInt(st, 2)},
                    {QStringLiteral("text"), shifted(st.text(3))}, {QStringLiteral("metric"), st.text(4)}, {QStringLiteral("kinds"), optional(st.text(5))},
                    {QStringLiteral("threshold_pct"), optionalInt(st, 6)}, {QStringLiteral("carried_from"), st.text(0)}, {QStringLiteral("deleted"), 0}});
            made.emplace_back(st.text(0), id);
        }
        for (const auto &[from, to] : made)
            copyLinks(QStringLiteral("target_groups"), QStringLiteral("target_id"), QStringLiteral("group_id"), from, to);
    }
    {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT id, month, ord, title, kind, group_text, partner_text, teacher, planned_participants, budget "
            "FROM activities WHERE plan_id = ? AND deleted = 0 ORDER BY month, ord, id"));
        st.bind(1, source);
        std::vector<std::pair<QString, QString>> made;
        while (st.step()) {
            const QString id = derived(QStringLiteral("activities"), st.text(0));
            if (create(QStringLiteral("activities"), id,
                       {{QStringLiteral("plan_id"), planId}, {QStringLiteral("month"), shiftMonth(st.text(1), years)},
                        {QStringLiteral("ord"), optionalInt(st, 2)}, {QStringLiteral("title"), shifted(st.text(3))}, {QStringLiteral("kind"), st.text(4)},
                        {QStringLiteral("group_text"), optional(st.text(5))}, {QStringLiteral("partner_text"), optional(st.text(6))},
                        {QStringLiteral("teacher"), optional(st.text(7))}, {QStringLiteral("planned_participants"), optionalInt(st, 8)},
                        {QStringLiteral("budget"), optionalInt(st, 9)}, {QStringLiteral("status"), QStringLiteral("planned")},
                        {QStringLiteral("carried_from"), st.text(0)}, {QStringLiteral("deleted"), 0}}))
                ++r.activitiesCarried;
            made.emplace_back(st.text(0), id);
        }
        for (const auto &[from, to] : made) {
            copyLinks(QStringLiteral("activity_groups"), QStringLiteral("activity_id"), QStringLiteral("group_id"), from, to);
            copyLinks(QStringLiteral("activity_partners"), QStringLiteral("activity_id"), QStringLiteral("organisation_id"), from, to);
        }
    }
    // The survey's most-asked topics, as new activities in the months people said suit them (else
    // the quietest month of the draft, the earliest on a tie).
    const QStringList months = reports::monthsOfSchoolYear(toYear);
    for (const ProposedTopic &p : proposedTopics(store, source)) {
        QString month;
        if (p.month > 0) {
            month = QStringLiteral("%1-%2").arg(p.month >= 9 ? to : to + 1).arg(p.month, 2, 10, QLatin1Char('0'));
        } else {
            qint64 fewest = -1;
            for (const QString &m : months) {
                auto c = store.db().prepare(QStringLiteral("SELECT count(*) FROM activities WHERE plan_id = ? AND month = ? AND deleted = 0"));
                c.bind(1, planId).bind(2, m);
                c.step();
                if (fewest < 0 || c.integer(0) < fewest) {
                    fewest = c.integer(0);
                    month = m;
                }
            }
        }
        auto ord = store.db().prepare(QStringLiteral("SELECT coalesce(max(ord), -1) + 1 FROM activities WHERE plan_id = ? AND month = ?"));
        ord.bind(1, planId).bind(2, month);
        ord.step();
        // The title is the centre's data, in Vietnamese whatever the device's language (two devices
        // drafting must write the same value).
        if (create(QStringLiteral("activities"), proposalId(store, toYear, p.topic),
                   {{QStringLiteral("plan_id"), planId}, {QStringLiteral("month"), month}, {QStringLiteral("ord"), ord.integer(0)},
                    {QStringLiteral("title"), proposalTitle(p.topic)}, {QStringLiteral("kind"), p.kind},
                    {QStringLiteral("status"), QStringLiteral("planned")}, {QStringLiteral("from_survey"), p.surveyId}, {QStringLiteral("deleted"), 0}}))
            ++r.activitiesProposed;
    }
    tx.commit();
    return r;
}

} // namespace clc::plans
