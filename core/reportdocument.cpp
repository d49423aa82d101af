#include "reportdocument.h"
#include "error.h"
#include "records.h"
#include "reports.h"
#include "schema.h"
#include "store.h"
#include "survey.h"
#include "textfile.h"
#include "translate.h"
#include "vietnamese.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace clc::reports {

namespace {

using Cell = ReportTable::Cell;

QVariant money(const std::optional<qint64> &v) { return v ? QVariant(*v) : QVariant(); }

} // namespace

ReportDocument documentHeader(Store &store, const ReportOptions &o, const QString &kindCode)
{
    store.requireInitialised();
    ReportDocument d;
    const QString id = store.centreId();
    auto field = [&](const char *f) { return store.value(QStringLiteral("centres"), id, QLatin1String(f)).toText(); };
    d.committee = field("committee");
    d.centre = field("name");
    const QString place = field("place").isEmpty() ? field("name") : field("place");
    d.number = Tr::tr("No.: %1/%2-TTHTCĐ").arg(o.number.isEmpty() ? QStringLiteral("……") : o.number, kindCode);
    d.placeDate = Tr::tr("%1, day %2 month %3 year %4")
                      .arg(place, o.date.toString(QStringLiteral("dd")), o.date.toString(QStringLiteral("MM")), o.date.toString(QStringLiteral("yyyy")));
    d.recipients = field("recipients").split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (d.recipients.isEmpty())
        d.recipients = QStringList{Tr::tr("- Ward People's Committee (to report);"), Tr::tr("- Filed: centre office.")};
    d.signatoryTitle = field("director_title").isEmpty() ? Tr::tr("DIRECTOR") : field("director_title");
    d.signatoryName = field("director_name");
    return d;
}

namespace {

QString monthLabel(const QString &m) { return vn::formatMonth(m); }



ReportTable activityTable(const std::vector<ActivityFigures> &rows, bool withMonth)
{
    ReportTable t;
    t.columns = QStringList{Tr::tr("No."), Tr::tr("Month"), Tr::tr("Activity"), Tr::tr("Participants"), Tr::tr("Attendances"),
                            Tr::tr("Target group"), Tr::tr("Partner / teacher"), Tr::tr("Budget (đ)")};
    t.widths = {0.5, 0.9, 3.6, 1.1, 1.0, 2.0, 2.2, 1.4};
    t.kinds = {Cell::Number, Cell::Text, Cell::Text, Cell::Number, Cell::Number, Cell::Text, Cell::Text, Cell::Money};
    if (!withMonth) {
        t.columns.removeAt(1);
        t.widths.erase(t.widths.begin() + 1);
        t.kinds.erase(t.kinds.begin() + 1);
    }
    qint64 n = 0, participants = 0, attendances = 0, budget = 0;
    for (const ActivityFigures &a : rows) {
        const QString partner = a.teacher.isEmpty() ? a.partnerText : (a.partnerText.isEmpty() ? a.teacher : a.partnerText + QStringLiteral("; ") + a.teacher);
        std::vector<QVariant> r{QVariant(++n), monthLabel(a.month), a.title, qint64(a.participants), qint64(a.attendances), a.groupText, partner, money(a.budget)};
        if (!withMonth)
            r.erase(r.begin() + 1);
        t.rows.push_back(r);
        participants += a.participants;
        attendances += a.attendances;
        budget += a.budget.value_or(0);
    }
    std::vector<QVariant> total{QVariant(), QString(), Tr::tr("Total"), participants, attendances, QString(), QString(), budget};
    if (!withMonth)
        total.erase(total.begin() + 1);
    t.rows.push_back(total);
    t.totalRow = true;
    return t;
}

} // namespace

} // namespace clc::reports

std::vector<const clc::ReportParagraph *> clc::ReportDocument::paragraphsBefore(size_t i) const
{
    std::vector<const ReportParagraph *> out;
    for (const ReportParagraph &p : paragraphs)
        if (std::min(p.beforeTable, tables.size()) == i)
            out.push_back(&p);
    return out;
}

