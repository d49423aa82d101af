#pragma once
// Imports a plan in the bundled format (docs/data.md, "clc-plan/1") into the store's centre.
// Ids are derived from the plan's natural keys, so importing the same file twice changes nothing.
#include <QByteArray>
#include <QString>

namespace clc {
class Store;

struct PlanImportSummary
{
    QString planId;
    int activities = 0;
    int groups = 0;
    int organisations = 0;
    int targets = 0;
    int tasks = 0;
    int changes = 0; ///< fields written (0 when re-importing an identical plan)
};

/// Validates the whole document first; on any error throws (naming the JSON path or line) and writes nothing.
PlanImportSummary importPlan(Store &store, const QByteArray &json, const QString &source);

} // namespace clc
