#pragma once
// The logging categories of the ward office server.
// Categories are switched with QT_LOGGING_RULES, and clc-server's --log-level (docs/operations.md#logs).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp) ///< clc.server.http: one line per request, and every refusal and failure
Q_DECLARE_LOGGING_CATEGORY(lcApi) ///< clc.server.api: enrolments, throttled addresses
Q_DECLARE_LOGGING_CATEGORY(lcServerStore) ///< clc.server.store: the SQLite and PostgreSQL stores
Q_DECLARE_LOGGING_CATEGORY(lcAdmin) ///< clc.server.admin: backup, restore, enrol, revoke
