#pragma once
// Numbered schema migrations keyed on PRAGMA user_version. Synced tables only ever gain columns.
namespace clc {
class Database;

/// The version a fully migrated database has.
int latestSchemaVersion();
/// Brings db up to target (default: latest) one migration at a time, each in its own transaction.
/// Refuses a database newer than this program (Error::TooNew).
void migrate(Database &db, int target = -1);
} // namespace clc
