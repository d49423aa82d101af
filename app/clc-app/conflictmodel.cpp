#include "conflictmodel.h"
#include "roles.h"
#include "error.h"
#include "plandraft.h"
#include "store.h"
#include "storemanager.h"
#include "vietnamese.h"

#include <QCoreApplication>
#include <QDateTime>

namespace clc {

namespace {

// "the place of the session on 10/11/2017", "the neighbourhood of Nguyễn Văn An": what a person recognises.
QString describe(const ConflictRow &c, const QString &whose)
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
    return whose.isEmpty() ? field : ConflictModel::tr("%1 of %2").arg(field, whose);
}

// The person or activity a conflict is about (read on the reader thread).
QString whoseOf(Store &s, const ConflictRow &c)
{
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
    return whose;
}

struct Conflicts
{
    std::vector<ConflictRow> rows;
    std::vector<QString> whose;
};
} // namespace

ConflictModel::ConflictModel(QObject *parent) : AsyncListModel(parent) {} // the page reloads when shown

int ConflictModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConflictRow &c = m_rows[size_t(index.row())];
    switch (role) {
    case WhatRole:
        return m_what[size_t(index.row())];
    case KeptRole:
        return c.currentValue.toText();
    case OtherRole:
        return c.lostValue.toText();
    case WhenRole:
        if (c.lostAtMs == plans::DraftMillis) // not a person's edit: a draft made again on that device
            return ConflictModel::tr("the other value came from next year's draft made again on device %1").arg(c.lostReplica.left(8));
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
    fetch<Conflicts>(
        [](Store &s) {
            Conflicts r;
            if (s.isInitialised())
                r.rows = listConflicts(s);
            for (const auto &c : r.rows)
                r.whose.push_back(whoseOf(s, c));
            return r;
        },
        [this](Conflicts &r) {
            beginResetModel();
            m_rows = std::move(r.rows);
            m_what.clear();
            for (size_t i = 0; i < m_rows.size(); ++i)
                m_what.push_back(describe(m_rows[i], r.whose[i]));
            endResetModel();
            Q_EMIT reloaded();
        });
}

void ConflictModel::restore(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    // May fail, e.g. already restored by a double tap, or the file is busy: lastError says so.
    attempt([&] {
        Store &s = StoreManager::current();
        restoreConflict(s, m_rows[size_t(row)].id, [&s](int table) { return sync::mayWriteHere(s, table); });
    });
    reload();
}

} // namespace clc
