#!/usr/bin/env bash
# Startup and memory of clc-app: an initialised empty database against the demo scaled to a busy year
# (3,000 people, 400 sessions, 60,000 marks), runs alternated, medians (docs/performance.md).
#   tests/bench/startup.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build}
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/clc" --db "$work/empty.db" init --centre "Trung tâm học tập cộng đồng phường Đức Chính" >/dev/null 2>&1
"$build/tests/bench/bench_app" --save "$work/busy.db" >/dev/null
export QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software LANG=C.UTF-8
for i in $(seq "$runs"); do
    for db in empty busy; do
        "$build/bin/clc-app" --db "$work/$db.db" --measure-startup 2>/dev/null | sed "s/^/$db /" >>"$work/results"
    done
done
python3 - "$work/results" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    db, key, value = line.split()
    rows.setdefault((db, key), []).append(int(value))
med = {k: statistics.median(v) for k, v in rows.items()}
print(f"{'':24}{'empty':>10}{'busy':>10}{'busy/empty':>12}")
for key in ["first_frame_ms", "home_data_ms", "rss_first_frame_kb", "rss_after_kb", "peak_rss_kb"]:
    e, b = med[("empty", key)], med[("busy", key)]
    print(f"{key:24}{e:10.0f}{b:10.0f}{b / e:12.2f}")
PY