namespace clc::reports {

ReportTable targetTable(const std::vector<TargetFigures> &list, const QString &heading)
{
    ReportTable targets;
    targets.heading = heading.isEmpty() ? Tr::tr("5. Targets of the plan") : heading;
    targets.columns = QStringList{Tr::tr("Target"), Tr::tr("Reached"), Tr::tr("Out of"), Tr::tr("Result"), Tr::tr("Required"), Tr::tr("Assessment"),
                                  Tr::tr("Evidence")};
    targets.widths = {3.6, 0.9, 0.9, 1, 1, 1.2, 2.6};
    targets.kinds = {Cell::Text, Cell::Number, Cell::Number, Cell::Percent, Cell::Percent, Cell::Text, Cell::Text};
    for (const TargetFigures &t : list) {
        const bool measured = t.numerator && t.denominator && *t.denominator > 0;
        // Where the number comes from: attendance counts itself; a number entered by hand is the
        // director's, with what they wrote.
        QStringList evidence;
        if (t.metric == QLatin1String("group_attendance") && t.denominator)
            evidence << Tr::tr("%1 of the %2 people of its groups attended at least one session").arg(*t.numerator).arg(*t.denominator);
        if (!t.resultNote.isEmpty())
            evidence << t.resultNote;
        targets.rows.push_back({t.text, t.numerator ? QVariant(*t.numerator) : QVariant(), t.denominator ? QVariant(*t.denominator) : QVariant(),
                                measured ? QVariant(t.percent) : QVariant(), QVariant(double(t.threshold)),
                                measured ? (t.met ? Tr::tr("met") : Tr::tr("not met")) : Tr::tr("not measured"), evidence.join(QStringLiteral("; "))});
    }
    return targets;
}

QString cellText(const QVariant &v, Cell kind)
{
    if (!v.isValid() || v.isNull())
        return {};
    if (v.typeId() == QMetaType::QString)
        return v.toString();
    const QLocale vi(QLocale::Vietnamese, QLocale::Vietnam);
    switch (kind) {
    case Cell::Money:
        return vn::formatMoney(v.toLongLong());
    case Cell::Percent:
        return vi.toString(v.toDouble(), 'f', 1) + QStringLiteral(" %");
    default:
        return vn::formatNumber(v.toLongLong());
    }
}

ReportDocument monthlyDocument(Store &store, const QString &schoolYear, const QString &month, const ReportOptions &o)
{
    ReportDocument d = documentHeader(store, o, QStringLiteral("BC"));
    d.landscape = true;
    d.title = month.isEmpty() ? Tr::tr("ACTIVITIES OF THE SCHOOL YEAR %1").arg(schoolYear)
                              : Tr::tr("ACTIVITIES OF MONTH %1").arg(monthLabel(month));
    d.subtitle = Tr::tr("(Part V of the plan, with the participants recorded)");
    const auto rows = activityFigures(store, schoolYear, month);
    d.tables.push_back(activityTable(rows, month.isEmpty()));
    if (rows.empty())
        d.tables.back().heading = Tr::tr("No activities were planned for this period.");
    return d;
}

ReportDocument yearDocument(Store &store, const QString &schoolYear, const ReportOptions &o)
{
    ReportDocument d = documentHeader(store, o, QStringLiteral("BC"));
    const YearFigures y = yearFigures(store, schoolYear);
    d.title = Tr::tr("YEAR-END REPORT OF THE SCHOOL YEAR %1").arg(schoolYear);

    ReportTable kinds;
    kinds.heading = Tr::tr("1. Activities and sessions held, by field");
    kinds.columns = QStringList{Tr::tr("Field"), Tr::tr("Activities planned"), Tr::tr("Activities held"), Tr::tr("Sessions planned"),
                                Tr::tr("Sessions held"), Tr::tr("Attendances"), Tr::tr("Learners")};
    kinds.widths = {2.6, 1, 1, 1, 1, 1, 1};
    kinds.kinds = {Cell::Text, Cell::Number, Cell::Number, Cell::Number, Cell::Number, Cell::Number, Cell::Number};
    for (const auto &k : y.byKind)
        kinds.rows.push_back({k.kind.isEmpty() ? Tr::tr("Total") : records::kindTitle(k.kind), qint64(k.activitiesPlanned), qint64(k.activitiesHeld),
                              qint64(k.sessionsPlanned), qint64(k.sessionsHeld), qint64(k.attendances), qint64(k.learners)});
    kinds.totalRow = true;
    d.tables.push_back(kinds);

    ReportTable groups;
    groups.heading = Tr::tr("2. Attendances and learners by field and target group");
    groups.columns = QStringList{Tr::tr("Field"), Tr::tr("Target group"), Tr::tr("Attendances"), Tr::tr("Learners")};
    groups.widths = {2, 2.4, 1, 1};
    groups.kinds = {Cell::Text, Cell::Text, Cell::Number, Cell::Number};
    for (const auto &[k, t] : y.byKindAndGroup)
        groups.rows.push_back({records::kindTitle(k), t.label, qint64(t.attendances), qint64(t.learners)});
    d.tables.push_back(groups);

    auto tallies = [](const QString &heading, const QString &first, const std::vector<Tally> &ts) {
        ReportTable t;
        t.heading = heading;
        t.columns = QStringList{first, Tr::tr("Attendances"), Tr::tr("Learners")};
        t.widths = {3, 1, 1};
        t.kinds = {Cell::Text, Cell::Number, Cell::Number};
        for (const Tally &x : ts)
            t.rows.push_back({x.label, qint64(x.attendances), qint64(x.learners)});
        return t;
    };
    d.tables.push_back(tallies(Tr::tr("3. By sex"), Tr::tr("Sex"), y.bySex));
    d.tables.push_back(tallies(Tr::tr("4. By neighbourhood"), Tr::tr("Neighbourhood"), y.byKhu));

    d.tables.push_back(targetTable(y.targets));

    ReportTable budget;
    budget.heading = Tr::tr("6. Budget");
    budget.columns = QStringList{Tr::tr("Planned"), Tr::tr("Recorded as spent")};
    budget.widths = {1, 1};
    budget.kinds = {Cell::Money, Cell::Money};
    budget.rows.push_back({y.budgetPlanned, y.budgetSpent});
    d.tables.push_back(budget);

    ReportTable notHeld;
    notHeld.heading = Tr::tr("7. Activities that did not take place");
    notHeld.columns = QStringList{Tr::tr("Month"), Tr::tr("Activity"), Tr::tr("Status"), Tr::tr("Why")};
    notHeld.widths = {1, 4, 1.2, 3};
    notHeld.kinds = {Cell::Text, Cell::Text, Cell::Text, Cell::Text};
    for (const ActivityFigures &a : y.activities)
        if (!a.held)
            notHeld.rows.push_back({monthLabel(a.month), a.title, a.status == QLatin1String("cancelled") ? Tr::tr("cancelled") : Tr::tr("not held"),
                                    a.notHeldReason.isEmpty() ? Tr::tr("(no reason written)") : a.notHeldReason});
    d.tables.push_back(notHeld);

    // What the director writes under the figures: the assessment and the recommendations.
    const QString planId = records::planId(store, schoolYear);
    auto text = [&](const char *f) { return planId.isEmpty() ? QString() : store.value(QStringLiteral("plans"), planId, QLatin1String(f)).toText(); };
    auto section = [&d](const QString &heading, const QString &body) {
        const QStringList lines = body.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (lines.isEmpty())
            return;
        d.paragraphs.push_back(ReportParagraph{ReportParagraph::Style::Heading, heading, d.tables.size()});
        for (const QString &l : lines)
            d.paragraphs.push_back(ReportParagraph{ReportParagraph::Style::Text, l.trimmed(), d.tables.size()});
    };
    section(Tr::tr("8. Assessment"), text("year_end_notes"));
    section(Tr::tr("9. Recommendations"), text("year_end_recommendations"));
    return d;
}

ReportDocument reviewDocument(Store &store, const QString &schoolYear, const ReportOptions &o)
{
    ReportDocument d = yearDocument(store, schoolYear, o);
    const QString planId = records::planId(store, schoolYear);
    auto st = store.db().prepare(QStringLiteral("SELECT id, school_year FROM plans WHERE carried_from = ? AND deleted = 0 ORDER BY school_year LIMIT 1"));
    st.bind(1, planId);
    if (planId.isEmpty() || !st.step()) {
        d.paragraphs.push_back(ReportParagraph{ReportParagraph::Style::Text, Tr::tr("Next year's plan has not been drafted yet."), d.tables.size()});
        return d;
    }
    // The draft itself follows, parts I–V with its evidence, as one document to sign.
    const ReportDocument draft = planDocument(store, st.text(1), o);
    const size_t offset = d.tables.size();
    d.paragraphs.push_back(ReportParagraph{ReportParagraph::Style::Heading, Tr::tr("10. The draft plan of %1").arg(st.text(1)), offset});
    d.paragraphs.push_back(ReportParagraph{ReportParagraph::Style::Heading, draft.title + QLatin1Char(' ') + draft.subtitle, offset});
    for (const ReportParagraph &p : draft.paragraphs)
        d.paragraphs.push_back(ReportParagraph{p.style, p.text, p.beforeTable + offset});
    for (const ReportTable &t : draft.tables)
        d.tables.push_back(t);
    return d;
}

ReportDocument surveyDocument(Store &store, const QString &surveyId, const ReportOptions &o)
{
    ReportDocument d = documentHeader(store, o, QStringLiteral("BC"));
    if (surveyId.isEmpty() || !store.exists(QStringLiteral("surveys"), surveyId))
        throw Error(Error::Code::NotFound, surveyId.isEmpty() ? Tr::tr("there is no survey yet") : Tr::tr("no survey with id '%1'").arg(surveyId),
                    QStringLiteral("--survey"));
    const survey::SurveyTally t = survey::tally(store, {surveyId});
    d.title = Tr::tr("RESULTS OF THE LEARNING-NEEDS SURVEY");
    d.subtitle = store.value(QStringLiteral("surveys"), surveyId, QStringLiteral("title")).toText() + QStringLiteral(" (") +
                 quarterLabel(store.value(QStringLiteral("surveys"), surveyId, QStringLiteral("period")).toText()) + QLatin1Char(')');
    d.landscape = t.khus.size() > 4 || t.groups.size() > 4;
    d.paragraphs.push_back(ReportParagraph{ReportParagraph::Style::Text, Tr::tr("Answers: %1.").arg(vn::formatNumber(t.answers)), 0});

    ReportTable topics;
    topics.heading = Tr::tr("1. Topics asked for");
    topics.columns = QStringList{Tr::tr("Topic"), Tr::tr("Answers"), Tr::tr("Of all answers"), Tr::tr("Month most asked for")};
    topics.widths = {4, 1, 1, 1.4};
    topics.kinds = {Cell::Text, Cell::Number, Cell::Percent, Cell::Text};
    for (const survey::TopicTally &x : t.topics) {
        const int month = survey::mostChosenMonth(x);
        topics.rows.push_back({x.topic, qint64(x.answers), t.answers > 0 ? QVariant(100.0 * x.answers / t.answers) : QVariant(),
                               month ? Tr::tr("month %1").arg(month) : QString()});
    }
    d.tables.push_back(topics);

    auto matrix = [&t](const QString &heading, const QString &first, const QStringList &columns, QMap<QString, int> survey::TopicTally::*by) {
        ReportTable m;
        m.heading = heading;
        m.columns = QStringList{first} + columns + QStringList{Tr::tr("Total")};
        m.widths = {3.2};
        m.kinds = {Cell::Text};
        for (int i = 0; i <= columns.size(); ++i) {
            m.widths.push_back(0.9);
            m.kinds.push_back(Cell::Number);
        }
        for (const survey::TopicTally &x : t.topics) {
            std::vector<QVariant> row{x.topic};
            for (const QString &c : columns)
                row.push_back(qint64((x.*by).value(c)));
            row.push_back(qint64(x.answers));
            m.rows.push_back(row);
        }
        return m;
    };
    d.tables.push_back(matrix(Tr::tr("2. By neighbourhood"), Tr::tr("Topic"), t.khus, &survey::TopicTally::byKhu));
    d.tables.push_back(matrix(Tr::tr("3. By target group"), Tr::tr("Topic"), t.groups, &survey::TopicTally::byGroup));

    ReportTable times;
    times.heading = Tr::tr("4. Time of day that suits");
    times.columns = QStringList{Tr::tr("Time of day"), Tr::tr("Answers")};
    times.widths = {3, 1};
    times.kinds = {Cell::Text, Cell::Number};
    for (const QString &k : survey::timesOfDay() + QStringList{QString()})
        times.rows.push_back({survey::timeOfDayLabel(k), qint64(t.byTimeOfDay.value(k))});
    d.tables.push_back(times);
    return d;
}

ReportDocument registerDocument(Store &store, const ReportOptions &o)
{
    ReportDocument d = documentHeader(store, o, QStringLiteral("DS"));
    d.landscape = true;
    d.title = Tr::tr("REGISTER OF LEARNERS");
    ReportTable t;
    t.columns = QStringList{Tr::tr("No."), Tr::tr("Full name"), Tr::tr("Year of birth"), Tr::tr("Sex"), Tr::tr("Neighbourhood"), Tr::tr("Phone"),
                            Tr::tr("Groups"), Tr::tr("Note")};
    t.widths = {0.5, 2.6, 0.9, 0.7, 1, 1.3, 2.4, 1.6};
    t.kinds = {Cell::Number, Cell::Text, Cell::Text, Cell::Text, Cell::Text, Cell::Text, Cell::Text, Cell::Text};
    qint64 n = 0;
    for (const PersonRow &p : records::findPeople(store, QString()))
        t.rows.push_back({++n, p.fullName, p.birthYear ? QString::number(*p.birthYear) : QString(),
                          p.sex == QLatin1String("m") ? Tr::tr("Male") : p.sex == QLatin1String("f") ? Tr::tr("Female") : QString(), p.khu, p.phone,
                          p.groups.join(QStringLiteral("; ")), p.note});
    d.tables.push_back(t);
    return d;
}

ReportDocument attendanceSheet(Store &store, const QString &activityId, const ReportOptions &o)
{
    ReportDocument d = documentHeader(store, o, QStringLiteral("DD"));
    d.landscape = true;
    if (!store.exists(QStringLiteral("activities"), activityId))
        throw Error(Error::Code::NotFound, Tr::tr("no activity with id '%1'").arg(activityId), QStringLiteral("--activity"));
    d.title = Tr::tr("ATTENDANCE SHEET");
    d.subtitle = store.value(QStringLiteral("activities"), activityId, QStringLiteral("title")).toText();
    QStringList sessionIds, sessionLabels;
    {
        auto st = store.db().prepare(QStringLiteral("SELECT id, starts_at, coalesce(headcount, 0) FROM sessions WHERE activity_id = ? AND deleted = 0 ORDER BY starts_at, id"));
        st.bind(1, activityId);
        while (st.step()) {
            sessionIds << st.text(0);
            sessionLabels << QDate::fromString(st.text(1).left(10), QStringLiteral("yyyy-MM-dd")).toString(QStringLiteral("dd/MM"));
        }
    }
    // Expected learners (the activity's groups) and anyone marked at one of its sessions.
    QHash<QString, QHash<QString, QString>> marks; // person → session → status
    {
        auto st = store.db().prepare(QStringLiteral("SELECT m.person_id, m.session_id, m.status FROM attendance m JOIN sessions s ON s.id = m.session_id "
                                                    "WHERE s.activity_id = ? AND s.deleted = 0 AND m.deleted = 0"));
        st.bind(1, activityId);
        while (st.step())
            marks[st.text(0)].insert(st.text(1), st.text(2));
    }
    const QSet<QString> expected = records::expectedPeople(store, activityId);
    ReportTable t;
    t.columns = QStringList{Tr::tr("No."), Tr::tr("Full name"), Tr::tr("Year of birth")} + sessionLabels + QStringList{Tr::tr("Sessions attended")};
    t.widths = {0.5, 2.6, 0.9};
    t.kinds = {Cell::Number, Cell::Text, Cell::Text};
    for (int i = 0; i < sessionIds.size(); ++i) {
        t.widths.push_back(0.7);
        t.kinds.push_back(Cell::Text);
    }
    t.widths.push_back(1);
    t.kinds.push_back(Cell::Number);
    qint64 n = 0;
    for (const PersonRow &p : records::findPeople(store, QString())) {
        if (!expected.contains(p.id) && !marks.contains(p.id))
            continue;
        std::vector<QVariant> row{++n, p.fullName, p.birthYear ? QString::number(*p.birthYear) : QString()};
        qint64 attended = 0;
        for (const QString &s : sessionIds) {
            const QString status = marks.value(p.id).value(s);
            // x present, m late (muộn), p excused (có phép), v absent (vắng): the symbols of paper registers.
            const QString symbol = status == QLatin1String("present") ? QStringLiteral("x") : status == QLatin1String("late") ? QStringLiteral("m")
                                 : status == QLatin1String("excused") ? QStringLiteral("p") : status == QLatin1String("absent") ? QStringLiteral("v") : QString();
            attended += status == QLatin1String("present") || status == QLatin1String("late");
            row.push_back(symbol);
        }
        row.push_back(attended);
        t.rows.push_back(row);
    }
    t.heading = Tr::tr("x present, m late, p excused, v absent");
    d.tables.push_back(t);
    d.signatoryTitle = Tr::tr("TEACHER");
    d.signatoryName.clear();
    return d;
}

ReportDocument activityLog(Store &store, const QString &schoolYear, const ReportOptions &o)
{
    ReportDocument d = documentHeader(store, o, QStringLiteral("SHĐ"));
    d.landscape = true;
    d.title = Tr::tr("ACTIVITY LOG OF THE SCHOOL YEAR %1").arg(schoolYear);
    const QStringList months = monthsOfSchoolYear(schoolYear);
    ReportTable t;
    t.columns = QStringList{Tr::tr("Date"), Tr::tr("Activity"), Tr::tr("Field"), Tr::tr("Partner"), Tr::tr("Speaker"), Tr::tr("Place"),
                            Tr::tr("Attendances"), Tr::tr("of them male"), Tr::tr("of them female"), Tr::tr("Budget (đ)")};
    t.widths = {1.25, 3, 1.3, 1.8, 1.4, 1.6, 0.9, 0.8, 0.8, 1.2};
    t.kinds = {Cell::Text, Cell::Text, Cell::Text, Cell::Text, Cell::Text, Cell::Text, Cell::Number, Cell::Number, Cell::Number, Cell::Money};
    auto st = store.db().prepare(QStringLiteral(
        "SELECT s.starts_at, a.title, a.kind, coalesce(a.partner_text, ''), coalesce(s.facilitator, a.teacher, ''), coalesce(s.place, ''), "
        "  (SELECT count(*) FROM attendance m JOIN people p ON p.id = m.person_id AND p.deleted = 0 WHERE m.session_id = s.id AND m.deleted = 0 AND m.status IN ('present','late')) + coalesce(s.headcount, 0), "
        "  (SELECT count(*) FROM attendance m JOIN people p ON p.id = m.person_id AND p.deleted = 0 WHERE m.session_id = s.id AND m.deleted = 0 AND m.status IN ('present','late') AND p.sex = 'm'), "
        "  (SELECT count(*) FROM attendance m JOIN people p ON p.id = m.person_id AND p.deleted = 0 WHERE m.session_id = s.id AND m.deleted = 0 AND m.status IN ('present','late') AND p.sex = 'f'), "
        "  a.budget, (SELECT min(s2.starts_at) FROM sessions s2 WHERE s2.activity_id = a.id AND s2.deleted = 0) = s.starts_at "
        "FROM sessions s JOIN activities a ON a.id = s.activity_id "
        "WHERE a.centre_id = ? AND a.deleted = 0 AND s.deleted = 0 AND a.month BETWEEN ? AND ? ORDER BY s.starts_at, a.ord, s.id"));
    st.bind(1, store.centreId()).bind(2, months.first()).bind(3, months.last());
    while (st.step()) {
        const QDateTime at = QDateTime::fromString(st.text(0), QStringLiteral("yyyy-MM-ddTHH:mm"));
        // The budget is the activity's: shown once, on its first session.
        t.rows.push_back({vn::formatDate(at.date()), st.text(1), records::kindTitle(st.text(2)), st.text(3), st.text(4), st.text(5),
                          st.integer(6), st.integer(7), st.integer(8), st.integer(10) && !st.isNull(9) ? QVariant(st.integer(9)) : QVariant()});
    }
    d.tables.push_back(t);
    return d;
}

QByteArray toCsv(const ReportDocument &doc)
{
    const auto cell = csvCell;
    QString out(QChar(0xFEFF));
    for (const QString &line : {doc.committee, doc.centre, doc.title, doc.subtitle, doc.placeDate})
        if (!line.isEmpty())
            out += cell(line) + QLatin1Char('\n');
    auto paragraphs = [&](size_t i) {
        for (const ReportParagraph *p : doc.paragraphsBefore(i))
            out += cell(p->style == ReportParagraph::Style::Bullet ? QStringLiteral("- ") + p->text : p->text) + QLatin1Char('\n');
    };
    for (size_t ti = 0; ti < doc.tables.size(); ++ti) {
        const ReportTable &t = doc.tables[ti];
        paragraphs(ti);
        out += QLatin1Char('\n');
        if (!t.heading.isEmpty())
            out += cell(t.heading) + QLatin1Char('\n');
        QStringList header;
        for (const QString &c : t.columns)
            header << cell(c);
        out += header.join(QLatin1Char(',')) + QLatin1Char('\n');
        for (const auto &row : t.rows) {
            QStringList cells;
            for (size_t i = 0; i < row.size(); ++i) {
                const QVariant &v = row[i];
                // Numbers stay plain so spreadsheets read them as numbers.
                if (v.typeId() == QMetaType::LongLong)
                    cells << QString::number(v.toLongLong());
                else if (v.typeId() == QMetaType::Double)
                    cells << QString::number(v.toDouble(), 'f', 1);
                else
                    cells << cell(v.toString());
            }
            out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    paragraphs(doc.tables.size());
    return out.toUtf8();
}

std::vector<ReportKindInfo> reportKinds()
{
    return {
        {ReportKind::Monthly, QStringLiteral("monthly"), Tr::tr("Monthly plan table (part V)"), false, true},
        {ReportKind::Year, QStringLiteral("year"), Tr::tr("Year-end summary"), false, true},
        {ReportKind::Register, QStringLiteral("register"), Tr::tr("Learner register"), true, false},
        {ReportKind::Attendance, QStringLiteral("attendance"), Tr::tr("Attendance sheet of an activity"), true, false},
        {ReportKind::Log, QStringLiteral("log"), Tr::tr("Activity log"), false, true},
        {ReportKind::Plan, QStringLiteral("plan"), Tr::tr("The plan (parts I–V)"), false, true},
        {ReportKind::Review, QStringLiteral("review"), Tr::tr("Year-end summary with next year's draft"), false, true},
        {ReportKind::Survey, QStringLiteral("survey"), Tr::tr("Learning-needs survey"), false, false},
    };
}

std::optional<ReportKind> reportKindNamed(const QString &name)
{
    for (const ReportKindInfo &k : reportKinds())
        if (k.name == name)
            return k.kind;
    return std::nullopt;
}

ReportDocument buildReport(Store &store, ReportKind kind, const QString &schoolYear, const QString &month, const QString &subjectId,
                           const ReportOptions &options)
{
    switch (kind) {
    case ReportKind::Monthly:
        return monthlyDocument(store, schoolYear, month, options);
    case ReportKind::Year:
        return yearDocument(store, schoolYear, options);
    case ReportKind::Register:
        return registerDocument(store, options);
    case ReportKind::Attendance:
        if (subjectId.isEmpty())
            throw Error(Error::Code::InvalidInput, Tr::tr("choose an activity first"), QStringLiteral("activity"));
        return attendanceSheet(store, subjectId, options);
    case ReportKind::Log:
        return activityLog(store, schoolYear, options);
    case ReportKind::Plan:
        return planDocument(store, schoolYear, options);
    case ReportKind::Review:
        return reviewDocument(store, schoolYear, options);
    case ReportKind::Survey:
        return surveyDocument(store, subjectId.isEmpty() ? survey::latestSurveyId(store) : subjectId, options);
    }
    return {};
}

} // namespace clc::reports
