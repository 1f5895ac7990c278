#!/usr/bin/env bash
# The Debian package, made by CPack from a build folder, unpacked into a fresh
# root and used from there: the installed rasid-cli imports and exports the
# bundled samples from another folder, exactly as the build's rasid-cli does;
# no path of the source or build tree is in any installed file; the menu
# entry, the AppStream entry, the MIME type and the manual pages pass their
# validators; lintian finds no error (its warnings are printed).
#
# deb_test.sh BUILD_DIR SOURCE_DIR VERSION WORK_DIR BUILD_RASID_CLI
set -euo pipefail

build=$1 source=$2 version=$3 work=$4 build_cli=$5
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
step() { echo "== $*"; }

rm -rf "$work"
mkdir -p "$work/cpack" "$work/root"

step "cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; exit 1; }
deb=$(ls "$work"/cpack/rasid_"$version"_*.deb)
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KB"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Installed-Size

# Dependencies from dpkg-shlibdeps: the shared libraries the programs link (Qt
# Charts and Qt SVG for the overview),
# and the Qt SQL driver they load.
depends=$(dpkg-deb --field "$deb" Depends)
names=$(sed 's/ ([^)]*)//g; s/, /\n/g' <<<"$depends")
for package in libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libicu72 libsqlite3-0 libgumbo1 liblinear4 libqt6charts6 libqt6svg6 libc6 libstdc++6; do
    grep -qxF "$package" <<<"$names" || fail "Depends has no $package: $depends"
done

step "dpkg -x into a fresh root"
dpkg-deb -x "$deb" "$work/root"
root=$work/root
for file in usr/bin/rasid usr/bin/rasid-cli \
    usr/share/applications/rasid.desktop \
    usr/share/metainfo/org.example.rasid.metainfo.xml \
    usr/share/mime/packages/rasid.xml \
    usr/share/icons/hicolor/scalable/apps/rasid.svg \
    usr/share/icons/hicolor/48x48/apps/rasid.png \
    usr/share/icons/hicolor/256x256/apps/rasid.png \
    usr/share/man/man1/rasid.1.gz usr/share/man/man1/rasid-cli.1.gz \
    usr/share/bash-completion/completions/rasid-cli \
    usr/share/doc/rasid/copyright usr/share/doc/rasid/changelog.gz; do
    [ -f "$root/$file" ] || fail "the package has no /$file"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/rasid.png"
    [ -f "$png" ] && grep -q "$size x $size" <<<"$(file "$png")" || fail "the ${size}x${size} icon is not a ${size}x${size} PNG"
done

# Nothing of the machine that built it: the lexicons, the model and the
# translations are compiled in, and no path to the trees is.
for tree in "$(realpath "$source")" "$(realpath "$build")"; do
    if grep -rlaF "$tree" "$root"; then
        fail "installed files name $tree"
    fi
done

step "the installed programs, run from another folder"
"$(dirname "$0")/installed_test.sh" "$root/usr" "$source" "$version" "$work/elsewhere" "$build_cli" \
    || fail "the installed programs do not work"

step "desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/rasid.desktop" || fail "desktop-file-validate"
grep -q '^Name\[ar\]=' "$root/usr/share/applications/rasid.desktop" || fail "the menu entry has no Arabic name"
grep -q '^Comment\[ar\]=' "$root/usr/share/applications/rasid.desktop" || fail "the menu entry has no Arabic comment"

step "appstreamcli validate --no-net"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/org.example.rasid.metainfo.xml" || fail "appstreamcli validate"
# The whole tree: the entry's desktop file and icon are where it says.
appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree"

step "the MIME type"
mime=$work/mime
mkdir -p "$mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$root/usr/share/mime/packages/rasid.xml" "$mime/packages/"
XDG_DATA_HOME=$work update-mime-database "$mime" 2>&1 | tee "$work/mime.log"
[ ! -s "$work/mime.log" ] || fail "update-mime-database complained"
grep -q ':application/x-rasid-workspace:\*\.rasid' "$mime/globs2" || fail "*.rasid is not application/x-rasid-workspace"
grep -qx 'application/x-rasid-workspace application/vnd.sqlite3' "$mime/subclasses" || fail "a workspace is not an SQLite database"
grep -q '^MimeType=application/x-rasid-workspace;' "$root/usr/share/applications/rasid.desktop" \
    || fail "the menu entry does not open workspaces"

step "man --warnings"
for page in rasid rasid-cli; do
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
        "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man --warnings on the installed $page.1.gz: $warnings"
done

step "bash completion"
offered=$(bash -c 'source /usr/share/bash-completion/bash_completion; source "$1"
    COMP_WORDS=(rasid-cli ex); COMP_CWORD=1; COMP_LINE="rasid-cli ex"; COMP_POINT=${#COMP_LINE}
    _rasid_cli rasid-cli ex rasid-cli; echo "${COMPREPLY[*]}"' complete "$root/usr/share/bash-completion/completions/rasid-cli")
[ "$offered" = "export" ] || fail "the installed completion offers '$offered' for 'rasid-cli ex'"

step "lintian"
# Errors fail the test; warnings and the rest are printed for the record.
lintian --fail-on error --display-info --tag-display-limit 0 "$deb" | tee "$work/lintian.log" || fail "lintian found errors"

if [ "$failures" -gt 0 ]; then
    echo "$failures problems" >&2
    exit 1
fi
echo "the package installs and works: $(basename "$deb"), $(du -k "$deb" | cut -f1) KB"
