#pragma once
// Kept conflicts, for a person to review (docs/sync.md#conflicts).
#include <QString>
#include <functional>
#include <vector>

#include "value.h"

namespace clc {
class Store;
}

namespace clc {

struct ConflictRow
{
    QString id, table, row, field;
    Value lostValue;
    Value currentValue;
    qint64 lostAtMs = 0;      ///< wall-clock time of the losing edit
    QString lostReplica;
    bool resolved = false;
};

/// Conflicts of the store's centre, newest first; unresolved only unless all is set.
std::vector<ConflictRow> listConflicts(Store &store, bool all = false);
/// Writes the losing value back (an ordinary write that wins from now on) and marks the conflict resolved.
/// The table and field the record names must be ones a person edits, and mayWrite (the device's role,
/// sync::mayWriteHere) must allow the table: a forged record cannot make a device write what its
/// role may not (Forbidden) or what no one writes by hand (InvalidInput).
void restoreConflict(Store &store, const QString &conflictId, const std::function<bool(int table)> &mayWrite);

} // namespace clc
