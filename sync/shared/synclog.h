#pragma once
// The logging categories of what both sides of sync share.
// Categories are switched with QT_LOGGING_RULES, and clc-server's --log-level (docs/operations.md#logs).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcMerge) ///< clc.sync.merge: remote changes kept aside, conflicts kept
