#include "reports.h"
#include "error.h"
#include "records.h"
#include "schema.h"
#include "store.h"
#include "translate.h"
#include "vietnamese.h"

#include <QDate>
#include <QCollator>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace clc::reports {

QStringList monthsOfSchoolYear(const QString &schoolYear)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{4})$"));
    const auto m = re.match(schoolYear);
    if (!m.hasMatch() || m.captured(2).toInt() != m.captured(1).toInt() + 1)
        throw Error(Error::Code::InvalidInput, Tr::tr("'%1' is not a school year such as 2017-2018").arg(schoolYear), QStringLiteral("--year"));
    QStringList months;
    QDate d(m.captured(1).toInt(), 9, 1);
    for (int i = 0; i < 12; ++i, d = d.addMonths(1))
        months << d.toString(QStringLiteral("yyyy-MM"));
    return months;
}

QString schoolYearOf(const QString &month)
{
    const int y = month.left(4).toInt();
    const int m = month.mid(5, 2).toInt();
    const int start = m >= 9 ? y : y - 1;
    return QStringLiteral("%1-%2").arg(start).arg(start + 1);
}

namespace {

// Present/late marks of live people at live sessions of live activities in the given months.
const char *const PresentMarks =
    "SELECT m.person_id, m.session_id, a.id AS activity_id, a.kind, p.sex, p.khu FROM attendance m "
    "JOIN sessions s ON s.id = m.session_id AND s.deleted = 0 "
    "JOIN activities a ON a.id = s.activity_id AND a.deleted = 0 "
    "JOIN people p ON p.id = m.person_id AND p.deleted = 0 "
    "WHERE m.deleted = 0 AND m.status IN ('present', 'late') AND a.centre_id = ?1 AND a.month BETWEEN ?2 AND ?3";

struct Mark
{
    QString person, session, activity, kind, sex, khu;
};

std::vector<Mark> marks(Store &store, const QString &from, const QString &to)
{
    std::vector<Mark> out;
    auto st = store.db().prepare(QString::fromLatin1(PresentMarks));
    st.bind(1, store.centreId()).bind(2, from).bind(3, to);
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
    return out;
}

} // namespace

std::vector<ActivityFigures> activityFigures(Store &store, const QString &schoolYear, const QString &month)
{
    const QStringList months = monthsOfSchoolYear(schoolYear);
    if (!month.isEmpty() && !months.contains(month))
        throw Error(Error::Code::InvalidInput, Tr::tr("%1 is not in the school year %2").arg(month, schoolYear), QStringLiteral("--month"));
    return activityFiguresBetween(store, month.isEmpty() ? months.first() : month, month.isEmpty() ? months.last() : month);
}

std::vector<ActivityFigures> activityFiguresBetween(Store &store, const QString &from, const QString &to)
{
    std::vector<ActivityFigures> rows;
    QHash<QString, size_t> index;
    {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT a.id, a.month, a.title, a.kind, coalesce(a.group_text, ''), coalesce(a.partner_text, ''), coalesce(a.teacher, ''), "
            "  a.status, a.budget, a.budget_spent, "
            "  (SELECT count(*) FROM sessions s WHERE s.activity_id = a.id AND s.deleted = 0), "
            "  (SELECT coalesce(sum(s.headcount), 0) FROM sessions s WHERE s.activity_id = a.id AND s.deleted = 0), a.planned_participants "
            "FROM activities a WHERE a.centre_id = ? AND a.deleted = 0 AND a.month BETWEEN ? AND ? ORDER BY a.month, a.ord, a.id"));
        st.bind(1, store.centreId()).bind(2, from).bind(3, to);
        while (st.step()) {
            ActivityFigures f;
            f.id = st.text(0);
            f.month = st.text(1);
            f.title = st.text(2);
            f.kind = st.text(3);
            f.groupText = st.text(4);
            f.partnerText = st.text(5);
            f.teacher = st.text(6);
            f.status = st.text(7);
            f.budget = st.optionalInteger(8);
            f.spent = st.optionalInteger(9);
            f.sessionsPlanned = int(st.integer(10));
            f.headcount = int(st.integer(11));
            f.plannedParticipants = st.optionalInteger(12);
            index.insert(f.id, rows.size());
            rows.push_back(f);
        }
    }
    // Held sessions: a present/late mark or a headcount.
    QHash<QString, QSet<QString>> heldSessions, learners;
    {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT s.activity_id, s.id FROM sessions s JOIN activities a ON a.id = s.activity_id "
            "WHERE s.deleted = 0 AND a.deleted = 0 AND a.centre_id = ? AND a.month BETWEEN ? AND ? AND coalesce(s.headcount, 0) > 0"));
        st.bind(1, store.centreId()).bind(2, from).bind(3, to);
        while (st.step())
            heldSessions[st.text(0)].insert(st.text(1));
    }
    for (const Mark &m : marks(store, from, to)) {
        auto it = index.find(m.activity);
        if (it == index.end())
            continue;
        ActivityFigures &f = rows[*it];
        ++f.attendances;
        if (m.sex == QLatin1String("m"))
            ++f.attendancesMale;
        else if (m.sex == QLatin1String("f"))
            ++f.attendancesFemale;
        learners[m.activity].insert(m.person);
        heldSessions[m.activity].insert(m.session);
    }
    for (ActivityFigures &f : rows) {
        f.learners = int(learners.value(f.id).size());
        f.participants = f.learners + f.headcount;
        f.attendances += f.headcount;
        f.sessionsHeld = int(heldSessions.value(f.id).size());
        f.held = f.status == QLatin1String("done") || f.sessionsHeld > 0;
    }
    return rows;
}

