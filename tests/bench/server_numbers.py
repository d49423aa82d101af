#!/usr/bin/env python3
"""The SQLite server's records table written as a push writes it (docs/performance.md#wire-session-17):
N records in batches of 20,000, synchronous=FULL, with the centre and sole writer as text ids (up to
session 16), as numbers (since), and two layouts not adopted (binary row ids; a hash index instead of
the unique key). Usage: python3 tests/bench/server_numbers.py N [ROUNDS] [--page-sizes]"""
import sqlite3,uuid,time,os,tempfile,sys
n=int(sys.argv[1]) if len(sys.argv)>1 else 100000
d=tempfile.mkdtemp(dir="/var/tmp")
centre=str(uuid.uuid4()); dev=str(uuid.uuid4())
people=[str(uuid.uuid4()) for _ in range(1000)]
sessions=[str(uuid.uuid4()) for _ in range(n//1000)]
rows=[str(uuid.uuid5(uuid.NAMESPACE_URL,s+":"+p)) for s in sessions for p in people]
blob=os.urandom(60)
def run(name, ddl, cval, solef, rowf=lambda r:r, hashed=False, page=4096):
    p=f"{d}/{name.replace(' ','_')}.db"
    db=sqlite3.connect(p,isolation_level=None)
    db.executescript(f"PRAGMA page_size={page}; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;"+ddl)
    t=time.perf_counter(); seq=1; last=0
    for i in range(0,len(rows),20000):
        tb=time.perf_counter()
        db.execute("BEGIN")
        batch=[]
        for r in rows[i:i+20000]:
            if hashed: batch.append((cval,7,r,seq,blob,solef(seq),hash((cval,7,r))))
            else: batch.append((cval,7,rowf(r),seq,blob,solef(seq)))
            seq+=1
        if hashed: db.executemany("INSERT INTO records (centre,tbl,row_id,seq,writes,sole,h) VALUES (?,?,?,?,?,?,?)",batch)
        else: db.executemany("INSERT INTO records (centre,tbl,row_id,seq,writes,sole) VALUES (?,?,?,?,?,?) ON CONFLICT (centre,tbl,row_id) DO NOTHING",batch)
        db.execute("COMMIT")
        last=time.perf_counter()-tb
    el=time.perf_counter()-t
    print(f"{name:40s} {el*1000:7.0f} ms  last batch {last*1000:5.0f} ms file {os.path.getsize(p)//1024} KB", flush=True)
    os.remove(p)
base="CREATE TABLE records (seq INTEGER PRIMARY KEY, centre {c} NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL, writes BLOB NOT NULL, sole TEXT, UNIQUE (centre, tbl, row_id)); CREATE INDEX records_by_seq_sole ON records (centre, seq, sole);"
hb="CREATE TABLE records (seq INTEGER PRIMARY KEY, centre INTEGER NOT NULL, tbl INTEGER NOT NULL, row_id TEXT NOT NULL, writes BLOB NOT NULL, sole TEXT, h INTEGER NOT NULL); CREATE INDEX records_by_h ON records (h); CREATE INDEX records_by_seq_sole ON records (centre, seq, sole);"
if "--page-sizes" in sys.argv:
    for ps in (4096, 1024, 2048, 8192):
        run(f"text ids, page {ps}", base.format(c="TEXT"), centre, lambda s: f"{dev}:{s}", page=ps)
    sys.exit(0)
for k in range(int(sys.argv[2]) if len(sys.argv)>2 and sys.argv[2].isdigit() else 1):
    run("text centre, sole dev-uuid:seq", base.format(c="TEXT"), centre, lambda s: f"{dev}:{s}")
    run("int centre, sole devno:seq", base.format(c="INTEGER"), 1, lambda s: f"3:{s}")
    run("int centre, devno, blob16 row", base.format(c="INTEGER"), 1, lambda s: f"3:{s}", lambda r: uuid.UUID(r).bytes)
    run("int centre, devno, hash index", hb, 1, lambda s: f"3:{s}", hashed=True)
