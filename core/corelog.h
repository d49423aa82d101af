#pragma once
// The logging categories of core.
// Categories are switched with QT_LOGGING_RULES or the programs' --log-level (docs/operations.md#logs).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore) ///< clc.store: opening, migrating and checking the local database
