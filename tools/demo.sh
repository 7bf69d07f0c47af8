#!/usr/bin/env bash
# Builds trhealth, creates the demo fleet workspace and shows it.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRHEALTH_BUILD_TESTS=OFF
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)"
db=${TRHEALTH_DEMO_DB:-$HOME/.local/share/trhealth/demo.trdb}
mkdir -p "$(dirname "$db")"
if [ ! -s "$db" ]; then
    build/release/app/trhealth-cli demo --db "$db"
fi
build/release/app/trhealth-cli summary --db "$db"
