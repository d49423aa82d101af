#include "migrations.h"
#include "translate.h"
#include "database.h"
#include "error.h"

#include <QCoreApplication>

namespace clc {

namespace {

// Migration 1: the data model of the foundation. Every synced table has a client-made text id, its
// centre (the sync scope) and a `deleted` flag; all other columns are nullable because sync builds
// rows field by field. Local bookkeeping: meta, replicas, field_clock (the version of every field),
// outbox (local changes not yet acknowledged by the server).
const char *const Migration1 = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE replicas (no INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE);
CREATE TABLE field_clock (
  tbl INTEGER NOT NULL, row_id TEXT NOT NULL, field INTEGER NOT NULL,
  hlc INTEGER NOT NULL, replica INTEGER NOT NULL REFERENCES replicas(no),
  PRIMARY KEY (tbl, row_id, field)) WITHOUT ROWID;
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl INTEGER NOT NULL, row_id TEXT NOT NULL, field INTEGER NOT NULL, value,
  hlc INTEGER NOT NULL, replica INTEGER NOT NULL REFERENCES replicas(no),
  base_hlc INTEGER, base_replica INTEGER REFERENCES replicas(no));
CREATE INDEX outbox_by_field ON outbox (tbl, row_id, field);

CREATE TABLE centres (id TEXT PRIMARY KEY, name TEXT, short_name TEXT, committee TEXT, place TEXT,
  district TEXT, province TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE plans (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id), school_year TEXT, title TEXT,
  doc_number TEXT, bases TEXT, purpose TEXT, advantages TEXT, difficulties TEXT, solutions TEXT,
  recommendations TEXT, closing TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE signatories (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  plan_id TEXT REFERENCES plans(id), ord INTEGER, title TEXT, note TEXT, name TEXT,
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE quarterly_tasks (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  plan_id TEXT REFERENCES plans(id), quarter TEXT, ord INTEGER, text TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE learner_groups (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id), code TEXT, name TEXT,
  aliases TEXT, everyone INTEGER, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE organisations (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id), code TEXT, name TEXT,
  role TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE targets (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id), plan_id TEXT REFERENCES plans(id),
  section TEXT, ord INTEGER, text TEXT, metric TEXT, kinds TEXT, threshold_pct INTEGER, manual_numerator INTEGER,
  manual_denominator INTEGER, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE target_groups (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  target_id TEXT REFERENCES targets(id), group_id TEXT REFERENCES learner_groups(id),
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE activities (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  plan_id TEXT REFERENCES plans(id), month TEXT, ord INTEGER, title TEXT, kind TEXT, group_text TEXT,
  partner_text TEXT, teacher TEXT, planned_participants INTEGER, budget INTEGER, status TEXT,
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE activity_groups (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  activity_id TEXT REFERENCES activities(id), group_id TEXT REFERENCES learner_groups(id),
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE activity_partners (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  activity_id TEXT REFERENCES activities(id), organisation_id TEXT REFERENCES organisations(id),
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sessions (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  activity_id TEXT REFERENCES activities(id), starts_at TEXT, ends_at TEXT, place TEXT, facilitator TEXT,
  headcount INTEGER, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE people (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id), full_name TEXT, sex TEXT,
  birth_year INTEGER, khu TEXT, phone TEXT, note TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE person_groups (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  person_id TEXT REFERENCES people(id), group_id TEXT REFERENCES learner_groups(id),
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE attendance (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  session_id TEXT REFERENCES sessions(id), person_id TEXT REFERENCES people(id), status TEXT,
  deleted INTEGER NOT NULL DEFAULT 0);
)SQL";

// Migration 2: what the screens query by, and a folded name for diacritic-insensitive search
// (a local, derived column: never synced, recomputed whenever full_name is written).
const char *const Migration2 = R"SQL(
ALTER TABLE people ADD COLUMN search_key TEXT;
CREATE INDEX activities_by_month ON activities (centre_id, month, ord);
CREATE INDEX sessions_by_activity ON sessions (activity_id, starts_at);
CREATE INDEX attendance_by_session ON attendance (session_id);
CREATE INDEX attendance_by_person ON attendance (person_id);
CREATE INDEX person_groups_by_group ON person_groups (group_id);
CREATE INDEX activity_groups_by_activity ON activity_groups (activity_id);
CREATE INDEX people_by_centre ON people (centre_id);
)SQL";

// Migration 3: sync. Conflicts are a synced table; outbox rows can be marked rejected; changes
// refused for a bad clock (or from a newer schema) are kept aside. The batch being pushed is the
// outbox up to meta 'outbox_frozen_to' (a range, so freezing and acknowledging touch no rows).
const char *const Migration3 = R"SQL(
CREATE TABLE conflicts (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id), tbl TEXT, row_id TEXT,
  field TEXT, value, lost_hlc INTEGER, lost_replica TEXT, resolved INTEGER, deleted INTEGER NOT NULL DEFAULT 0);
ALTER TABLE outbox ADD COLUMN error TEXT;
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL,
  field INTEGER NOT NULL, value, hlc INTEGER NOT NULL, replica TEXT NOT NULL, reason TEXT NOT NULL);
)SQL";

// Migration 4: reports. Who signs the centre's reports and who receives them; money recorded as spent.
const char *const Migration4 = R"SQL(
ALTER TABLE centres ADD COLUMN director_title TEXT;
ALTER TABLE centres ADD COLUMN director_name TEXT;
ALTER TABLE centres ADD COLUMN recipients TEXT;
ALTER TABLE activities ADD COLUMN budget_spent INTEGER;
)SQL";

// Migration 5: indexes the screens measured a need for (docs/performance.md): a person's groups.
const char *const Migration5 = R"SQL(
CREATE INDEX person_groups_by_person ON person_groups (person_id);
CREATE INDEX sessions_by_centre ON sessions (centre_id);
)SQL";

// Migration 6: who took a session's attendance (the enrolled device's name; a synced field).
const char *const Migration6 = R"SQL(
ALTER TABLE sessions ADD COLUMN recorded_by TEXT;
)SQL";

// Migration 7: covering indexes for the year's figures (the plan page walks every present mark:
// 75 → 14 ms for 60,000 marks, docs/performance.md). The first replaces attendance_by_session.
const char *const Migration7 = R"SQL(
CREATE INDEX attendance_marks ON attendance (session_id, deleted, status, person_id);
DROP INDEX attendance_by_session;
CREATE INDEX people_live ON people (id, deleted);
)SQL";

// Migration 8: changes kept aside are looked up by field, so a field kept aside again (a newer app's
// later edit, a page pulled twice) replaces its older copy instead of piling up.
const char *const Migration8 = R"SQL(
CREATE INDEX quarantine_by_field ON quarantine (tbl, row_id, field);
)SQL";

