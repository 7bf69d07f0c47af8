#!/usr/bin/env bash
# Renders pages of the console offscreen, on the demo fleet, to PNG files in docs/screenshots.
#   tools/screenshots.sh [BUILD_DIR]   (default: build/release, built first)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if [ $# -eq 0 ]; then
    tools/build-release.sh
fi
out=docs/screenshots
mkdir -p "$out"
db=$(mktemp -d)/demo.trdb
"$build/app/trhealth-cli" demo --db "$db" >/dev/null
export QT_QPA_PLATFORM=offscreen
shot() { "$build/app/trhealth" --db "$db" --screenshot "$out/$1.png" "${@:2}" 2>/dev/null; echo "$out/$1.png"; }
shot overview
shot drilldown-driver --drill-down driver.service_not_running
shot client-health --page clientHealthPage
shot guidance --page guidancePage
shot history --page historyPage
shot checklist --page checklistPage
shot overview-dark --appearance dark
# The monthly report: cover, executive summary and the first procedure step, from the PDF
# that `trhealth-cli report` writes (with a note and an accepted exception in it).
cli="$build/app/trhealth-cli"
first=$("$cli" findings --db "$db" --code driver.service_not_running | sed -n '1s/\t.*//p')
"$cli" note add --db "$db" --endpoint "$first" --code driver.service_not_running \
    --text "Driver service disabled by the kiosk image; rebuild planned" --ticket CHG-4711 \
    --author "J. Doe" --accept-until 2026-12-31 >/dev/null
pdf=$(dirname "$db")/report.pdf
"$cli" report --db "$db" --pdf "$pdf" --organisation "Example Corp" 2>/dev/null
page_of() { # the first page whose text matches the pattern
    local pages; pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    for p in $(seq 1 "$pages"); do
        pdftotext -f "$p" -l "$p" "$pdf" - | grep -q "$1" && { echo "$p"; return; }
    done
}
render() { # name page
    pdftoppm -r 100 -png -singlefile -f "$2" -l "$2" "$pdf" "$out/$1"; echo "$out/$1.png"
}
render report-cover 1
render report-summary "$(page_of '^Executive summary')"
render report-driver "$(page_of '^5\. Tanium Driver on Windows')"
rm -rf "$(dirname "$db")"
