#pragma once
// The logging categories of the device side of sync.
// Categories are switched with QT_LOGGING_RULES or the programs' --log-level (docs/operations.md#logs).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClient) ///< clc.sync.client: sync runs, retries, server restores seen
