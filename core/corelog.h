#pragma once
// The logging categories of core.
// Categories are switched with QT_LOGGING_RULES, and clc-server's --log-level (docs/operations.md#logs).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore) ///< clc.store: the local database (a file found copied to another place)
