#!/usr/bin/env bash
# Installs what is missing and builds the programs (no tests, no benchmarks) in build/release:
# the build that tools/demo.sh runs, tools/package.sh packages and tools/screenshots.sh uses.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRHEALTH_BUILD_TESTS=OFF \
    -DTRHEALTH_BUILD_BENCH=OFF
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)"
