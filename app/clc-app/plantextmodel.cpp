#include "plantextmodel.h"
#include "records.h"
#include "reportdocument.h"
#include "reports.h"
#include "roles.h"
#include "schema.h"
#include "store.h"

namespace clc {

PlanTextModel::PlanTextModel(QObject *parent) : AsyncListModel(parent) {}

int PlanTextModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_items.size()); }

QVariant PlanTextModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_items.size())
        return {};
    const Item &i = m_items[size_t(index.row())];
    switch (role) {
    case SectionRole:
        return i.section;
    case LabelRole:
        return i.label;
    case TextRole:
        return i.text;
    case MultilineRole:
        return i.multiline;
    case RemovableRole:
        return i.removable;
    case FieldRole:
        return i.field;
    case NumberRole:
        return i.number;
    case KeyRole:
        return i.key();
    default:
        return {};
    }
}

QHash<int, QByteArray> PlanTextModel::roleNames() const
{
    return {{SectionRole, "section"}, {LabelRole, "label"}, {TextRole, "text"}, {MultilineRole, "multiline"},
            {RemovableRole, "removable"}, {FieldRole, "field"}, {NumberRole, "number"}, {KeyRole, "key"}};
}

namespace {
struct PlanTexts
{
    QString year;
    QStringList years;
    QStringList quarters;
    std::vector<PlanTextModel::Item> items;
};

PlanTexts readTexts(Store &s, const QString &chosen)
{
    PlanTexts d;
    if (!s.isInitialised())
        return d;
    d.years = records::planYears(s);
    d.year = d.years.contains(chosen) ? chosen : records::currentSchoolYear(s);
    const QString plan = d.year.isEmpty() ? QString() : records::planId(s, d.year);
    if (plan.isEmpty())
        return d;
    const QString plans = QStringLiteral("plans");
    auto planField = [&](const QString &section, const QString &label, const char *field, bool multiline) {
        d.items.push_back({section, label, plans, plan, QLatin1String(field), s.value(plans, plan, QLatin1String(field)).toText(), multiline, false, false});
    };
    const QString head = PlanTextModel::tr("Heading");
    planField(head, PlanTextModel::tr("Title"), "title", true);
    planField(head, PlanTextModel::tr("Document number"), "doc_number", false);
    planField(PlanTextModel::tr("Bases (one per line)"), PlanTextModel::tr("Bases"), "bases", true);
    planField(PlanTextModel::tr("I. Purpose"), PlanTextModel::tr("Purpose"), "purpose", true);
    planField(PlanTextModel::tr("I. Purpose"), PlanTextModel::tr("Advantages (one per line)"), "advantages", true);
    planField(PlanTextModel::tr("I. Purpose"), PlanTextModel::tr("Difficulties (one per line)"), "difficulties", true);
    const QString tasks = PlanTextModel::tr("II. Quarterly tasks");
    {
        auto st = s.db().prepare(QStringLiteral("SELECT id, quarter, text FROM quarterly_tasks WHERE plan_id = ? AND deleted = 0 ORDER BY quarter, ord, id"));
        st.bind(1, plan);
        while (st.step())
            d.items.push_back({tasks, reports::quarterLabel(st.text(1)), QStringLiteral("quarterly_tasks"), st.text(0), QStringLiteral("text"), st.text(2), true, true, false});
    }
    const QString targets = PlanTextModel::tr("III. Targets");
    {
        auto st = s.db().prepare(QStringLiteral("SELECT id, coalesce(section, ''), text, threshold_pct, coalesce(result_note, '') FROM targets "
                                                "WHERE plan_id = ? AND deleted = 0 ORDER BY ord, id"));
        st.bind(1, plan);
        while (st.step()) {
            const QString t = QStringLiteral("targets"), id = st.text(0);
            const QString label = st.text(1).isEmpty() ? PlanTextModel::tr("Target") : PlanTextModel::tr("Target · %1").arg(st.text(1));
            d.items.push_back({targets, label, t, id, QStringLiteral("text"), st.text(2), true, true, false});
            d.items.push_back({targets, PlanTextModel::tr("Required (%)"), t, id, QStringLiteral("threshold_pct"),
                               st.isNull(3) ? QString() : QString::number(st.integer(3)), false, false, true});
            d.items.push_back({targets, PlanTextModel::tr("Evidence of the result (for the year-end summary)"), t, id, QStringLiteral("result_note"),
                               st.text(4), true, false, false});
        }
    }
    const QString measures = PlanTextModel::tr("IV. Measures and partners");
    planField(measures, PlanTextModel::tr("Measures (one per line)"), "solutions", true);
    {
        auto st = s.db().prepare(QStringLiteral("SELECT id, name, coalesce(role, '') FROM organisations WHERE centre_id = ? AND deleted = 0 ORDER BY rowid"));
        st.bind(1, s.centreId());
        while (st.step())
            d.items.push_back({measures, PlanTextModel::tr("Role of %1").arg(st.text(1)), QStringLiteral("organisations"), st.text(0), QStringLiteral("role"),
                               st.text(2), true, false, false});
    }
    const QString closing = PlanTextModel::tr("Recommendations and closing");
    planField(closing, PlanTextModel::tr("Recommendations (one per line)"), "recommendations", true);
    planField(closing, PlanTextModel::tr("Closing sentence"), "closing", true);
    const QString yearEnd = PlanTextModel::tr("Year-end summary");
    planField(yearEnd, PlanTextModel::tr("Assessment of the year"), "year_end_notes", true);
    planField(yearEnd, PlanTextModel::tr("Recommendations for next year"), "year_end_recommendations", true);
    const int first = d.year.left(4).toInt();
    d.quarters = {QStringLiteral("%1-Q4").arg(first), QStringLiteral("%1-Q1").arg(first + 1), QStringLiteral("%1-Q2").arg(first + 1),
                  QStringLiteral("%1-Q3").arg(first + 1)};
    return d;
}
} // namespace

