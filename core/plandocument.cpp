// The plan itself (kế hoạch), rebuilt from the data in the order a director writes it in Word
// (docs/year.md): the bases, I purpose, advantages and difficulties, II the quarterly tasks, III the
// targets, IV the measures and the partners' roles, V the month-by-month table, the recommendations,
// the closing sentence and the signatures.
#include "error.h"
#include "plandraft.h"
#include "records.h"
#include "reportdocument.h"
#include "reports.h"
#include "store.h"
#include "translate.h"
#include "vietnamese.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>

namespace clc::reports {

namespace {

using Cell = ReportTable::Cell;
using Style = ReportParagraph::Style;

QString romanQuarter(int q)
{
    static const char *const roman[] = {"I", "II", "III", "IV"};
    return q >= 1 && q <= 4 ? QString::fromLatin1(roman[q - 1]) : QString::number(q);
}

} // namespace

std::vector<ReportTable> draftEvidence(Store &store, const QString &planId)
{
    std::vector<ReportTable> out;
    const QString source = store.value(QStringLiteral("plans"), planId, QStringLiteral("carried_from")).toText();
    if (source.isEmpty())
        return out;
    const QString sourceYear = store.value(QStringLiteral("plans"), source, QStringLiteral("school_year")).toText();
    QHash<QString, ActivityFigures> before;
    for (const ActivityFigures &a : activityFigures(store, sourceYear))
        before.insert(a.id, a);
    std::vector<plans::ProposedTopic> asked = plans::proposedTopics(store, source);

    ReportTable t;
    t.heading = Tr::tr("Beside each activity: what happened in %1").arg(sourceYear);
    t.columns = QStringList{Tr::tr("Month"), Tr::tr("Activity"), Tr::tr("Last year"), Tr::tr("Sessions held"), Tr::tr("Participants"),
                            Tr::tr("Planned"), Tr::tr("Of the planned"), Tr::tr("Note")};
    t.widths = {0.9, 3.2, 1.3, 0.9, 1.0, 0.9, 0.9, 2.4};
    t.kinds = {Cell::Text, Cell::Text, Cell::Text, Cell::Number, Cell::Number, Cell::Number, Cell::Percent, Cell::Text};
    // An activity of a month still to come has not taken place yet; it has not "failed to".
    const QDate today = QDateTime::fromMSecsSinceEpoch(store.clock().wallMillis()).date();
    const QString thisMonth = today.toString(QStringLiteral("yyyy-MM"));
    const QString draftYear = store.value(QStringLiteral("plans"), planId, QStringLiteral("school_year")).toText();
    QHash<QString, const plans::ProposedTopic *> proposals; // proposed activity id → its topic's tally
    for (const plans::ProposedTopic &p : asked)
        proposals.insert(plans::proposalId(store, draftYear, p.topic), &p);
    auto st = store.db().prepare(QStringLiteral("SELECT id, month, title, coalesce(carried_from, ''), coalesce(from_survey, '') FROM activities "
                                                "WHERE plan_id = ? AND deleted = 0 ORDER BY month, ord, id"));
    st.bind(1, planId);
    while (st.step()) {
        const QString from = st.text(3);
        std::vector<QVariant> row{vn::formatMonth(st.text(1)), st.text(2)};
        if (!from.isEmpty() && before.contains(from)) {
            const ActivityFigures &a = before[from];
            const bool toCome = !a.held && a.status != QLatin1String("cancelled") && a.month >= thisMonth;
            row.push_back(a.held ? Tr::tr("held") : toCome ? Tr::tr("not yet") : Tr::tr("did not take place"));
            row.push_back(qint64(a.sessionsHeld));
            row.push_back(qint64(a.participants));
            row.push_back(a.plannedParticipants ? QVariant(*a.plannedParticipants) : QVariant());
            row.push_back(a.plannedParticipants && *a.plannedParticipants > 0 ? QVariant(100.0 * a.participants / double(*a.plannedParticipants)) : QVariant());
            row.push_back(a.held || toCome ? QString()
                                           : (a.notHeldReason.isEmpty() ? Tr::tr("⚠ did not take place") : Tr::tr("⚠ did not take place: %1").arg(a.notHeldReason)));
        } else if (!st.text(4).isEmpty()) {
            // Matched by id, so a title the director edited still shows how many asked.
            const plans::ProposedTopic *p = proposals.value(st.text(0));
            const QString note = p ? Tr::tr("asked for in %1 of %2 answers of the learning-needs survey").arg(p->answers).arg(p->of)
                                   : Tr::tr("asked for in the learning-needs survey");
            row.insert(row.end(), {Tr::tr("new"), QVariant(), QVariant(), QVariant(), QVariant(), note});
        } else {
            row.insert(row.end(), {Tr::tr("new"), QVariant(), QVariant(), QVariant(), QVariant(), QString()});
        }
        t.rows.push_back(row);
    }
    out.push_back(t);

    // The targets carried, with the result reached in the year before.
    QHash<QString, TargetFigures> reached;
    for (const TargetFigures &f : yearFigures(store, sourceYear).targets)
        reached.insert(f.id, f);
    std::vector<TargetFigures> carried;
    auto ts = store.db().prepare(QStringLiteral("SELECT coalesce(carried_from, ''), text FROM targets WHERE plan_id = ? AND deleted = 0 ORDER BY ord, id"));
    ts.bind(1, planId);
    while (ts.step()) {
        TargetFigures f = reached.value(ts.text(0));
        f.text = ts.text(1);
        carried.push_back(f);
    }
    out.push_back(targetTable(carried, Tr::tr("The targets, with what was reached in %1").arg(sourceYear)));
    return out;
}

QString quarterLabel(const QString &quarter)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    const auto m = re.match(quarter);
    if (!m.hasMatch())
        return quarter;
    return Tr::tr("Quarter %1 of %2").arg(romanQuarter(m.captured(2).toInt()), m.captured(1));
}

