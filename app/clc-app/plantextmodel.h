#pragma once
// The plan's text parts for coordinators to edit (docs/year.md): the bases, purpose, advantages,
// difficulties, the quarterly tasks, the targets with their measure and evidence, the measures and
// the partners' roles, the recommendations, the closing and the year-end assessment. Each save is
// one ordinary synced write (records::setPlanText); a refusal names the field and writes nothing.
#include "asynclistmodel.h"
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace clc {

class PlanTextModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    /// The plan edited: the current school year's unless another is chosen (next year's draft).
    Q_PROPERTY(QString schoolYear READ schoolYear WRITE setSchoolYear NOTIFY loaded)
    /// The years that have a plan, oldest first.
    Q_PROPERTY(QStringList years READ years NOTIFY loaded)
    /// The quarters of the school year for a new task: [{value: "2017-Q4", label: "Quý IV năm 2017"}].
    Q_PROPERTY(QVariantList quarters READ quarters NOTIFY loaded)
    /// The row the last refusal is about (-1: none or a new row).
    Q_PROPERTY(int errorRow READ errorRow NOTIFY errorChanged)

public:
    enum Role { SectionRole = Qt::UserRole + 1, LabelRole, TextRole, MultilineRole, RemovableRole, FieldRole, NumberRole, KeyRole };
    explicit PlanTextModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString schoolYear() const { return m_year; }
    void setSchoolYear(const QString &year)
    {
        m_chosen = year;
        reload();
    }
    QStringList years() const { return m_years; }
    QVariantList quarters() const { return m_quarters; }
    int errorRow() const { return m_errorRow; }

    /// Reads the current school year's plan.
    Q_INVOKABLE void reload();
    /// Saves one part as typed; false with lastError (naming the part) and nothing written.
    Q_INVOKABLE bool save(int row, const QString &text);
    /// A new quarterly task at the end of its quarter; a new target (measured by hand) at the end.
    Q_INVOKABLE bool addTask(const QString &quarter, const QString &text);
    Q_INVOKABLE bool addTarget(const QString &text, const QString &thresholdPct);
    /// Deletes a task or a target (an ordinary synced write, as any delete).
    Q_INVOKABLE bool remove(int row);
    /// The same, for the part with this key (table/id/field) wherever its row is now.
    Q_INVOKABLE bool removeKey(const QString &key);

protected:
    void retranslate() override { reload(); }

public:
    struct Item
    {
        QString section, label, table, id, field, text;
        bool multiline = false, removable = false, number = false;
        /// The part itself, whatever row it is on after a reload: table/id/field.
        QString key() const { return table + QLatin1Char('/') + id + QLatin1Char('/') + field; }
    };

private:
    /// Runs one write the user asked for about a row (-1: a new one), once this device's role may
    /// write the table; a refusal names field.
    bool write(int row, const QString &table, const QString &field, const std::function<void()> &w);
    QString m_year, m_chosen;
    QStringList m_years;
    QVariantList m_quarters;
    std::vector<Item> m_items;
    int m_errorRow = -1;
};

} // namespace clc