// Migration 9: the year's cycle (docs/year.md). A draft plan and its rows name the row of the year
// before they were carried from (the evidence shown beside them); the year-end summary's own text;
// why an activity did not take place; a target's evidence; the learning-needs survey.
const char *const Migration9 = R"SQL(
ALTER TABLE plans ADD COLUMN carried_from TEXT;
ALTER TABLE plans ADD COLUMN year_end_notes TEXT;
ALTER TABLE plans ADD COLUMN year_end_recommendations TEXT;
ALTER TABLE targets ADD COLUMN result_note TEXT;
ALTER TABLE targets ADD COLUMN carried_from TEXT;
ALTER TABLE activities ADD COLUMN not_held_reason TEXT;
ALTER TABLE activities ADD COLUMN carried_from TEXT;
ALTER TABLE activities ADD COLUMN from_survey TEXT;
CREATE TABLE surveys (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id), plan_id TEXT REFERENCES plans(id),
  period TEXT, title TEXT, topics TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE survey_answers (id TEXT PRIMARY KEY, centre_id TEXT REFERENCES centres(id),
  survey_id TEXT REFERENCES surveys(id), person_id TEXT REFERENCES people(id), respondent TEXT, khu TEXT,
  group_id TEXT REFERENCES learner_groups(id), topics TEXT, other_topic TEXT, time_of_day TEXT, months TEXT,
  note TEXT, taken_by TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX survey_answers_by_survey ON survey_answers (survey_id);
)SQL";

// Migration 10: one clock row for the fields a write set together (docs/sync.md#device-clock): the
// row with field -1 holds the version of the fields in its mask that have no row of their own.
const char *const Migration10 = R"SQL(
ALTER TABLE field_clock ADD COLUMN fields INTEGER;
)SQL";

// Migration 11: a row written at once waits in the outbox as one row (docs/sync.md#outbox): field -1,
// `fields` its mask, `value` a JSON object of the values by field code. outbox_changes is the outbox
// as field-level changes (a packed row without fields gives none); order them by seq and field.
const char *const Migration11 = R"SQL(
ALTER TABLE outbox ADD COLUMN fields INTEGER;
CREATE VIEW outbox_changes AS
  SELECT o.seq, o.tbl, o.row_id,
         CASE WHEN o.field = -1 THEN CAST(j.key AS INTEGER) ELSE o.field END AS field,
         CASE WHEN o.field = -1 THEN j.value ELSE o.value END AS value,
         o.hlc, o.replica, o.base_hlc, o.base_replica, o.error
  FROM outbox o LEFT JOIN json_each(CASE WHEN o.field = -1 THEN o.value END) j
  WHERE o.field >= 0 OR j.key IS NOT NULL;
)SQL";

