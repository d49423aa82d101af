#!/usr/bin/env bash
# The server's disk full, then a tablet's (docs/reliability.md#disk-full), on small tmpfs mounts:
#   - the server refuses the push with 507 and a clear reason, acknowledges nothing, stays up, and once
#     space returns the same device's next sync stores it all: a new device then holds the same data;
#   - a tablet whose disk is full is told so by every command, and its file is unchanged and sound.
# usage: disk-full.sh CLC CLC_SERVER. Exits 77 (ctest: skipped, not passed) where no tmpfs may be mounted.
set -euo pipefail
clc=$1 server=$2
export LANG=C.UTF-8
work=$(mktemp -d)
disk="$work/disk" tablet="$work/tablet"
mkdir -p "$disk" "$tablet"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  umount "$disk" 2>/dev/null || true
  umount "$tablet" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=1m tmpfs "$disk" 2>/dev/null; then
  echo "this machine does not let the test mount a tmpfs: skipped"
  exit 77
fi
fail() { echo "FAILED: $*"; [[ -f "$work/server.log" ]] && tail -5 "$work/server.log"; exit 1; }
integrity() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])" "$1"; }
c() { "$clc" --lang en --db "$@"; }

# A ward office whose data directory has 1 MB: enough to start, not for a centre's year.
a="$work/a.db" b="$work/b.db"
c "$a" demo >/dev/null
centre=$(c "$a" status | sed -n 's/^centre: .*(\(.*\))$/\1/p')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$server" --data "$disk/server" --listen "127.0.0.1:$port" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.log" && break; sleep 0.1; done
code=$("$server" --data "$disk/server" enroll --centre "$centre" --role admin --name "Văn phòng" 2>/dev/null | tail -n 1)
c "$a" enroll --server "http://127.0.0.1:$port" --code "$code" >/dev/null 2>&1 || fail "enrolment"
waiting=$(c "$a" status | sed -n 's/^changes waiting to be sent: //p')

set +e
c "$a" sync >"$work/out" 2>"$work/err"
rc=$?
set -e
[[ $rc -eq 3 ]] || fail "a push to a full disk should exit 3 (retry), not $rc: $(cat "$work/err")"
grep -q "the server's disk is full, so nothing was stored" "$work/err" || fail "the device was not told why: $(cat "$work/err")"
grep -q "POST /v1/push 507" "$work/server.log" || fail "the server did not answer 507"
grep -q "disk full" "$work/server.log" || fail "the server's log does not say its disk is full"
kill -0 "$server_pid" || fail "the server stopped"
[[ $(c "$a" status | sed -n 's/^changes waiting to be sent: //p') == "$waiting" ]] || fail "changes the server did not store left the device"
echo "ok: a push to a full disk is refused with 507, the device keeps its $waiting changes"

# Space returns: the same device's next sync stores everything; a new device holds the same data.
mount -o remount,size=64m "$disk"
c "$a" sync >/dev/null 2>&1 || fail "the sync after space returned"
code=$("$server" --data "$disk/server" enroll --centre "$centre" --role facilitator --name "Máy B" 2>/dev/null | tail -n 1)
c "$b" enroll --server "http://127.0.0.1:$port" --code "$code" >/dev/null 2>&1 || fail "second enrolment"
c "$b" sync >/dev/null 2>&1 || fail "second device's sync"
[[ $(c "$a" export --format json | sha256sum) == $(c "$b" export --format json | sha256sum) ]] || fail "the devices differ"
[[ $(integrity "$disk/server/server.db") == ok ]] || fail "server.db integrity"
echo "ok: once space returns everything is stored once and a new device holds the same data"

# A tablet's own disk full (photos filled it): every command says so; its file is unchanged and sound.
mount -t tmpfs -o size=16m tmpfs "$tablet"
t="$tablet/t.db"
c "$t" demo >/dev/null
read -r session person < <(c "$t" export --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['sessions'][0]['id'], d['people'][0]['id'])")
before=$(c "$t" export --format json | sha256sum)
dd if=/dev/zero of="$tablet/filler" bs=4k >/dev/null 2>&1 || true
for cmd in "attend $session $person late" "person add --name Đầy" "export --format json"; do
  # shellcheck disable=SC2086
  set +e; c "$t" ${cmd//_/ } >"$work/out" 2>"$work/err"; rc=$?; set -e
  [[ $rc -ne 0 ]] || fail "'$cmd' on a full disk claimed success"
  grep -q "the storage is full, so nothing was saved" "$work/err" || fail "'$cmd' on a full disk did not say so: $(cat "$work/err")"
done
rm "$tablet/filler"
[[ $(c "$t" export --format json | sha256sum) == "$before" ]] || fail "the tablet's data changed"
[[ $(integrity "$t") == ok ]] || fail "the tablet's file integrity"
c "$t" attend "$session" "$person" late >/dev/null || fail "a mark once space returned"
echo "ok: a tablet whose disk is full says so for every command and loses nothing"
