#pragma once
// Kept conflicts, for a person to review (docs/sync.md#conflicts).
#include <QString>
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
void restoreConflict(Store &store, const QString &conflictId);

} // namespace clc
