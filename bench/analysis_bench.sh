#!/usr/bin/env bash
# Health-analysis benchmark. Imports two months of a fleet (the console CSV of Client
# Extensions - Status with OS Platform, different failures each month), then times:
#   - the first `summary` of a snapshot, which runs every rule once and stores the findings
#     (the extra time the rules add to an import),
#   - a later `summary`, which reads the stored figures,
#   - `diff` of the two snapshots.
#
#   bench/analysis_bench.sh BUILD_DIR [ENDPOINTS]      (default 1000000)
set -euo pipefail
build=${1:?usage: bench/analysis_bench.sh BUILD_DIR [ENDPOINTS]}
n=${2:-1000000}
cli="$build/app/trhealth-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="Get Computer Name and OS Platform and Client Extensions - Status.csv"
timed() { # label CMD...
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null
    read -r secs kb < "$work/t"
    printf '%-34s %8s s %8s MB\n' "$label" "$secs" "$((kb / 1024))"
}
echo "fleet: $n endpoints"
for month in 1 2; do
    mkdir -p "$work/m$month"
    "$build/bench/trhealth-bench-gen" "$n" "$work/m$month" "$month" >/dev/null
    timed "import month $month" "$cli" import --db "$work/ws.trdb" --taken-at "2026-$((month + 9))-28T09:00:00Z" "$work/m$month/$csv"
    rm -rf "$work/m$month"
done
timed "first summary, month 1 (rules)" "$cli" summary --db "$work/ws.trdb" --snapshot 1 --json
timed "first summary, month 2 (rules)" "$cli" summary --db "$work/ws.trdb" --snapshot 2 --json
timed "summary again (stored)" "$cli" summary --db "$work/ws.trdb" --snapshot 2 --json
if "$cli" diff --help >/dev/null 2>&1; then
    timed "diff month 1 -> month 2" "$cli" diff --db "$work/ws.trdb" --from 1 --to 2 --json
fi
echo "findings: $(sqlite3 "$work/ws.trdb" 'SELECT count(*) FROM finding')"
