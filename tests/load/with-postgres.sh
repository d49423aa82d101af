#!/usr/bin/env bash
# Runs clc_load on a PostgreSQL cluster of its own, which its faults may restart (docs/reliability.md):
#   with-postgres.sh CLC_LOAD [clc_load options…]
# The cluster syncs its commits (CLC_PG_FSYNC=on) unless told otherwise, as a district's server would.
set -euo pipefail
fixture="$(dirname "$(realpath "$0")")/../postgres-fixture.sh"
load=$1
shift
pg=$(mktemp -d)
chmod 755 "$pg" # PostgreSQL runs as its own user when we are root
trap 'bash "$fixture" stop "$pg/cluster" >/dev/null 2>&1 || true; rm -rf "$pg"' EXIT
CLC_PG_FSYNC=${CLC_PG_FSYNC:-on} bash "$fixture" start "$pg/cluster" >/dev/null
"$load" --postgres "$(cat "$pg/cluster/conninfo")" --restart-postgres "bash $fixture restart $pg/cluster" "$@"
