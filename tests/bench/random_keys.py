#!/usr/bin/env python3
# Does a push batch's cost on the server grow with the table because its keys are random? The server's
# records table as it is (WITHOUT ROWID, keyed by (centre, tbl, row_id), indexed on (centre, seq, sole))
# against the same rows in arrival order (rowid = seq, the key a UNIQUE secondary index, the same seq
# index): 100,000 new rows of 150 bytes in batches, each its own transaction, WAL, synchronous=FULL, a
# 32 MB cache, as clc-server runs SQLite. Prints the milliseconds of each batch. DIR must be on a disk
# (fsync is free on a tmpfs). docs/performance.md#wire-session-9.
#   python3 tests/bench/random_keys.py [DIR]
import os, sqlite3, sys, tempfile, time, uuid


def run(directory, layout, batches, per):
    path = os.path.join(directory, f"records-{layout}.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(path + ext):
            os.remove(path + ext)
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "cache_size=-32768"):
        db.execute("PRAGMA " + pragma)
    if layout == "random":
        db.execute("CREATE TABLE records (centre TEXT NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL, seq INTEGER NOT NULL, "
                   "writes BLOB NOT NULL, sole TEXT, PRIMARY KEY (centre, tbl, row_id)) WITHOUT ROWID")
        db.execute("CREATE INDEX records_by_seq_sole ON records (centre, seq, sole)")
    else:
        db.execute("CREATE TABLE records (seq INTEGER PRIMARY KEY, centre TEXT NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL, "
                   "writes BLOB NOT NULL, sole TEXT, UNIQUE (centre, tbl, row_id))")
        db.execute("CREATE INDEX records_by_seq_sole ON records (centre, seq, sole)")  # the same index, to compare only the key
    insert = "INSERT INTO records (centre, tbl, row_id, seq, writes, sole) VALUES (?, ?, ?, ?, ?, ?)"
    centre, device, blob, seq, times = str(uuid.uuid4()), str(uuid.uuid4()), os.urandom(150), 0, []
    for _ in range(batches):
        rows = []
        for _ in range(per):
            seq += 1
            rows.append((centre, 14, str(uuid.uuid4()), seq, blob, device))
        start = time.perf_counter()
        db.execute("BEGIN")
        db.executemany(insert, rows)
        db.execute("COMMIT")
        times.append(round((time.perf_counter() - start) * 1000))
    db.close()
    return times


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    for batches, per in ((20, 5000), (4, 25000), (1, 100000)):
        for layout in ("random", "arrival"):
            times = run(directory, layout, batches, per)
            print(f"{layout:8} {batches:2} x {per:6}: total {sum(times):6} ms, per batch {times}")


if __name__ == "__main__":
    main()
