#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (address and undefined-behaviour
# sanitizers on) and runs each for a bounded time: scripts/fuzz.sh [seconds per
# target, default 60] [target ...]. Seeds come from tests/fuzz/corpus/<name>/,
# tests/fuzz/fuzz_<name>.dict (if any) is the dictionary; new inputs go to a
# scratch copy, crashes to build/fuzz/crashes/. Undefined behaviour stops a run
# like a crash does.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(readers textengine csv fold grammars exports fields)

scripts/install-deps.sh
if ! command -v clang++ >/dev/null; then
    apt-get install -y --no-install-recommends clang libclang-rt-dev >/dev/null
fi
build=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRASID_FUZZ=ON \
    -DRASID_BUILD_TESTS=OFF -DRASID_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
mkdir -p "$build/crashes"
status=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for name in "${targets[@]}"; do
    work="$build/corpus/$name"
    mkdir -p "$work"
    cp -n tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null || true
    dict=()
    [ -f "tests/fuzz/fuzz_$name.dict" ] && dict=(-dict="tests/fuzz/fuzz_$name.dict")
    echo "fuzz_$name: ${seconds}s" >&2
    if ! "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
            "${dict[@]}" -artifact_prefix="$build/crashes/$name-" "$work" 2> "$build/fuzz_$name.log"; then
        status=1
        tail -n 30 "$build/fuzz_$name.log" >&2
    fi
    grep -E "^(#[0-9]+[[:space:]]+DONE|Done)" "$build/fuzz_$name.log" | tail -n 2 >&2 || true
done
exit $status
