#!/usr/bin/env bash
# Health-analysis benchmark. Imports two months of a fleet (the console CSV of Client
# Extensions - Status with OS Platform, different failures each month) and times:
#   - each import, which ends with the health analysis of its snapshot (every rule once; the
#     findings, their sort indexes and their search index written),
#   - `summary` of each month, which reads the stored figures,
#   - `diff` of the two snapshots,
# then prints the workspace's size and what the findings' tables and indexes take of it.
# KEEP=PATH keeps the workspace there (e.g. for trhealth-bench-overview).
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
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null
    read -r secs user sys kb < "$work/t"
    # CPU time too: on a shared machine the wall time includes waiting for a core.
    printf '%-34s %8s s (CPU %6.1f s) %8s MB\n' "$label" "$secs" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')" "$((kb / 1024))"
}
echo "fleet: $n endpoints"
for month in 1 2; do
    mkdir -p "$work/m$month"
    "$build/bench/trhealth-bench-gen" "$n" "$work/m$month" "$month" >/dev/null
    rm -f "$work/m$month/flattened.csv"
    timed "import + analysis, month $month" "$cli" import --db "$work/ws.trdb" --taken-at "2026-$((month + 9))-28T09:00:00Z" "$work/m$month/$csv"
    rm -rf "$work/m$month"
done
timed "summary, month 1 (stored)" "$cli" summary --db "$work/ws.trdb" --snapshot 1 --json
timed "summary, month 2 (stored)" "$cli" summary --db "$work/ws.trdb" --snapshot 2 --json
if "$cli" diff --help >/dev/null 2>&1; then
    timed "diff month 1 -> month 2" "$cli" diff --db "$work/ws.trdb" --from 1 --to 2 --json
fi
sqlite3 "$work/ws.trdb" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
echo "findings: $(sqlite3 "$work/ws.trdb" 'SELECT count(*) FROM finding')"
echo "workspace: $(($(stat -c %s "$work/ws.trdb") / 1048576)) MB, of which (MB):"
sqlite3 "$work/ws.trdb" "SELECT '  ' || name || ' ' || (sum(pgsize) / 1048576) FROM dbstat
    WHERE name LIKE 'finding%' GROUP BY name ORDER BY sum(pgsize) DESC"
if [ -n "${KEEP:-}" ]; then
    cp "$work/ws.trdb" "$KEEP"
    echo "kept: $KEEP"
fi
