#!/usr/bin/env bash
# Builds a release and runs every benchmark of tests/bench/, one JSON line per
# figure on stdout. Usage: scripts/bench.sh [build-dir] (default build/release).
# Corpora are generated deterministically under $RASID_BENCH_DIR (default /tmp/rasid-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
data=${RASID_BENCH_DIR:-/tmp/rasid-bench}

scripts/install-deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
bench="$build/tests/bench"

for count in 1000 10000 50000; do
    if [ ! -d "$data/corpus$count" ]; then
        "$bench/gencorpus" "$data/corpus$count" "$count" >/dev/null
    fi
done

"$bench/bench_import" "$data/corpus10000" --no-extract
# Five runs of the budgeted import: the machine's speed drifts between runs.
"$bench/bench_import" "$data/corpus10000" --repeat 5
# The same folder read from disk, as after a restart.
"$bench/bench_import" "$data/corpus10000" --cold
for count in 1000 50000; do
    "$bench/bench_import" "$data/corpus$count"
done
# bench_workspace builds the 100,000-article workspace the widget benchmark opens.
"$bench/bench_workspace" "$data"
for program in "$bench"/bench_*; do
    [ -f "$program" ] && [ -x "$program" ] || continue # skip the build's own folders
    case "$(basename "$program")" in
        bench_import|bench_workspace) ;;
        *) "$program" "$data" ;;
    esac
done
