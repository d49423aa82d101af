#!/usr/bin/env bash
# ctest fixture: starts a private PostgreSQL on loopback for the PostgreSQL back-end tests, and stops it
# (fsync off for the tests; scripts/bench sets CLC_PG_FSYNC=on, as a real server runs).
#   postgres-fixture.sh start DIR   → writes DIR/conninfo
#   postgres-fixture.sh stop DIR
#   postgres-fixture.sh restart DIR   (a test's own cluster: as when the database machine restarts)
set -euo pipefail
action=$1
dir=$(realpath -m "$2")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL server binaries not found (install the postgresql package: scripts/test does)" >&2; exit 1; }
as_owner() {
  # PostgreSQL refuses to run as root: run it as the postgres system user then.
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
start)
  "$0" stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U clc -E UTF8 --no-sync >"$dir/initdb.log" 2>&1
  for port in $(seq 54330 54399); do
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
         -o "-h 127.0.0.1 -p $port -k $dir -c fsync=${CLC_PG_FSYNC:-off} -c max_connections=300" start >/dev/null 2>&1; then
      echo "host=127.0.0.1 port=$port user=clc dbname=postgres" > "$dir/conninfo"
      echo "PostgreSQL started on 127.0.0.1:$port"
      exit 0
    fi
  done
  echo "could not start PostgreSQL; see $dir/server.log" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
  ;;
restart)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 restart >/dev/null
  ;;
stop)
  rm -f "$dir/conninfo"
  [[ -d "$dir/data" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
esac
