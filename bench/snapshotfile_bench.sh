#!/usr/bin/env bash
# Snapshot-file benchmark (issue 5). Builds the demo fleet (4 monthly snapshots) at the given
# sizes, analyses the latest snapshot, then times `trhealth-cli export` of that snapshot to a
# .trhealth file and `summary --json` of the file, and checks that the file's summary is
# byte-identical to the workspace's. Prints times, peak RSS and sizes.
#
#   bench/snapshotfile_bench.sh BUILD_DIR [ENDPOINTS...]      (default: 100000)
set -euo pipefail
build=${1:?usage: bench/snapshotfile_bench.sh BUILD_DIR [ENDPOINTS...]}
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000)
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 1; }
cli="$build/app/trhealth-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-10s %-12s %-10s %-10s %-12s %-10s %-10s\n' endpoints workspace_MB export_s rss_MB file_MB summary_s same
for n in "${sizes[@]}"; do
    rm -rf "$work"/*
    "$cli" demo --db "$work/w.trdb" --endpoints "$n" >/dev/null
    "$cli" summary --db "$work/w.trdb" --json >"$work/w.json"
    sync
    /usr/bin/time -f '%e %M' -o "$work/t1" "$cli" export --db "$work/w.trdb" --out "$work/s.trhealth" >/dev/null
    read -r t_export rss < "$work/t1"
    /usr/bin/time -f '%e %M' -o "$work/t2" "$cli" summary --db "$work/s.trhealth" --json >"$work/s.json"
    read -r t_summary _ < "$work/t2"
    same=$(cmp -s "$work/w.json" "$work/s.json" && echo yes || echo NO)
    printf '%-10s %-12s %-10s %-10s %-12s %-10s %-10s\n' "$n" "$(du -m "$work/w.trdb" | cut -f1)" \
        "$t_export" "$((rss / 1024))" "$(du -m "$work/s.trhealth" | cut -f1)" "$t_summary" "$same"
done
