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

// Present/late marks of live people at live sessions of live activities in the given months. Rows are
// keyed by SQLite rowids (integers): 60,000 marks are hashed and counted many times below, and uuid
// strings made that the slow part (docs/performance.md).
const char *const PresentMarks =
    "SELECT p.rowid, s.rowid, a.rowid, a.kind FROM attendance m "
    "JOIN sessions s ON s.id = m.session_id AND s.deleted = 0 "
    "JOIN activities a ON a.id = s.activity_id AND a.deleted = 0 "
    "JOIN people p ON p.id = m.person_id AND p.deleted = 0 "
    "WHERE m.deleted = 0 AND m.status IN ('present', 'late') AND a.centre_id = ?1 AND a.month BETWEEN ?2 AND ?3";

struct Mark
{
    qint64 person, session, activity;
    int kind; // index in kinds::all(), -1 if unknown
};

std::vector<Mark> marks(Store &store, const QString &from, const QString &to)
{
    std::vector<Mark> out;
    const QStringList &kinds = kinds::all();
    auto st = store.db().prepare(QString::fromLatin1(PresentMarks));
    st.bind(1, store.centreId()).bind(2, from).bind(3, to);
    QString lastKind;
    int lastKindIndex = -1;
    while (st.step()) {
        const QString kind = st.text(3);
        if (kind != lastKind) {
            lastKind = kind;
            lastKindIndex = int(kinds.indexOf(kind));
        }
        out.push_back({st.integer(0), st.integer(1), st.integer(2), lastKindIndex});
    }
    return out;
}

std::vector<ActivityFigures> figuresOf(Store &store, const QString &from, const QString &to, const std::vector<Mark> &marks);

/// The live people of the centre: sex, neighbourhood and group ids, by rowid.
struct Person
{
    QString id, sex, khu;
    QSet<QString> groupIds;
    QStringList groupNames; // sorted
};
QHash<qint64, Person> peopleByRowid(Store &store)
{
    QHash<qint64, Person> out;
    auto ps = store.db().prepare(QStringLiteral("SELECT rowid, id, coalesce(sex, ''), coalesce(khu, '') FROM people WHERE centre_id = ? AND deleted = 0"));
    ps.bind(1, store.centreId());
    while (ps.step())
        out.insert(ps.integer(0), Person{ps.text(1), ps.text(2), ps.text(3), {}, {}});
    auto gs = store.db().prepare(QStringLiteral("SELECT p.rowid, g.id, g.name FROM person_groups pg JOIN people p ON p.id = pg.person_id "
                                                "JOIN learner_groups g ON g.id = pg.group_id "
                                                "WHERE pg.deleted = 0 AND g.deleted = 0 AND p.deleted = 0 AND g.centre_id = ? ORDER BY g.name"));
    gs.bind(1, store.centreId());
    while (gs.step()) {
        auto it = out.find(gs.integer(0));
        if (it == out.end())
            continue;
        it->groupIds.insert(gs.text(1));
        it->groupNames << gs.text(2);
    }
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
    return figuresOf(store, from, to, marks(store, from, to));
}

namespace {
std::vector<ActivityFigures> figuresOf(Store &store, const QString &from, const QString &to, const std::vector<Mark> &marks)
{
    std::vector<ActivityFigures> rows;
    QHash<qint64, size_t> index; // activity rowid → row
    {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT a.id, a.month, a.title, a.kind, coalesce(a.group_text, ''), coalesce(a.partner_text, ''), coalesce(a.teacher, ''), "
            "  a.status, a.budget, a.budget_spent, "
            "  (SELECT count(*) FROM sessions s WHERE s.activity_id = a.id AND s.deleted = 0), "
            "  (SELECT coalesce(sum(s.headcount), 0) FROM sessions s WHERE s.activity_id = a.id AND s.deleted = 0), a.planned_participants, "
            "  a.rowid, coalesce(a.not_held_reason, '') "
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
            f.notHeldReason = st.text(14);
            index.insert(st.integer(13), rows.size());
            rows.push_back(f);
        }
    }
    // Held sessions: a present/late mark or a headcount.
    std::vector<QSet<qint64>> heldSessions(rows.size()), learners(rows.size());
    {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT a.rowid, s.rowid FROM sessions s JOIN activities a ON a.id = s.activity_id "
            "WHERE s.deleted = 0 AND a.deleted = 0 AND a.centre_id = ? AND a.month BETWEEN ? AND ? AND coalesce(s.headcount, 0) > 0"));
        st.bind(1, store.centreId()).bind(2, from).bind(3, to);
        while (st.step()) {
            auto it = index.constFind(st.integer(0));
            if (it != index.constEnd())
                heldSessions[*it].insert(st.integer(1));
        }
    }
    // Attendances by sex need each person's sex: read once, not joined into every mark.
    QHash<qint64, bool> male;
    {
        auto st = store.db().prepare(QStringLiteral("SELECT rowid, sex FROM people WHERE centre_id = ? AND deleted = 0 AND sex IN ('m', 'f')"));
        st.bind(1, store.centreId());
        while (st.step())
            male.insert(st.integer(0), st.text(1) == QLatin1String("m"));
    }
    for (const Mark &m : marks) {
        auto it = index.constFind(m.activity);
        if (it == index.constEnd())
            continue;
        ActivityFigures &f = rows[*it];
        ++f.attendances;
        const auto sex = male.constFind(m.person);
        if (sex != male.constEnd())
            ++(*sex ? f.attendancesMale : f.attendancesFemale);
        learners[*it].insert(m.person);
        heldSessions[*it].insert(m.session);
    }
    for (size_t i = 0; i < rows.size(); ++i) {
        ActivityFigures &f = rows[i];
        f.learners = int(learners[i].size());
        f.participants = f.learners + f.headcount;
        f.attendances += f.headcount;
        f.sessionsHeld = int(heldSessions[i].size());
        f.held = f.status == QLatin1String("done") || f.sessionsHeld > 0;
    }
    return rows;
}
} // namespace

