#pragma once
// The logging categories of the device side of sync.
// Categories are switched with QT_LOGGING_RULES, and clc-server's --log-level (docs/operations.md#logs).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClient) ///< clc.sync.client: each sync run, server restores seen
