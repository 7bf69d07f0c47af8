#!/usr/bin/env bash
# Checks a trhealth .deb as a user meets it, on a fresh Debian 12 system (CI runs it in
# tools/cleanroom.sh): installs it with `apt-get install ./trhealth_….deb` alone, runs the
# installed programs (trhealth-cli demo, summary, report --pdf; trhealth --screenshot,
# offscreen), checks the desktop integration, then purges it and checks that nothing of it is
# left on the system but the user's data.
#
#   tools/check-deb.sh DEB
set -euo pipefail
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: tools/check-deb.sh DEB" >&2; exit 2; }
deb=$(realpath "$1")
export DEBIAN_FRONTEND=noninteractive
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "apt-get install $(basename "$deb")"
apt-get update -qq
apt-get install -y -qq "$deb" >/tmp/check-deb-apt.log 2>&1 || { cat /tmp/check-deb-apt.log; fail "apt-get install"; }
dpkg-query -W -f='${Package} ${Version} ${Status}\n' trhealth
files=$(dpkg -L trhealth)

step "installed programs"
[ "$(command -v trhealth)" = /usr/bin/trhealth ] || fail "trhealth is not /usr/bin/trhealth"
[ "$(command -v trhealth-cli)" = /usr/bin/trhealth-cli ] || fail "trhealth-cli is not on PATH"
trhealth-cli --version
work=$(mktemp -d)
trhealth-cli demo --db "$work/demo.trdb" >/dev/null
trhealth-cli summary --db "$work/demo.trdb" | head -n 12
trhealth-cli report --db "$work/demo.trdb" --pdf "$work/report.pdf"
[ "$(head -c 5 "$work/report.pdf")" = "%PDF-" ] || fail "report --pdf wrote no PDF"
echo "report.pdf: $(stat -c %s "$work/report.pdf") bytes"
QT_QPA_PLATFORM=offscreen trhealth --db "$work/demo.trdb" --screenshot "$work/overview.png"
[ "$(head -c 8 "$work/overview.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "trhealth --screenshot wrote no PNG"
echo "overview.png: $(stat -c %s "$work/overview.png") bytes"
# A workspace is known by its content, whatever its name.
cp "$work/demo.trdb" "$work/fleet.db"
QT_QPA_PLATFORM=offscreen trhealth "$work/fleet.db" --screenshot "$work/renamed.png" 2>"$work/err"
[ -s "$work/renamed.png" ] && ! grep -qi "not a trhealth" "$work/err" ||
    fail "a workspace named fleet.db was not opened"

step "desktop integration"
for f in /usr/share/applications/org.trhealth.trhealth.desktop \
    /usr/share/metainfo/org.trhealth.trhealth.metainfo.xml \
    /usr/share/mime/packages/org.trhealth.trhealth.xml \
    /usr/share/icons/hicolor/scalable/apps/org.trhealth.trhealth.svg \
    /usr/share/icons/hicolor/48x48/apps/org.trhealth.trhealth.png \
    /usr/share/man/man1/trhealth-cli.1.gz /usr/share/man/man1/trhealth.1.gz \
    /usr/share/doc/trhealth/copyright; do
    grep -qx "$f" <<<"$files" || fail "the package has no $f"
done
if [ -x /usr/bin/update-mime-database ]; then # shared-mime-info's trigger ran
    grep -q 'x-trhealth-workspace.*trdb' /usr/share/mime/globs2 || fail "MIME type not registered"
    echo "MIME types registered: $(grep -c x-trhealth /usr/share/mime/globs2) globs"
fi
if [ -x /usr/bin/update-desktop-database ]; then # desktop-file-utils' trigger ran
    grep -q 'x-trhealth-workspace=org.trhealth.trhealth.desktop' \
        /usr/share/applications/mimeinfo.cache || fail "trhealth does not open .trdb files"
fi
zcat /usr/share/man/man1/trhealth-cli.1.gz | grep -q '^\.TH' || fail "man page"

step "apt-get purge trhealth"
apt-get purge -y -qq trhealth >/dev/null
apt-get autoremove --purge -y -qq >/dev/null
! dpkg-query -W trhealth 2>/dev/null | grep -q . || fail "trhealth is still known to dpkg"
left=$(while read -r f; do if [ -f "$f" ] || [ -L "$f" ]; then echo "$f"; fi; done <<<"$files")
[ -z "$left" ] || fail "files left after purge: $left"
# Nothing anywhere outside the user's data, apt's and dpkg's logs and records mentions it.
mentions=$(grep -rl --exclude-dir=dpkg --exclude-dir=log --exclude-dir=apt -e trhealth \
    /usr /etc /var /opt /srv 2>/dev/null || true)
[ -z "$mentions" ] || fail "left behind: $mentions"
ls -d "$HOME/.local/share/trhealth" "$HOME/.config/trhealth" 2>/dev/null |
    sed 's/^/user data kept: /' || true
rm -rf "$work"
echo "check-deb: $(basename "$deb") installed, ran and uninstalled cleanly"
