#!/usr/bin/env python3
# What do the outbox's indexes cost the acknowledgements of a push? N marks waiting as packed outbox
# rows (field -1, a JSON object of four fields, random row ids, increasing stamps), acknowledged in
# batches of 20,000 (each: read the batch's end, DELETE up to it, commit) with the device's pragmas,
# under three index layouts: migration 1's (table, row, field) index over every row; none; and
# migration 13's (that index only for rows of one field, packed rows indexed by their stamp).
# Times each layout's acknowledgements and prints them side by side. DIR must be on a disk.
# docs/sync.md#outbox.
#   python3 tests/bench/outbox_ack.py [N] [DIR]
import json, os, sqlite3, sys, tempfile, time, uuid

TABLE = ("CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl INTEGER NOT NULL, row_id TEXT NOT NULL, "
         "field INTEGER NOT NULL, value, hlc INTEGER NOT NULL, replica INTEGER NOT NULL, base_hlc INTEGER, "
         "base_replica INTEGER, error TEXT, fields INTEGER);")
LAYOUTS = [
    ("(table, row, field) over every row (before)", "CREATE INDEX outbox_by_field ON outbox (tbl, row_id, field);"),
    ("no index", ""),
    ("migration 13: partial + packed rows by stamp", "CREATE INDEX outbox_by_field ON outbox (tbl, row_id, field) WHERE field >= 0;"
                                                     "CREATE INDEX outbox_packed_by_hlc ON outbox (hlc, tbl, row_id) WHERE field = -1;"),
]


def run(path, ddl, rows):
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(path + ext):
            os.remove(path + ext)
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;" + TABLE + ddl)
    db.execute("BEGIN")
    db.executemany("INSERT INTO outbox (tbl, row_id, field, value, hlc, replica, fields) VALUES (14, ?, -1, ?, ?, 1, 15)", rows)
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    start = time.perf_counter()
    while True:
        end = db.execute("SELECT max(seq) FROM (SELECT seq FROM outbox WHERE error IS NULL ORDER BY seq LIMIT 20000)").fetchone()[0]
        if end is None:
            break
        db.execute("BEGIN")
        db.execute("DELETE FROM outbox WHERE seq <= ? AND error IS NULL", (end,))
        db.execute("COMMIT")
    took = time.perf_counter() - start
    db.close()
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(path + ext):
            os.remove(path + ext)
    return took


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    directory = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(dir="/var/tmp")
    centre, session = str(uuid.uuid4()), str(uuid.uuid4())
    rows = [(str(uuid.uuid4()), json.dumps({"0": centre, "1": session, "2": str(uuid.uuid4()), "3": "present"}), 1700000000000 + i)
            for i in range(n)]
    print(f"{n} packed rows acknowledged in batches of 20,000")
    first = None
    for name, ddl in LAYOUTS:
        t = run(os.path.join(directory, "outbox-ack.db"), ddl, rows)
        first = first or t
        print(f"  {name:46s} {t * 1000:8.0f} ms  {t / first:.2f}x")


main()
