#pragma once
// Kept conflicts in plain words, each with one action: restore the other value.
#include "asynclistmodel.h"
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "conflicts.h"

namespace clc {

class ConflictModel : public AsyncListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY reloaded)

public:
    enum Role { WhatRole = Qt::UserRole + 1, KeptRole, OtherRole, WhenRole };
    explicit ConflictModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }
    Q_INVOKABLE void reload();
    /// Writes the other value back (an ordinary edit that syncs) and marks the conflict resolved.
    Q_INVOKABLE void restore(int row);

Q_SIGNALS:
    void reloaded();

protected:
    void retranslate() override { reload(); } // its texts are made when read

private:
    std::vector<ConflictRow> m_rows;
    std::vector<QString> m_what;
};

} // namespace clc