YearFigures yearFigures(Store &store, const QString &schoolYear)
{
    YearFigures y;
    y.schoolYear = schoolYear;
    y.activities = activityFigures(store, schoolYear);
    const QStringList months = monthsOfSchoolYear(schoolYear);
    const std::vector<Mark> all = marks(store, months.first(), months.last());

    // By kind, with a total row.
    YearFigures::KindRow total;
    for (const QString &kind : kinds::all()) {
        YearFigures::KindRow k;
        k.kind = kind;
        QSet<QString> people;
        for (const ActivityFigures &a : y.activities) {
            if (a.kind != kind || a.status == QLatin1String("cancelled"))
                continue;
            ++k.activitiesPlanned;
            k.activitiesHeld += a.held;
            k.sessionsPlanned += a.sessionsPlanned;
            k.sessionsHeld += a.sessionsHeld;
            k.attendances += a.attendances;
        }
        for (const Mark &m : all)
            if (m.kind == kind)
                people.insert(m.person);
        k.learners = int(people.size());
        total.activitiesPlanned += k.activitiesPlanned;
        total.activitiesHeld += k.activitiesHeld;
        total.sessionsPlanned += k.sessionsPlanned;
        total.sessionsHeld += k.sessionsHeld;
        total.attendances += k.attendances;
        y.byKind.push_back(k);
    }
    QSet<QString> everyone;
    for (const Mark &m : all)
        everyone.insert(m.person);
    total.learners = int(everyone.size());
    y.byKind.push_back(total);

    // By kind × the learner's groups (a person in two groups counts in both).
    QHash<QString, QStringList> groupsOf;
    {
        auto st = store.db().prepare(QStringLiteral("SELECT pg.person_id, g.name FROM person_groups pg JOIN learner_groups g ON g.id = pg.group_id "
                                                    "WHERE pg.deleted = 0 AND g.deleted = 0 AND g.centre_id = ? ORDER BY g.name"));
        st.bind(1, store.centreId());
        while (st.step())
            groupsOf[st.text(0)] << st.text(1);
    }
    QMap<std::pair<QString, QString>, std::pair<int, QSet<QString>>> cells;
    QMap<QString, std::pair<int, QSet<QString>>> sexes, khus;
    for (const Mark &m : all) {
        QStringList groups = groupsOf.value(m.person);
        if (groups.isEmpty())
            groups << Tr::tr("(no group)");
        for (const QString &g : groups) {
            auto &cell = cells[{m.kind, g}];
            ++cell.first;
            cell.second.insert(m.person);
        }
        const QString sex = m.sex == QLatin1String("m") ? Tr::tr("Male") : m.sex == QLatin1String("f") ? Tr::tr("Female") : Tr::tr("(not recorded)");
        ++sexes[sex].first;
        sexes[sex].second.insert(m.person);
        const QString khu = m.khu.isEmpty() ? Tr::tr("(not recorded)") : m.khu;
        ++khus[khu].first;
        khus[khu].second.insert(m.person);
    }
    for (const QString &kind : kinds::all())
        for (auto it = cells.cbegin(); it != cells.cend(); ++it)
            if (it.key().first == kind)
                y.byKindAndGroup.push_back({kind, Tally{it.key().second, it.value().first, int(it.value().second.size())}});
    for (auto it = sexes.cbegin(); it != sexes.cend(); ++it)
        y.bySex.push_back({it.key(), it.value().first, int(it.value().second.size())});
    for (auto it = khus.cbegin(); it != khus.cend(); ++it)
        y.byKhu.push_back({it.key(), it.value().first, int(it.value().second.size())});
    // "Khu 2" before "Khu 10": Vietnamese collation with numbers compared as numbers.
    QCollator collator(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    collator.setNumericMode(true);
    std::sort(y.byKhu.begin(), y.byKhu.end(), [&collator](const Tally &a, const Tally &b) { return collator.compare(a.label, b.label) < 0; });

    // Every live person and the ids of their groups, read once for all targets.
    QHash<QString, QSet<QString>> groupIdsOf;
    {
        auto ps = store.db().prepare(QStringLiteral("SELECT p.id, pg.group_id FROM people p LEFT JOIN person_groups pg ON pg.person_id = p.id AND pg.deleted = 0 "
                                                    "WHERE p.centre_id = ? AND p.deleted = 0"));
        ps.bind(1, store.centreId());
        while (ps.step()) {
            QSet<QString> &g = groupIdsOf[ps.text(0)];
            if (!ps.isNull(1))
                g.insert(ps.text(1));
        }
    }
    // Targets of the year's plan, measured.
    auto st = store.db().prepare(QStringLiteral(
        "SELECT t.id, coalesce(t.section, ''), t.text, t.metric, coalesce(t.kinds, ''), coalesce(t.threshold_pct, 0), "
        "  t.manual_numerator, t.manual_denominator FROM targets t JOIN plans p ON p.id = t.plan_id "
        "WHERE t.centre_id = ? AND t.deleted = 0 AND p.school_year = ? ORDER BY t.ord, t.id"));
    st.bind(1, store.centreId()).bind(2, schoolYear);
    while (st.step()) {
        TargetFigures t;
        const QString id = st.text(0);
        t.section = st.text(1);
        t.text = st.text(2);
        t.metric = st.text(3);
        const QStringList targetKinds = st.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.threshold = int(st.integer(5));
        if (t.metric == QLatin1String("manual")) {
            t.numerator = st.optionalInteger(6);
            t.denominator = st.optionalInteger(7);
        } else {
            // Denominator: the people of the target's groups (all residents when a group is "everyone").
            bool everyoneGroup = false;
            QSet<QString> groupIds;
            auto gs = store.db().prepare(QStringLiteral("SELECT g.id, coalesce(g.everyone, 0) FROM target_groups tg JOIN learner_groups g ON g.id = tg.group_id "
                                                        "WHERE tg.target_id = ? AND tg.deleted = 0 AND g.deleted = 0"));
            gs.bind(1, id);
            while (gs.step()) {
                groupIds.insert(gs.text(0));
                everyoneGroup = everyoneGroup || gs.integer(1) != 0;
            }
            QSet<QString> population;
            for (auto it = groupIdsOf.cbegin(); it != groupIdsOf.cend(); ++it)
                if (everyoneGroup || it.value().intersects(groupIds))
                    population.insert(it.key());
            QSet<QString> reached;
            for (const Mark &m : all)
                if (population.contains(m.person) && (targetKinds.isEmpty() || targetKinds.contains(m.kind)))
                    reached.insert(m.person);
            t.numerator = reached.size();
            t.denominator = population.size();
        }
        if (t.numerator && t.denominator && *t.denominator > 0) {
            t.percent = 100.0 * double(*t.numerator) / double(*t.denominator);
            t.met = t.percent + 1e-9 >= t.threshold;
        }
        y.targets.push_back(t);
    }
    for (const ActivityFigures &a : y.activities) {
        y.budgetPlanned += a.budget.value_or(0);
        y.budgetSpent += a.spent.value_or(0);
    }
    return y;
}

} // namespace clc::reports
