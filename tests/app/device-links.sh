#!/usr/bin/env bash
# The device programs (clc, clc-app) carry no server code: no libpq, no libmicrohttpd, none of the
# server library's classes. clc-server is checked the other way round, so the check itself is shown
# to see what it looks for. Usage: device-links.sh SERVER_BINARY DEVICE_BINARY...
set -euo pipefail
server_marks() { # prints what in $1 belongs to the server side
  readelf -d "$1" | grep -Eo 'lib(pq|microhttpd)\.so[.0-9]*' || true
  nm -C "$1" | grep -Eo 'clc::sync::(SyncService|ServerApi|HttpServer|EnrolmentService)::[A-Za-z]+' | sort -u | head -3 || true
}
server="$1"; shift
if [[ -z "$(server_marks "$server")" ]]; then
  echo "check is blind: found no server marks in $server" >&2; exit 1
fi
status=0
for device in "$@"; do
  found="$(server_marks "$device")"
  if [[ -n "$found" ]]; then
    echo "$device depends on server code:" >&2; echo "$found" >&2; status=1
  fi
done
exit $status
