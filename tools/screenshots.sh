#!/usr/bin/env bash
# Renders pages of the console offscreen, on the demo fleet, to PNG files in docs/screenshots.
#   tools/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
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
rm -rf "$(dirname "$db")"