void PlanTextModel::reload()
{
    const QString chosen = m_chosen;
    fetch<PlanTexts>([chosen](Store &s) { return readTexts(s, chosen); }, [this](PlanTexts &d) {
        beginResetModel();
        m_year = d.year;
        m_years = d.years;
        m_items = std::move(d.items);
        m_quarters.clear();
        for (const QString &q : d.quarters)
            m_quarters.append(QVariantMap{{QStringLiteral("value"), q}, {QStringLiteral("label"), reports::quarterLabel(q)}});
        endResetModel();
    });
}

bool PlanTextModel::write(int row, const QString &tableName, const QString &field, const std::function<void()> &w)
{
    m_errorRow = row;
    const bool done = attempt([&] {
        if (!sync::mayWriteHere(StoreManager::current(), table(tableName)->code))
            throw Error(Error::Code::Forbidden, tr("this device's role may not change the plan"), field);
        w();
    });
    if (done) {
        m_errorRow = -1;
        Q_EMIT errorChanged();
    }
    return done;
}

bool PlanTextModel::save(int row, const QString &text)
{
    if (row < 0 || size_t(row) >= m_items.size())
        return false;
    const Item item = m_items[size_t(row)];
    const bool done = write(row, item.table, item.field, [&] {
        records::setPlanText(StoreManager::current(), item.table, item.id, item.field, text);
    });
    if (done) {
        m_items[size_t(row)].text = text;
        Q_EMIT dataChanged(index(row, 0), index(row, 0), {TextRole});
    }
    return done;
}

bool PlanTextModel::addTask(const QString &quarter, const QString &text)
{
    const bool done = write(-1, QStringLiteral("quarterly_tasks"), QStringLiteral("text"), [&] {
        records::addQuarterlyTask(StoreManager::current(), m_year, quarter, text);
    });
    if (done)
        reload();
    return done;
}

bool PlanTextModel::addTarget(const QString &text, const QString &thresholdPct)
{
    const bool done = write(-1, QStringLiteral("targets"), QStringLiteral("text"), [&] {
        const FieldDef *f = table(QStringLiteral("targets"))->field(QStringLiteral("threshold_pct"));
        const Value threshold = parseFieldValue(*f, thresholdPct.trimmed().isEmpty() ? QStringLiteral("100") : thresholdPct);
        validateField(*table(QStringLiteral("targets")), *f, threshold);
        records::addTarget(StoreManager::current(), m_year, QString(), text, threshold.toInt());
    });
    if (done)
        reload();
    return done;
}

bool PlanTextModel::remove(int row)
{
    if (row < 0 || size_t(row) >= m_items.size() || !m_items[size_t(row)].removable)
        return false;
    const Item item = m_items[size_t(row)];
    const bool done = write(row, item.table, item.field, [&] {
        StoreManager::current().remove(item.table, item.id);
    });
    if (done)
        reload();
    return done;
}

bool PlanTextModel::removeKey(const QString &key)
{
    for (size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i].key() == key)
            return remove(int(i));
    return false;
}

} // namespace clc
