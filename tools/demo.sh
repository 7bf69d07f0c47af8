#!/usr/bin/env bash
# Builds trhealth, creates the demo fleet workspace (once) and opens it in the console; with no
# display it prints the fleet's summary instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build-release.sh
db=${TRHEALTH_DEMO_DB:-$HOME/.local/share/trhealth/demo.trdb}
mkdir -p "$(dirname "$db")"
if [ ! -s "$db" ]; then
    build/release/app/trhealth-cli demo --db "$db"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec build/release/app/trhealth --db "$db"
fi
echo "No display: here is the summary (run on a desktop to open the console)."
build/release/app/trhealth-cli summary --db "$db"
