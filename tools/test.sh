#!/usr/bin/env bash
# Builds trhealth with warnings as errors and runs every test; then does the same in an
# AddressSanitizer + UndefinedBehaviorSanitizer build. `tools/test.sh --quick` skips the
# sanitizer pass.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
export QT_QPA_PLATFORM=offscreen

cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRHEALTH_WERROR=ON
cmake --build build/ci -j "$jobs"
ctest --test-dir build/ci --output-on-failure -j "$jobs"

if [ "${1:-}" != "--quick" ]; then
    cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTRHEALTH_WERROR=ON \
        -DTRHEALTH_SANITIZE=ON -DTRHEALTH_BUILD_BENCH=OFF
    cmake --build build/asan -j "$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build/asan --output-on-failure -j "$jobs"
fi
