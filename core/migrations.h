#pragma once
// Numbered schema migrations keyed on PRAGMA user_version. Synced tables only ever gain columns.
namespace clc {
class Database;

/// The version a fully migrated database has.
int latestSchemaVersion();
/// The schema of the synced tables and fields, as sync messages name it (docs/sync.md#newer): the
/// last migration that added a synced table or field. A migration of the device's own bookkeeping
/// (migration 10, field_clock's masks) does not change it, so a server that has not been upgraded
/// yet does not take an upgraded device for a newer app.
int syncSchemaVersion();
/// Brings db up to target (default: latest) one migration at a time, each in its own transaction.
/// Refuses a database newer than this program (Error::TooNew).
void migrate(Database &db, int target = -1);
} // namespace clc
