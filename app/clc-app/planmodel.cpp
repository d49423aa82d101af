#include "planmodel.h"
#include "plandraft.h"
#include "localfile.h"
#include "error.h"
#include "roles.h"
#include "schema.h"
#include "records.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"
#include "planimport.h"
#include "textfile.h"
#include "dbthread.h"

#include <QRegularExpression>
#include <QUrl>

#include <QCoreApplication>
#include <QLocale>
#include <QVariantMap>

namespace clc {

namespace {

QString quarterLabel(const QString &q)
{
    // "2017-Q4" → "Quý IV năm 2017"
    static const QStringList roman{QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("III"), QStringLiteral("IV")};
    const int n = q.mid(6).toInt();
    return n >= 1 && n <= 4 ? PlanModel::tr("Quarter %1 of %2").arg(roman[n - 1], q.left(4)) : q;
}
} // namespace

PlanModel::PlanModel(QObject *parent) : AsyncListModel(parent) {} // the page reloads when shown

int PlanModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_targets.size()); }

QVariant PlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TargetFigures &t = m_targets[size_t(index.row())];
    const bool measured = t.numerator && t.denominator && *t.denominator > 0;
    switch (role) {
    case TextRole:
        return t.text;
    case ProgressRole: // 0..1 of everyone, for the bar; the target is marked on it (ThresholdRole)
        return measured ? std::clamp(t.percent / 100.0, 0.0, 1.0) : 0.0;
    case ThresholdRole:
        return t.threshold / 100.0;
    case TargetIdRole:
        return t.id;
    case ManualRole:
        return t.metric == QLatin1String("manual");
    case NumeratorRole:
        return t.numerator ? QString::number(*t.numerator) : QString();
    case DenominatorRole:
        return t.denominator ? QString::number(*t.denominator) : QString();
    case ProgressTextRole: {
        if (!measured)
            return PlanModel::tr("not measured yet (entered by hand)");
        const QLocale vi(QLocale::Vietnamese, QLocale::Vietnam);
        return PlanModel::tr("%1 of %2 = %3 % (target %4 %) — %5")
            .arg(vn::formatNumber(*t.numerator), vn::formatNumber(*t.denominator), vi.toString(t.percent, 'f', 1)).arg(t.threshold)
            .arg(t.met ? PlanModel::tr("met") : PlanModel::tr("not met yet"));
    }
    case MeasuredRole:
        return measured;
    case MetRole:
        return t.met;
    default:
        return {};
    }
}

QHash<int, QByteArray> PlanModel::roleNames() const
{
    return {{TextRole, "text"}, {ProgressRole, "progress"}, {ProgressTextRole, "progressText"}, {MeasuredRole, "measured"}, {MetRole, "met"},
            {TargetIdRole, "targetId"}, {ManualRole, "manual"}, {ThresholdRole, "threshold"}, {NumeratorRole, "numerator"}, {DenominatorRole, "denominator"}};
}

bool PlanModel::setManualFigures(const QString &targetId, const QString &reached, const QString &outOf)
{
    auto number = [](const QString &text, const QString &field) -> std::optional<qint64> {
        // Whole numbers, plain or with their thousands grouped the Vietnamese way ("1.371", "1 371"):
        // a dot anywhere else is a decimal point, refused rather than read as thousands.
        static const QRegularExpression whole(QStringLiteral("^(\\d+|\\d{1,3}([. ]\\d{3})+)$"));
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty())
            return std::nullopt;
        bool ok = whole.match(trimmed).hasMatch();
        const qint64 n = ok ? QString(trimmed).remove(QLatin1Char('.')).remove(QLatin1Char(' ')).toLongLong(&ok) : 0;
        if (!ok)
            throw Error(Error::Code::InvalidInput, tr("'%1' is not a whole number").arg(text.trimmed()), field);
        return n;
    };
    const bool done = attempt([&] {
        if (!sync::mayWriteHere(StoreManager::current(), table(QStringLiteral("targets"))->code))
            throw Error(Error::Code::Forbidden, tr("this device's role may not change the plan's targets"), QStringLiteral("manual_numerator"));
        records::setManualTarget(StoreManager::current(), targetId, number(reached, QStringLiteral("manual_numerator")), number(outOf, QStringLiteral("manual_denominator")));
    });
    if (done)
        reload();
    return done;
}

