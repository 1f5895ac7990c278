#!/usr/bin/env bash
# Installs the Debian 12 packages Rasid builds, tests and runs with. Idempotent:
# when everything is already installed it changes nothing and needs no network.
set -euo pipefail

packages=(
    cmake g++ make pkgconf
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libicu-dev libsqlite3-dev libgumbo-dev libxlsxwriter-dev libjemalloc-dev liblinear-dev
    # The overview's charts (Qt Charts needs Qt OpenGL's CMake files), their
    # SVG files, and PDF articles; qpdf makes the encrypted PDF of the tests.
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libpoppler-qt6-dev qpdf
    fonts-noto-core fonts-hosny-amiri
    xvfb xauth unzip python3 python3-jsonschema
    # The package and its checks (tests/package): dpkg-shlibdeps and
    # dpkg-parsechangelog, the icons rendered from their SVG, the validators
    # of the menu entry, the AppStream entry and the MIME type, lintian, and
    # man(1) and bash's completion for the manual pages and completion tests.
    dpkg-dev file librsvg2-bin desktop-file-utils appstream shared-mime-info lintian
    man-db groff-base bash-completion
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
