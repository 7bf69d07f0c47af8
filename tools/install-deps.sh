#!/usr/bin/env bash
# Installs what trhealth needs to build, run and test on Debian 12 (as root, or with sudo).
# Does nothing when everything is there already. With --packaging: what tools/package.sh needs
# on top (dpkg-shlibdeps, file, and the package validators); with --fuzz: what tools/fuzz.sh
# needs on top (clang and its libFuzzer runtime).
set -euo pipefail
packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n linguist-qt6
    libsqlite3-dev sqlite3 rapidjson-dev libxlsxwriter-dev qtkeychain-qt6-dev
    dbus-daemon dbus-bin gnome-keyring libsecret-1-0
    poppler-utils time xvfb xauth libgl-dev unzip openssl
)
case "${1:-}" in
--packaging) packages=(dpkg-dev file gzip lintian appstream desktop-file-utils) ;;
--fuzz) packages=(clang libclang-rt-dev) ;;
"") ;;
*) echo "usage: tools/install-deps.sh [--packaging | --fuzz]" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
