#!/usr/bin/env bash
# Retention benchmark (issue 13). Builds a workspace of MONTHS monthly imports of an
# N-endpoint fleet (the console CSV of Client Extensions - Status, different failures each
# month) with each build, then times, with the newer build:
#   - opening the older build's workspace for writing (the schema upgrade),
#   - `prune --keep 1` on it (an older file: the first removal also rewrites the file once to
#     turn incremental auto-vacuum on) and on the newer build's own workspace,
# with the file's size before and after each, and PRAGMA integrity_check after.
#
#   bench/prune_bench.sh OLD_BUILD NEW_BUILD [ENDPOINTS] [MONTHS]   (default 1000000 2)
set -euo pipefail
old=${1:?usage: bench/prune_bench.sh OLD_BUILD NEW_BUILD [ENDPOINTS] [MONTHS]}
new=${2:?usage: bench/prune_bench.sh OLD_BUILD NEW_BUILD [ENDPOINTS] [MONTHS]}
n=${3:-1000000}
months=${4:-2}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/prune-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
csv="Get Computer Name and OS Platform and Client Extensions - Status.csv"
gen="$new/bench/trhealth-bench-gen"
size_mb() { echo $(( ($(stat -c %s "$1") + $(stat -c %s "$1-wal" 2>/dev/null || echo 0)) / 1048576 )); }
timed() { # label CMD...
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null
    read -r secs user sys kb < "$work/t"
    printf '%-46s %8s s (CPU %6.1f s) %6s MB RSS\n' "$label" "$secs" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')" "$((kb / 1024))"
}
echo "fleet: $n endpoints, $months months"
for month in $(seq 1 "$months"); do
    mkdir -p "$work/m"
    "$gen" "$n" "$work/m" "$month" >/dev/null
    rm -f "$work/m/flattened.csv"
    taken="2026-$(printf %02d $(( (month - 1) % 12 + 1 )))-28T09:00:00Z"
    for build in old new; do
        dir=${!build}
        timed "import, month $month ($build build)" "$dir/app/trhealth-cli" import \
            --db "$work/$build.trdb" --taken-at "$taken" "$work/m/$csv"
    done
    rm -rf "$work/m"
done
for build in old new; do
    sqlite3 "$work/$build.trdb" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
done
echo "old build's workspace: $(size_mb "$work/old.trdb") MB, schema $(sqlite3 "$work/old.trdb" 'PRAGMA user_version')"
timed "upgrade (open for writing, old file)" "$new/app/trhealth-cli" expect --db "$work/old.trdb" --list
echo "  schema now $(sqlite3 "$work/old.trdb" 'PRAGMA user_version')"
for build in old new; do
    before=$(size_mb "$work/$build.trdb")
    timed "prune --keep 1 ($build build's workspace)" "$new/app/trhealth-cli" prune \
        --db "$work/$build.trdb" --keep 1
    echo "  $before MB -> $(size_mb "$work/$build.trdb") MB, integrity_check: $(sqlite3 "$work/$build.trdb" 'PRAGMA integrity_check' | head -1)"
done