// Migration 12: the version shared by the fields a write set together (field_clock's row with field
// -1, migration 10) moves into the row itself (docs/sync.md#device-clock): three columns of every
// synced table, so a row written at once is one B-tree entry fewer. The tables as they were then,
// each at the position that is its code (frozen: codes never change).
const char *const Migration12Tables[] = {"centres", "plans", "signatories", "quarterly_tasks", "learner_groups", "organisations",
                                         "targets", "target_groups", "activities", "activity_groups", "activity_partners",
                                         "sessions", "people", "person_groups", "attendance", "conflicts", "surveys", "survey_answers"};

void migration12(Database &db)
{
    int code = 0;
    for (const char *name : Migration12Tables) {
        const QString t = QLatin1String(name);
        db.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN clock_hlc INTEGER;\n"
                               "ALTER TABLE %1 ADD COLUMN clock_replica INTEGER REFERENCES replicas(no);\n"
                               "ALTER TABLE %1 ADD COLUMN clock_fields INTEGER;\n"
                               "UPDATE %1 SET clock_hlc = c.hlc, clock_replica = c.replica, clock_fields = c.fields FROM field_clock c "
                               "WHERE c.tbl = %2 AND c.field = -1 AND c.row_id = %1.id;")
                    .arg(t)
                    .arg(code));
        // Every clock row of a row that exists is in that row now, or nothing is deleted (the
        // transaction rolls back and the file stays as it was).
        const qint64 missed = db.scalar(QStringLiteral("SELECT count(*) FROM field_clock c JOIN %1 r ON r.id = c.row_id "
                                                       "WHERE c.tbl = %2 AND c.field = -1 AND (r.clock_hlc IS NOT c.hlc "
                                                       "OR r.clock_replica IS NOT c.replica OR r.clock_fields IS NOT c.fields)")
                                        .arg(t)
                                        .arg(code))
                                  .toInt();
        if (missed > 0)
            throw Error(Error::Code::Database, QStringLiteral("migration 12: %1 clock rows of %2 were not moved into their rows").arg(missed).arg(t),
                        db.path());
        ++code;
    }
    // What is left describes no row (a row is written before its clock and never removed): nothing to keep.
    db.exec(QStringLiteral("DELETE FROM field_clock WHERE field = -1"));
}

// Migration 13: the outbox's (table, row, field) index holds the rows of one field only; a packed row
// (field -1: a row written at once) is found from its row's clock, whose stamp it shares, by an index
// on the stamp, then the row (docs/sync.md#outbox; a plan drafted at once shares one stamp). Packed rows are most of a busy outbox, and their entries under
// random row ids made each acknowledgement's DELETE dirty pages all over the index.
const char *const Migration13 = R"SQL(
DROP INDEX outbox_by_field;
CREATE INDEX outbox_by_field ON outbox (tbl, row_id, field) WHERE field >= 0;
CREATE INDEX outbox_packed_by_hlc ON outbox (hlc, tbl, row_id) WHERE field = -1;
)SQL";

// Migration 14: indexes dropped for a large pull, to be built again at its end (or the next pull's,
// when the process was killed mid-pull; docs/sync.md#bulk-load). A later migration that drops or
// changes an index uses IF EXISTS and deletes its row here: the file may be opened mid-pull.
const char *const Migration14 = R"SQL(
CREATE TABLE deferred_indexes (name TEXT PRIMARY KEY, tbl TEXT NOT NULL, sql TEXT NOT NULL);
)SQL";

struct Migration
{
    const char *sql;            // the migration's SQL, or
    void (*run)(Database &db);  // the migration, where it needs more than SQL
};

const Migration Migrations[] = {{Migration1, nullptr}, {Migration2, nullptr}, {Migration3, nullptr}, {Migration4, nullptr},
                                {Migration5, nullptr}, {Migration6, nullptr}, {Migration7, nullptr}, {Migration8, nullptr},
                                {Migration9, nullptr}, {Migration10, nullptr}, {Migration11, nullptr}, {nullptr, migration12},
                                {Migration13, nullptr}, {Migration14, nullptr}};
constexpr int MigrationCount = int(sizeof(Migrations) / sizeof(Migrations[0]));

} // namespace

int latestSchemaVersion() { return MigrationCount; }

int syncSchemaVersion() { return 9; }

void migrate(Database &db, int target)
{
    if (target < 0)
        target = MigrationCount;
    const int current = int(db.scalar(QStringLiteral("PRAGMA user_version")).toInt());
    if (current > MigrationCount)
        throw Error(Error::Code::TooNew,
                    Tr::tr("the database has schema version %1 but this program knows only up to %2; update clc")
                        .arg(current).arg(MigrationCount),
                    db.path());
    for (int v = current; v < target; ++v) {
        Transaction tx(db);
        if (Migrations[v].run)
            Migrations[v].run(db);
        else
            db.exec(QString::fromUtf8(Migrations[v].sql));
        db.exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1));
        tx.commit();
    }
}

} // namespace clc
