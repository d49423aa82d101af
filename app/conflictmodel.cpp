#include "conflictmodel.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDateTime>

namespace clc {

namespace {

// "the place of the session on 10/11/2017", "the neighbourhood of Nguyễn Văn An": what a person recognises.
QString describe(Store &s, const sync::ConflictRow &c)
{
    static const QHash<QString, const char *> fields{
        {QStringLiteral("place"), QT_TRANSLATE_NOOP("clc::ConflictModel", "place")},
        {QStringLiteral("khu"), QT_TRANSLATE_NOOP("clc::ConflictModel", "neighbourhood")},
        {QStringLiteral("full_name"), QT_TRANSLATE_NOOP("clc::ConflictModel", "name")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("clc::ConflictModel", "phone")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("clc::ConflictModel", "attendance")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("clc::ConflictModel", "title")},
        {QStringLiteral("starts_at"), QT_TRANSLATE_NOOP("clc::ConflictModel", "start time")},
        {QStringLiteral("headcount"), QT_TRANSLATE_NOOP("clc::ConflictModel", "headcount")},
    };
    const QString field = fields.contains(c.field) ? QCoreApplication::translate("clc::ConflictModel", fields.value(c.field)) : c.field;
    QString whose;
    if (c.table == QLatin1String("people")) {
        whose = s.value(QStringLiteral("people"), c.row, QStringLiteral("full_name")).toText();
    } else if (c.table == QLatin1String("attendance")) {
        whose = s.value(QStringLiteral("people"), s.value(QStringLiteral("attendance"), c.row, QStringLiteral("person_id")).toText(), QStringLiteral("full_name")).toText();
    } else if (c.table == QLatin1String("sessions")) {
        const QString activity = s.value(QStringLiteral("sessions"), c.row, QStringLiteral("activity_id")).toText();
        whose = s.value(QStringLiteral("activities"), activity, QStringLiteral("title")).toText();
    } else if (c.table == QLatin1String("activities")) {
        whose = s.value(QStringLiteral("activities"), c.row, QStringLiteral("title")).toText();
    }
    return whose.isEmpty() ? field : ConflictModel::tr("%1 of %2").arg(field, whose);
}
} // namespace

ConflictModel::ConflictModel(QObject *parent) : QAbstractListModel(parent) { reload(); }

int ConflictModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::ConflictRow &c = m_rows[size_t(index.row())];
    switch (role) {
    case WhatRole:
        return m_what[size_t(index.row())];
    case KeptRole:
        return c.currentValue.toText();
    case OtherRole:
        return c.lostValue.toText();
    case WhenRole:
        return ConflictModel::tr("the other value was written on device %1 on %2")
            .arg(c.lostReplica.left(8), QDateTime::fromMSecsSinceEpoch(c.lostAtMs).toString(QStringLiteral("dd/MM/yyyy HH:mm")));
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictModel::roleNames() const
{
    return {{WhatRole, "what"}, {KeptRole, "kept"}, {OtherRole, "other"}, {WhenRole, "when"}};
}

void ConflictModel::reload()
{
    beginResetModel();
    Store &s = StoreManager::current();
    m_rows = s.isInitialised() ? sync::listConflicts(s) : std::vector<sync::ConflictRow>{};
    m_what.clear();
    for (const auto &c : m_rows)
        m_what.push_back(describe(s, c));
    endResetModel();
    Q_EMIT reloaded();
}

void ConflictModel::restore(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    sync::restoreConflict(StoreManager::current(), m_rows[size_t(row)].id);
    reload();
}

} // namespace clc
