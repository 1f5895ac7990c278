#!/usr/bin/env bash
# The manual pages and the bash completion describe the programs as they are:
# every command and option that `rasid-cli --help`, `rasid-cli COMMAND --help`
# and `rasid --help` list is in the manual page and in the completion, man(1)
# reads the pages without a warning, and every place that names the version
# names project(VERSION)'s.
#
# docs_test.sh RASID_CLI RASID VERSION SOURCE_DIR PACKAGING_BUILD_DIR
set -euo pipefail

cli=$1 gui=$2 version=$3 source=$4 packaging=$5
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# The page as a reader sees it, in plain ASCII, wide enough not to break options.
render() {
    MANWIDTH=200 groff -man -Tascii -P-cbou -rLL=200n "$1" 2>/dev/null
}

# ---- man(1) reads both pages without a warning ------------------------------
for page in rasid rasid-cli; do
    file="$packaging/man/$page.1"
    [ -f "$file" ] || { fail "$file was not generated"; continue; }
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$file" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man --warnings on $page.1: $warnings"
    lexgrog "$file" >/dev/null || fail "lexgrog cannot read the NAME of $page.1"
    grep -q "Rasid $version" <<<"$(render "$file")" || fail "$page.1 does not name version $version"
done

# ---- rasid-cli: every command and option -----------------------------------
manual=$(render "$packaging/man/rasid-cli.1")
completion="$source/packaging/completion/rasid-cli"

# The completion's answer for a command line (the word under the cursor is the last).
complete_line() {
    bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        _rasid_cli rasid-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"
    ' complete "$completion" "$@"
}

# The options of a QCommandLineParser help text (lines "  -h, --help  ...").
options_of() {
    sed -n '/^Options:/,/^$/p' | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*'
}

# The lines of a rendered page from one section's heading to another's. (No
# "| grep -q" in this script: grep would stop reading early and, with
# pipefail, the writer's SIGPIPE would fail the check.)
section() {
    sed -n "/^$1\$/,/^$2\$/p"
}

# Whether an option starts an entry of a list (".TP" tags such as "-h, --help"
# or "--out path"), not only a mention in the text.
is_described() {
    grep -qE -- "^ +(-[-a-z]+, )*$1(,| |$)"
}

# The block of the COMMANDS section that describes one command.
command_block() {
    awk -v command="$1" '
        /^[A-Z]/ { in_commands = ($0 == "COMMANDS"); inside = 0; next }
        in_commands && /^       [a-z]/ { split($0, w, " "); inside = (w[1] == command); }
        in_commands && inside { print }
    ' <<<"$manual"
}

commands=$("$cli" --help | sed -n '/^Commands:/,/^$/p' | grep -oE '^  [a-z]+' | tr -d ' ')
[ "$(wc -w <<<"$commands")" -ge 8 ] || fail "rasid-cli --help lists only: $commands"
first_words=$(complete_line rasid-cli '')
for command in $commands; do
    block=$(command_block "$command")
    [ -n "$block" ] || fail "rasid-cli.1 has no entry for the command $command"
    grep -qx -- "$command" <<<"$first_words" || fail "the completion does not offer the command $command"
    grep -qE -- "^ +rasid-cli $command( |$)" <<<"$manual" || fail "the SYNOPSIS has no line for $command"
    offered=$(complete_line rasid-cli "$command" --)
    for option in $("$cli" "$command" --help | options_of); do
        case $option in
            --help | --help-all) ;;
            *) is_described "$option" <<<"$block" || fail "rasid-cli.1 does not describe $command $option" ;;
        esac
        grep -qx -- "$option" <<<"$offered" || fail "the completion does not offer $command $option"
    done
done
for option in --help --help-all --version; do
    is_described "$option" <<<"$(section OPTIONS 'EXIT STATUS' <<<"$manual")" \
        || fail "rasid-cli.1 OPTIONS does not describe $option"
done
grep -qx -- --version <<<"$first_words" || fail "the completion does not offer --version"
formats=$(complete_line rasid-cli export x.rasid --format '')
for value in csv jsonl xlsx veris; do
    grep -qx "$value" <<<"$formats" \
        || fail "the completion does not offer --format $value"
done
for status in 0 1 2; do
    grep -qE "^       $status\b" <<<"$(section 'EXIT STATUS' ENVIRONMENT <<<"$manual")" \
        || fail "rasid-cli.1 does not explain exit status $status"
done
grep -q '^EXAMPLES' <<<"$manual" || fail "rasid-cli.1 has no EXAMPLES"

# ---- rasid: every option ------------------------------------------------------
gui_manual=$(render "$packaging/man/rasid.1")
for option in $("$gui" --help | options_of) -h -v; do
    is_described "$option" <<<"$(section OPTIONS KEYS <<<"$gui_manual")" \
        || fail "rasid.1 does not describe $option"
done
for section in SYNOPSIS DESCRIPTION OPTIONS 'EXIT STATUS' FILES EXAMPLES; do
    grep -qx "$section" <<<"$gui_manual" || fail "rasid.1 has no $section section"
done

# ---- one version: project(VERSION) ------------------------------------------
[ "$("$cli" --version)" = "rasid-cli $version" ] || fail "rasid-cli --version printed '$("$cli" --version)'"
[ "$("$gui" --version)" = "Rasid $version" ] || fail "rasid --version printed '$("$gui" --version)'"
changelog=$(dpkg-parsechangelog -l "$source/packaging/doc/changelog" -S Version)
[ "$changelog" = "$version" ] || fail "the Debian changelog's newest entry is $changelog, not $version"
release=$(grep -oE '<release version="[^"]+"' "$source/packaging/rasid.metainfo.xml.in" | head -1 | cut -d'"' -f2)
[ "$release" = "$version" ] || fail "the AppStream metainfo's newest release is $release, not $version"

if [ "$failures" -gt 0 ]; then
    echo "$failures problems" >&2
    exit 1
fi
echo "manual pages, completion and version agree with the programs ($(wc -w <<<"$commands") commands)"
