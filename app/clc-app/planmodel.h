#pragma once
// The year's plan for the plan page: quarterly tasks, and the targets with their progress computed
// in core (reports::yearFigures) from the register and attendance.
#include "asynclistmodel.h"
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "reports.h"

namespace clc {

class PlanModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString schoolYear READ schoolYear NOTIFY loaded)
    Q_PROPERTY(QVariantList tasks READ tasks NOTIFY loaded)
    /// Attendances month by month over the school year, for the chart: [{label: "09", value, text: "1.371"}].
    Q_PROPERTY(QVariantList monthlyAttendances READ monthlyAttendances NOTIFY loaded)
    /// Activities planned and held by field: [{label: "Tập huấn kỹ thuật", planned, held}].
    Q_PROPERTY(QVariantList activitiesByKind READ activitiesByKind NOTIFY loaded)
    Q_PROPERTY(QString budgetText READ budgetText NOTIFY loaded)
    Q_PROPERTY(QString activitiesText READ activitiesText NOTIFY loaded)
    Q_PROPERTY(QString importMessage READ importMessage NOTIFY importFinished)
    Q_PROPERTY(bool importFailed READ importFailed NOTIFY importFinished)
    /// The school year a draft would be for ("2018-2019"), and what the last draft did.
    Q_PROPERTY(QString nextYear READ nextYear NOTIFY loaded)
    Q_PROPERTY(QString draftMessage READ draftMessage NOTIFY draftFinished)
    Q_PROPERTY(bool draftFailed READ draftFailed NOTIFY draftFinished)

public:
    enum Role { TextRole = Qt::UserRole + 1, ProgressRole, ProgressTextRole, MeasuredRole, MetRole, TargetIdRole, ManualRole, ThresholdRole, NumeratorRole, DenominatorRole };
    explicit PlanModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString schoolYear() const { return m_year; }
    /// [{quarter: "Quý IV năm 2017", text: "…"}] in plan order.
    QVariantList tasks() const { return m_tasks; }
    QVariantList monthlyAttendances() const { return m_monthly; }
    QVariantList activitiesByKind() const { return m_byKind; }
    QString budgetText() const { return m_budget; }
    QString activitiesText() const { return m_activities; }
    QString importMessage() const { return m_importMessage; }
    bool importFailed() const { return m_importFailed; }
    QString nextYear() const;
    QString draftMessage() const { return m_draftMessage; }
    bool draftFailed() const { return m_draftFailed; }
    /// Drafts next year's plan from this year's (plans::draftNextYear) on the writer thread;
    /// draftFinished follows. Running it again makes only what is missing.
    Q_INVOKABLE void draftNextYear();
    /// Recomputes from the database (the latest plan's school year).
    Q_INVOKABLE void reload();
    /// Imports a plan file (clc-plan/1 JSON, as `clc plan import`) on the writer thread; importFinished
    /// follows with a summary or the error (the line and field at fault); nothing is half-written.
    Q_INVOKABLE void importPlan(const QString &pathOrUrl);
    /// Enters a hand-measured target's figures (both empty clears them); false with lastError naming
    /// the field, and nothing written, on bad input or when this device's role may not change targets.
    Q_INVOKABLE bool setManualFigures(const QString &targetId, const QString &reached, const QString &outOf);

Q_SIGNALS:
    void importFinished();
    void draftFinished();

protected:
    void retranslate() override { reload(); } // its texts are made when read

private:
    QString m_year, m_budget, m_activities, m_importMessage, m_draftMessage;
    bool m_importFailed = false, m_draftFailed = false;
    QVariantList m_tasks, m_monthly, m_byKind;
    std::vector<TargetFigures> m_targets;
};

} // namespace clc