ReportDocument planDocument(Store &store, const QString &schoolYear, const ReportOptions &o)
{
    store.requireInitialised();
    const QString planId = records::planId(store, schoolYear);
    if (planId.isEmpty())
        throw Error(Error::Code::NotFound, Tr::tr("there is no plan for the school year %1").arg(schoolYear), QStringLiteral("--year"));
    auto field = [&](const char *f) { return store.value(QStringLiteral("plans"), planId, QLatin1String(f)).toText(); };

    ReportOptions numbered = o;
    if (numbered.number.isEmpty())
        numbered.number = field("doc_number");
    ReportDocument d = documentHeader(store, numbered, QStringLiteral("KH"));
    d.title = Tr::tr("PLAN");
    // The stored title is the whole heading ("KẾ HOẠCH TRIỂN KHAI …"): its first word is the title above.
    QString title = field("title").trimmed();
    static const QRegularExpression firstWord(QStringLiteral("^(KẾ HOẠCH|PLAN)\\s+"), QRegularExpression::CaseInsensitiveOption);
    title.remove(firstWord);
    d.subtitle = title.isEmpty() ? Tr::tr("Activities of the community learning centre in the school year %1").arg(schoolYear) : title;
    d.subtitleBold = true;
    d.recipients.clear();

    auto add = [&d](Style s, const QString &text) { d.paragraphs.push_back(ReportParagraph{s, text, 0}); };
    auto bullets = [&](const QStringList &ls) {
        for (const QString &l : ls)
            add(Style::Bullet, l);
    };
    for (const QString &b : records::textLines(field("bases")))
        add(Style::Text, b);

    add(Style::Heading, Tr::tr("I. PURPOSE AND REQUIREMENTS"));
    for (const QString &p : records::textLines(field("purpose")))
        add(Style::Text, p);
    add(Style::Subheading, Tr::tr("* Advantages:"));
    QStringList advantages = records::textLines(field("advantages"));
    // The plan's habit: an introductory sentence ending in a colon, then the points.
    if (!advantages.isEmpty() && advantages.first().endsWith(QLatin1Char(':')))
        add(Style::Text, advantages.takeFirst());
    bullets(advantages);
    add(Style::Subheading, Tr::tr("* Difficulties:"));
    bullets(records::textLines(field("difficulties")));

    add(Style::Heading, Tr::tr("II. ACTIVITIES IN THE SCHOOL YEAR %1:").arg(schoolYear));
    QString quarter;
    for (const auto &[q, text] : records::quarterlyTasks(store, schoolYear)) {
        if (q != quarter)
            add(Style::Subheading, QStringLiteral("* %1:").arg(quarterLabel(q)));
        quarter = q;
        add(Style::Bullet, text);
    }

    add(Style::Heading, Tr::tr("III. TARGETS FOR THE YEAR:"));
    {
        auto st = store.db().prepare(QStringLiteral("SELECT coalesce(section, ''), text FROM targets WHERE plan_id = ? AND deleted = 0 ORDER BY ord, id"));
        st.bind(1, planId);
        QString section;
        int n = 0;
        while (st.step()) {
            if (st.text(0) != section || n == 0) {
                section = st.text(0);
                if (!section.isEmpty())
                    add(Style::Subheading, QStringLiteral("%1. %2:").arg(++n).arg(section));
                else
                    ++n;
            }
            add(Style::Bullet, st.text(1));
        }
    }

    add(Style::Heading, Tr::tr("IV. MEASURES:"));
    bullets(records::textLines(field("solutions")));
    {
        // Partners that share one role text are named together, as the plan writes them. The order is
        // the order they were first stored in (the plan file's, on the device that imported it).
        auto st = store.db().prepare(QStringLiteral("SELECT name, role FROM organisations WHERE centre_id = ? AND deleted = 0 "
                                                    "AND coalesce(trim(role), '') <> '' ORDER BY rowid"));
        st.bind(1, store.centreId());
        std::vector<std::pair<QStringList, QString>> roles;
        while (st.step()) {
            const QString role = st.text(1).trimmed();
            auto it = std::find_if(roles.begin(), roles.end(), [&role](const auto &r) { return r.second == role; });
            if (it == roles.end())
                roles.push_back({{st.text(0)}, role});
            else
                it->first << st.text(0);
        }
        for (const auto &[names, role] : roles)
            d.paragraphs.push_back(ReportParagraph{Style::Bullet, QStringLiteral("%1: %2").arg(names.join(QStringLiteral(", ")), role), 0});
    }

    add(Style::Heading, Tr::tr("V. MONTH BY MONTH:"));
    ReportTable t;
    t.columns = QStringList{Tr::tr("Month"), Tr::tr("Activity"), Tr::tr("Participants"), Tr::tr("Target group"),
                            Tr::tr("Partner / teacher"), Tr::tr("Budget (đ)")};
    t.widths = {0.9, 3.4, 1.0, 1.8, 2.0, 1.1};
    t.kinds = {Cell::Text, Cell::Text, Cell::Number, Cell::Text, Cell::Text, Cell::Money};
    {
        auto st = store.db().prepare(QStringLiteral(
            "SELECT month, title, planned_participants, coalesce(group_text, ''), coalesce(partner_text, ''), coalesce(teacher, ''), budget "
            "FROM activities WHERE plan_id = ? AND deleted = 0 ORDER BY month, ord, id"));
        st.bind(1, planId);
        QString month;
        while (st.step()) {
            const QString m = st.text(0);
            QString partner = st.text(4);
            if (!st.text(5).isEmpty() && !partner.contains(st.text(5)))
                partner = partner.isEmpty() ? st.text(5) : partner + QStringLiteral("; ") + st.text(5);
            // The month once, on its first activity, as the plan's table writes it.
            t.rows.push_back({m == month ? QString() : vn::formatMonth(m), st.text(1), st.isNull(2) ? QVariant() : QVariant(st.integer(2)),
                              st.text(3), partner, st.isNull(6) ? QVariant() : QVariant(st.integer(6))});
            month = m;
        }
    }
    d.tables.push_back(t);
    // A draft carries this year's evidence beside it.
    for (ReportTable &e : draftEvidence(store, planId))
        d.tables.push_back(std::move(e));

    const QStringList recommendations = records::textLines(field("recommendations"));
    if (!recommendations.isEmpty()) {
        d.paragraphs.push_back(ReportParagraph{Style::Heading, Tr::tr("VI. RECOMMENDATIONS:"), 1});
        for (const QString &r : recommendations)
            d.paragraphs.push_back(ReportParagraph{Style::Bullet, r, 1});
    }
    for (const QString &c : records::textLines(field("closing")))
        d.paragraphs.push_back(ReportParagraph{Style::Text, c, 1});

    auto st = store.db().prepare(QStringLiteral("SELECT coalesce(title, ''), coalesce(note, ''), coalesce(name, '') FROM signatories "
                                                "WHERE plan_id = ? AND deleted = 0 ORDER BY ord, id"));
    st.bind(1, planId);
    while (st.step())
        d.signatures.push_back(ReportSignature{st.text(0), st.text(1), st.text(2)});
    return d;
}

} // namespace clc::reports
