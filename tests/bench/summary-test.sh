#!/usr/bin/env bash
# bench_wire --summary: the one JSON object scripts/bench ends with, from each run's output.
set -euo pipefail
bench=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fig() { echo "{\"value\":$1,\"unit\":\"ms\"}"; }
echo 'a table line' > "$dir/s1"
echo "{\"marks\":1000,\"server_store\":\"sqlite\",\"push_ratio\":$(fig 10)}" >> "$dir/s1"
echo "{\"marks\":2000,\"server_store\":\"sqlite\",\"push_ratio\":$(fig 20),\"pull_ratio\":$(fig 5)}" > "$dir/s2"
echo "{\"marks\":2000,\"server_store\":\"postgresql\",\"push_ratio\":$(fig 30),\"pull_ratio\":$(fig 5)}" > "$dir/p2"
out=$("$bench" --summary "$dir/s1" "$dir/s2" "$dir/p2")
echo "$out"
# The headline is the SQLite run with the most marks; every run is kept; PostgreSQL over SQLite.
grep -q '^{"marks":2000,' <<<"$out" || { echo "headline is not the largest SQLite run" >&2; exit 1; }
grep -q '"postgresql_vs_sqlite":{"pull_ratio":1,"push_ratio":1.5}' <<<"$out" || { echo "PostgreSQL over SQLite is wrong" >&2; exit 1; }
[[ $(grep -o '"server_store"' <<<"$out" | wc -l) == 4 ]] || { echo "runs are not all kept" >&2; exit 1; }
# A run that printed no figures (it failed) fails the summary, naming the file.
echo 'no json here' > "$dir/bad"
if "$bench" --summary "$dir/s1" "$dir/bad" 2>"$dir/err"; then echo "a run without figures was accepted" >&2; exit 1; fi
grep -q "no figures in $dir/bad" "$dir/err" || { cat "$dir/err" >&2; exit 1; }
echo "summary ok"