YearFigures yearFigures(Store &store, const QString &schoolYear)
{
    YearFigures y;
    y.schoolYear = schoolYear;
    const QStringList months = monthsOfSchoolYear(schoolYear);
    const std::vector<Mark> all = marks(store, months.first(), months.last());
    y.activities = figuresOf(store, months.first(), months.last(), all);
    const QHash<qint64, Person> people = peopleByRowid(store);
    const QStringList &kindList = kinds::all();

    // By kind, with a total row.
    YearFigures::KindRow total;
    std::vector<QSet<qint64>> learnersOfKind(size_t(kindList.size()));
    QSet<qint64> everyone;
    for (const Mark &m : all) {
        everyone.insert(m.person);
        if (m.kind >= 0)
            learnersOfKind[size_t(m.kind)].insert(m.person);
    }
    for (int kindIndex = 0; kindIndex < kindList.size(); ++kindIndex) {
        const QString &kind = kindList[kindIndex];
        YearFigures::KindRow k;
        k.kind = kind;
        for (const ActivityFigures &a : y.activities) {
            if (a.kind != kind || a.status == QLatin1String("cancelled"))
                continue;
            ++k.activitiesPlanned;
            k.activitiesHeld += a.held;
            k.sessionsPlanned += a.sessionsPlanned;
            k.sessionsHeld += a.sessionsHeld;
            k.attendances += a.attendances;
        }
        k.learners = int(learnersOfKind[size_t(kindIndex)].size());
        total.activitiesPlanned += k.activitiesPlanned;
        total.activitiesHeld += k.activitiesHeld;
        total.sessionsPlanned += k.sessionsPlanned;
        total.sessionsHeld += k.sessionsHeld;
        total.attendances += k.attendances;
        y.byKind.push_back(k);
    }
    total.learners = int(everyone.size());
    y.byKind.push_back(total);

    // By kind × the learner's groups (a person in two groups counts in both).
    QMap<std::pair<int, QString>, std::pair<int, QSet<qint64>>> cells;
    QMap<QString, std::pair<int, QSet<qint64>>> sexes, khus;
    const QStringList noGroup{Tr::tr("(no group)")};
    const QString male = Tr::tr("Male"), female = Tr::tr("Female"), notRecorded = Tr::tr("(not recorded)");
    for (const Mark &m : all) {
        const Person &p = people[m.person]; // every mark's person is live (the query joins on it)
        for (const QString &g : p.groupNames.isEmpty() ? noGroup : p.groupNames) {
            auto &cell = cells[{m.kind, g}];
            ++cell.first;
            cell.second.insert(m.person);
        }
        const QString &sex = p.sex == QLatin1String("m") ? male : p.sex == QLatin1String("f") ? female : notRecorded;
        ++sexes[sex].first;
        sexes[sex].second.insert(m.person);
        const QString &khu = p.khu.isEmpty() ? notRecorded : p.khu;
        ++khus[khu].first;
        khus[khu].second.insert(m.person);
    }
    for (auto it = cells.cbegin(); it != cells.cend(); ++it) // ordered by kind (report order), then group name
        if (it.key().first >= 0)
            y.byKindAndGroup.push_back({kindList[it.key().first], Tally{it.key().second, it.value().first, int(it.value().second.size())}});
    for (auto it = sexes.cbegin(); it != sexes.cend(); ++it)
        y.bySex.push_back({it.key(), it.value().first, int(it.value().second.size())});
    for (auto it = khus.cbegin(); it != khus.cend(); ++it)
        y.byKhu.push_back({it.key(), it.value().first, int(it.value().second.size())});
    // "Khu 2" before "Khu 10": Vietnamese collation with numbers compared as numbers.
    const QCollator collator = vn::collator(true);
    std::sort(y.byKhu.begin(), y.byKhu.end(), [&collator](const Tally &a, const Tally &b) { return collator.compare(a.label, b.label) < 0; });

    // Targets of the year's plan, measured.
    auto st = store.db().prepare(QStringLiteral(
        "SELECT t.id, coalesce(t.section, ''), t.text, t.metric, coalesce(t.kinds, ''), coalesce(t.threshold_pct, 0), "
        "  t.manual_numerator, t.manual_denominator, coalesce(t.result_note, '') FROM targets t JOIN plans p ON p.id = t.plan_id "
        "WHERE t.centre_id = ? AND t.deleted = 0 AND p.deleted = 0 AND p.school_year = ? ORDER BY t.ord, t.id"));
    st.bind(1, store.centreId()).bind(2, schoolYear);
    while (st.step()) {
        TargetFigures t;
        const QString id = st.text(0);
        t.id = id;
        t.section = st.text(1);
        t.text = st.text(2);
        t.metric = st.text(3);
        const QStringList targetKinds = st.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.threshold = int(st.integer(5));
        t.resultNote = st.text(8);
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
            QSet<qint64> population;
            for (auto it = people.cbegin(); it != people.cend(); ++it)
                if (everyoneGroup || it.value().groupIds.intersects(groupIds))
                    population.insert(it.key());
            std::vector<bool> kindCounts(size_t(kindList.size()), false);
            for (const QString &k : targetKinds)
                if (const auto i = kindList.indexOf(k); i >= 0)
                    kindCounts[size_t(i)] = true;
            QSet<qint64> reached;
            for (const Mark &m : all)
                if ((targetKinds.isEmpty() || (m.kind >= 0 && kindCounts[size_t(m.kind)])) && population.contains(m.person))
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
