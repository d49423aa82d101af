#!/usr/bin/env python3
# What does the device's schema alone cost an apply? N marks (1,000 people a session, ids derived as
# UUIDv5, so random) inserted with the device's pragmas (WAL, synchronous=NORMAL, 32 MB cache) in
# transactions of 20,000 marks (a pull page of 80,000 changes), into: the floor's table (one text key), the device's
# attendance with its two screen indexes and a clock row per mark (field_clock, as a pull writes
# them), the same as a WITHOUT ROWID table, without the clock row, with the clock in the row's own columns
# (migration 12), without the by-person index, and as today: clock in the row with its three foreign keys checked,
# then with the indexes built after the load and five pages a commit (a bulk load, docs/sync.md#bulk-load), and
# with foreign keys not checked by SQLite (the store checks each reference itself).
# Prints each beside the floor. DIR must be on a disk. docs/performance.md#wire-session-12 and #wire.
#   python3 tests/bench/apply_schema.py [N] [DIR]
import os, sqlite3, sys, tempfile, time, uuid

TABLE = ("CREATE TABLE attendance (id TEXT PRIMARY KEY, centre_id TEXT, session_id TEXT, person_id TEXT, status TEXT, "
         "deleted INTEGER NOT NULL DEFAULT 0)")
MARKS = "CREATE INDEX attendance_marks ON attendance (session_id, deleted, status, person_id);"
BY_PERSON = "CREATE INDEX attendance_by_person ON attendance (person_id);"
CLOCK = ("CREATE TABLE field_clock (tbl INTEGER NOT NULL, row_id TEXT NOT NULL, field INTEGER NOT NULL, hlc INTEGER, "
         "replica INTEGER, fields INTEGER, PRIMARY KEY (tbl, row_id, field)) WITHOUT ROWID;")


def run(directory, name, ddl, clock, rows, in_row=False, parents=None, after="", per_commit=20000, fk=True):
    path = os.path.join(directory, f"apply-{name}.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(path + ext):
            os.remove(path + ext)
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;" + ddl)
    if parents:  # the rows the marks refer to, there before (a pull brings them first); checked at once
        db.execute(f"PRAGMA foreign_keys={'ON' if fk else 'OFF'}")
        for table, ids in parents.items():
            db.executemany(f"INSERT INTO {table} (id) VALUES (?)", [(i,) for i in ids])
    start = time.perf_counter()
    for i in range(0, len(rows), per_commit):
        page = rows[i:i + per_commit]
        db.execute("BEGIN")
        if in_row:
            db.executemany("INSERT INTO attendance (id, centre_id, session_id, person_id, status, clock_hlc, clock_replica, clock_fields) "
                           "VALUES (?, ?, ?, ?, ?, 1, 1, 15)", page)
        else:
            db.executemany("INSERT INTO attendance (id, centre_id, session_id, person_id, status) VALUES (?, ?, ?, ?, ?)", page)
        if clock:
            db.executemany("INSERT INTO field_clock (tbl, row_id, field, hlc, replica, fields) VALUES (18, ?, -1, 1, 1, 15)",
                           [(r[0],) for r in page])
        db.execute("COMMIT")
    if after:  # indexes built once at the end, from a sort (a first sync's bulk load)
        db.executescript("BEGIN;" + after + "COMMIT;")
    db.close()
    for ext in ("", "-wal", "-shm"):
        os.remove(path + ext) if os.path.exists(path + ext) else None
    return time.perf_counter() - start


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    directory = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(dir="/var/tmp")
    centre = str(uuid.uuid4())
    people = [str(uuid.uuid4()) for _ in range(1000)]
    sessions = [str(uuid.uuid4()) for _ in range((n + 999) // 1000)]
    rows = [(str(uuid.uuid5(uuid.NAMESPACE_URL, s + ":" + p)), centre, s, p, "p") for s in sessions for p in people][:n]
    floor = run(directory, "floor", TABLE + ";", False, rows)
    in_row = TABLE[:-1] + ", clock_hlc INTEGER, clock_replica INTEGER, clock_fields INTEGER)"
    parent_ddl = "".join(f"CREATE TABLE {t} (id TEXT PRIMARY KEY);" for t in ("centres", "sessions", "people"))
    with_fk = (in_row.replace("centre_id TEXT", "centre_id TEXT REFERENCES centres(id)")
               .replace("session_id TEXT", "session_id TEXT REFERENCES sessions(id)")
               .replace("person_id TEXT", "person_id TEXT REFERENCES people(id)"))
    parents = {"centres": [centre], "sessions": sessions, "people": people}
    variants = [
        ("the device's (table, 2 indexes, clock row)", TABLE + ";" + MARKS + BY_PERSON + CLOCK, True),
        ("the same, WITHOUT ROWID", TABLE + " WITHOUT ROWID;" + MARKS + BY_PERSON + CLOCK, True),
        ("without the clock row", TABLE + ";" + MARKS + BY_PERSON, False),
        ("the clock in the row (3 columns)", in_row + ";" + MARKS + BY_PERSON, False, True),
        ("without the by-person index", TABLE + ";" + MARKS + CLOCK, True),
        ("clock in the row, foreign keys checked", parent_ddl + with_fk + ";" + MARKS + BY_PERSON, False, True, parents),
        ("the same, indexes built after the load (now)", parent_ddl + with_fk + ";", False, True, parents, MARKS + BY_PERSON),
        ("the same, 100,000 marks a commit (session 15)", parent_ddl + with_fk + ";", False, True, parents, MARKS + BY_PERSON, 100000),
        ("the same, foreign keys not checked (session 16)", parent_ddl + with_fk + ";", False, True, parents, MARKS + BY_PERSON, 100000, False),
    ]
    once = run(directory, "once", TABLE + ";", False, rows, per_commit=n)
    print(f"{n} marks; floor (one text key): {floor * 1000:.0f} ms; in one transaction (bench_wire's floor): {once * 1000:.0f} ms")
    for name, ddl, clock, *rest in variants:
        t = run(directory, name.split()[0] + str(len(ddl)), ddl, clock, rows, *rest)
        print(f"  {name:46s} {t * 1000:7.0f} ms  {t / floor:.2f}x  ({t / once:.2f}x one transaction)")


main()
