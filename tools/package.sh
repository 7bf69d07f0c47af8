#!/usr/bin/env bash
# Builds the Debian package of trhealth and checks it: desktop-file-validate, appstreamcli
# validate and lintian (no errors allowed; the warnings we leave are listed in the README).
#
#   tools/package.sh [OUTDIR]     (default OUTDIR: build/release)
#
# Uses the same build directory as tools/demo.sh (build/release, Release, no tests) and
# installs what packaging needs (dpkg-dev for dpkg-shlibdeps, file, the validators).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/release}
tools/build-release.sh
tools/install-deps.sh --packaging
rm -f build/release/trhealth_*.deb
cmake --build build/release --target package
deb=$(ls build/release/trhealth_*.deb)

echo "== checking $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
dpkg-deb -x "$deb" "$check"
desktop-file-validate "$check"/usr/share/applications/*.desktop
appstreamcli validate --no-net --explain "$check"/usr/share/metainfo/*.metainfo.xml
# lintian as Debian's archive runs it, as root too; errors fail the build.
lintian --allow-root --fail-on error --info --display-level '>=warning' "$deb"
mkdir -p "$out"
[ "$(realpath "$out")" = "$(realpath build/release)" ] || cp "$deb" "$out/"
echo "package: $out/$(basename "$deb")"