namespace {
struct PlanData
{
    QString year;
    std::optional<YearFigures> figures;
    std::vector<std::pair<QString, QString>> tasks; // quarter code, text
};

PlanData readPlan(Store &s)
{
    PlanData d;
    if (!s.isInitialised())
        return d;
    d.year = records::currentSchoolYear(s);
    if (d.year.isEmpty())
        return d;
    d.figures = reports::yearFigures(s, d.year);
    d.tasks = records::quarterlyTasks(s, d.year);
    return d;
}
} // namespace

void PlanModel::reload()
{
    fetch<PlanData>(readPlan, [this](PlanData &d) {
        beginResetModel();
        m_year = d.year;
        m_targets.clear();
        m_tasks.clear();
        m_monthly.clear();
        m_byKind.clear();
        m_budget.clear();
        m_activities.clear();
        if (d.figures) {
            const YearFigures &y = *d.figures;
            m_targets = y.targets;
            m_budget = tr("Budget: %1 planned, %2 recorded as spent").arg(vn::formatMoney(y.budgetPlanned), vn::formatMoney(y.budgetSpent));
            const auto &total = y.byKind.back();
            m_activities = tr("%1 of %2 activities held, %3 attendances, %4 learners")
                               .arg(vn::formatNumber(total.activitiesHeld), vn::formatNumber(total.activitiesPlanned), vn::formatNumber(total.attendances),
                                    vn::formatNumber(total.learners));
            // The charts: the same figures as the year report, by the activity's month and by field.
            for (const QString &month : reports::monthsOfSchoolYear(y.schoolYear)) {
                int attendances = 0;
                for (const ActivityFigures &a : y.activities)
                    if (a.month == month)
                        attendances += a.attendances;
                m_monthly.append(QVariantMap{{QStringLiteral("label"), month.right(2)}, {QStringLiteral("value"), attendances},
                                             {QStringLiteral("text"), vn::formatNumber(attendances)}});
            }
            for (const YearFigures::KindRow &k : y.byKind)
                if (!k.kind.isEmpty() && k.activitiesPlanned > 0)
                    m_byKind.append(QVariantMap{{QStringLiteral("label"), records::kindTitle(k.kind)}, {QStringLiteral("planned"), k.activitiesPlanned},
                                                {QStringLiteral("held"), k.activitiesHeld}});
        }
        for (const auto &[quarter, text] : d.tasks)
            m_tasks.append(QVariantMap{{QStringLiteral("quarter"), quarterLabel(quarter)}, {QStringLiteral("text"), text}});
        endResetModel();
    });
}

void PlanModel::importPlan(const QString &pathOrUrl)
{
    const QString path = localPathOf(pathOrUrl);
    StoreManager::writer().run<PlanImportSummary>(
        this, [path](Store &s) { return clc::importPlan(s, readFile(path), path); },
        [this](PlanImportSummary sum) {
            m_importFailed = false;
            m_importMessage = tr("Imported the plan: %1 activities, %2 targets, %3 quarterly tasks.").arg(sum.activities).arg(sum.targets).arg(sum.tasks);
            Q_EMIT importFinished();
            StoreManager::noteWrite();
            reload();
        },
        [this](const QString &error) {
            m_importFailed = true;
            m_importMessage = error;
            Q_EMIT importFinished();
        });
}

QString PlanModel::nextYear() const
{
    return m_year.isEmpty() ? QString() : plans::nextSchoolYear(m_year);
}

void PlanModel::draftNextYear()
{
    const QString from = m_year, to = nextYear();
    StoreManager::writer().run<plans::DraftResult>(
        this,
        [from, to](Store &s) {
            if (!sync::mayWriteHere(s, table(QStringLiteral("plans"))->code))
                throw Error(Error::Code::Forbidden, tr("this device's role may not change the plan"), QStringLiteral("--year"));
            return plans::draftNextYear(s, from, to);
        },
        [this, to](plans::DraftResult r) {
            m_draftFailed = false;
            m_draftMessage = r.rowsCreated == 0
                                 ? tr("The draft of %1 is up to date: nothing was changed.").arg(to)
                                 : tr("Drafted the plan of %1: %2 activities carried over, %3 proposed from the survey. Print it from Reports (The plan), with the year %1.")
                                       .arg(to).arg(r.activitiesCarried).arg(r.activitiesProposed);
            Q_EMIT draftFinished();
            StoreManager::noteWrite();
        },
        [this](const QString &error) {
            m_draftFailed = true;
            m_draftMessage = error;
            Q_EMIT draftFinished();
        });
}

} // namespace clc
