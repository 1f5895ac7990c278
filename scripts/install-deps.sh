#!/usr/bin/env bash
# Installs the Debian 12 packages Rasid builds, tests and runs with. Idempotent:
# when everything is already installed it changes nothing and needs no network.
set -euo pipefail

packages=(
    cmake g++ make pkgconf
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libicu-dev libsqlite3-dev libgumbo-dev libxlsxwriter-dev libjemalloc-dev liblinear-dev
    fonts-noto-core fonts-hosny-amiri
    xvfb xauth unzip python3
    # What Rasid installs and its checks (tests/package): dpkg-parsechangelog,
    # the icons rendered from their SVG, and man(1) and bash's completion for
    # the manual pages and completion tests.
    dpkg-dev librsvg2-bin man-db groff-base bash-completion
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
