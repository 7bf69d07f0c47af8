#!/usr/bin/env bash
# Runs every benchmark with two builds one after the other, side by side in one run, e.g. the
# code before and after a restructuring: the import (200,000 and 400,000 endpoints), the
# import and analysis of two months of 1,000,000 endpoints (whose second workspace the table
# and overview benchmarks then read with both builds) and the monthly report (200,000).
#
#   bench/compare_builds.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR
#
# Each build needs trhealth-cli and the bench targets (trhealth-bench-gen, -table, -overview).
# It takes about 15 minutes and ~6 GB in the temporary folder. IMPORT_SIZES, FLEET and
# REPORT_FLEET change the sizes; keep FLEET at 100000 or more (the table benchmark's "page
# far down" waits for a row that a small fleet's first page already holds).
set -euo pipefail
before=${1:?usage: bench/compare_builds.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR}
after=${2:?usage: bench/compare_builds.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR}
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
both() { # label COMMAND-TAKING-BUILD-DIR...
    local label=$1; shift
    for which in before after; do
        local dir=$before
        [ "$which" = after ] && dir=$after
        echo "=== $label, $which ($dir)"
        "$@" "$dir"
    done
}
import() { bench/import_bench.sh "$1" ${IMPORT_SIZES:-200000 400000}; }
analysis() { # the after build's workspace is kept for the table and overview benchmarks
    if [ "$1" = "$after" ]; then KEEP="$ws/ws.trdb" bench/analysis_bench.sh "$1" "${FLEET:-1000000}"
    else bench/analysis_bench.sh "$1" "${FLEET:-1000000}"; fi
}
table() { "$1/bench/trhealth-bench-table" --db "$ws/ws.trdb" --snapshot 2; }
overview() { "$1/bench/trhealth-bench-overview" "$ws/ws.trdb"; }
report() { bench/report_bench.sh "$1" "${REPORT_FLEET:-200000}"; }
both import import
both "import + analysis" analysis
both table table
both overview overview
both report report
