#!/usr/bin/env bash
# Installed Rasid programs at work: from a folder outside the source and build
# trees, rasid-cli imports a copy of the bundled samples and exports them as
# CSV, JSON lines and VERIS, and rasid imports a folder given on its command
# line; both programs print project(VERSION). Given the
# build's rasid-cli, the installed one must export the same bytes as it (the
# same lexicons, model and rules are compiled in).
#
# installed_test.sh PREFIX SOURCE_DIR VERSION WORK_DIR [BUILD_RASID_CLI]
set -euo pipefail

prefix=$(realpath "$1") source=$(realpath "$2") version=$3 work=$4 build_cli=${5:+$(realpath "$5")}
cli=$prefix/bin/rasid-cli
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

[ "$("$cli" --version)" = "rasid-cli $version" ] || fail "$cli --version printed '$("$cli" --version)'"
[ "$(QT_QPA_PLATFORM=offscreen "$prefix/bin/rasid" --version)" = "Rasid $version" ] \
    || fail "$prefix/bin/rasid --version printed '$(QT_QPA_PLATFORM=offscreen "$prefix/bin/rasid" --version)'"

rm -rf "$work"
mkdir -p "$work"
cp -r "$source/resources/samples" "$work/articles"
cd "$work"
"$cli" import articles --workspace installed.rasid --quiet || fail "rasid-cli import failed"
"$cli" export installed.rasid --format csv --out installed.csv || fail "rasid-cli export --format csv failed"
"$cli" export installed.rasid --format jsonl --out installed.jsonl || fail "rasid-cli export --format jsonl failed"
"$cli" export installed.rasid --format veris --single-file --out installed.veris.json \
    || fail "rasid-cli export --format veris failed"
"$cli" stats installed.rasid --json || fail "rasid-cli stats failed"
rows=$(($(wc -l <installed.csv) - 1))
[ "$rows" -ge 5 ] || fail "rasid-cli exported $rows incidents from the samples"
grep -q '"confidence"' installed.jsonl || fail "the JSON-lines export has no confidences"
echo "$rows incidents exported by $cli"

# `rasid FOLDER` imports the folder into FOLDER/FOLDER.rasid in the background
# (the analyst's name is set, so no first-start question waits for an answer).
mkdir -p config/Rasid gui
printf '[analyst]\nname=Rasid package test\n' >config/Rasid/Rasid.conf
cp -r articles gui/news
XDG_CONFIG_HOME=$PWD/config XDG_DATA_HOME=$PWD/data QT_QPA_PLATFORM=offscreen \
    timeout 120 "$prefix/bin/rasid" gui/news 2>gui.log &
gui_pid=$!
gui_articles=0
for _ in $(seq 60); do
    sleep 1
    gui_articles=$("$cli" stats gui/news/news.rasid --json 2>/dev/null | grep -oE '"articles":[0-9]+' | cut -d: -f2 || true)
    [ "${gui_articles:-0}" -ge 11 ] && break
done
kill "$gui_pid" 2>/dev/null || true
wait "$gui_pid" 2>/dev/null || true
if [ "${gui_articles:-0}" -ge 11 ]; then
    echo "rasid gui/news imported $gui_articles articles into gui/news/news.rasid"
else
    cat gui.log >&2
    fail "rasid gui/news imported ${gui_articles:-no} articles into gui/news/news.rasid"
fi

if [ -n "$build_cli" ]; then
    "$build_cli" import articles --workspace built.rasid --quiet
    "$build_cli" export built.rasid --format csv --out built.csv
    "$build_cli" export built.rasid --format jsonl --out built.jsonl
    cmp installed.csv built.csv || fail "the installed CSV export differs from the build's"
    cmp installed.jsonl built.jsonl || fail "the installed JSON-lines export differs from the build's"
    echo "identical to the exports of $build_cli"
fi

[ "$failures" -eq 0 ] || { echo "$failures problems" >&2; exit 1; }
