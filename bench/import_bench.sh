#!/usr/bin/env bash
# Import benchmark (issue: foundation). Generates the console CSV of a fleet and times, side by
# side in one run, `trhealth-cli import` of it against the sqlite3 shell's `.import --csv` of
# the same lines flattened to one per row. Prints times, ratio, rows/s and peak RSS.
#
#   bench/import_bench.sh BUILD_DIR [ENDPOINTS...]      (default: 200000 400000)
set -euo pipefail
build=${1:?usage: bench/import_bench.sh BUILD_DIR [ENDPOINTS...]}
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200000 400000)
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # measure OUTFILE CMD... -> prints "seconds rss_kb"
    local outfile=$1; shift
    /usr/bin/time -f '%e %M' -o "$outfile" "$@" >/dev/null
    cat "$outfile"
}

printf '%-10s %-8s %-10s %-10s %-7s %-12s %-10s %-10s\n' endpoints lines trhealth_s sqlite3_s ratio rows_per_s rss_trh_MB rss_sql_MB
for n in "${sizes[@]}"; do
    rm -rf "$work"/*
    gen=$("$build/bench/trhealth-bench-gen" "$n" "$work")
    lines=$(echo "$gen" | awk '{print $3}')
    csv="$work/Get Computer Name and OS Platform and Client Extensions - Status.csv"
    sync
    # Parsing and storing, like the shell's .import: the analysis is timed by analysis_bench.sh.
    read -r t_trh rss_trh < <(measure "$work/t1" "$build/app/trhealth-cli" import --defer-analysis --db "$work/trh.db" "$csv")
    read -r t_sql rss_sql < <(measure "$work/t2" sqlite3 "$work/sql.db" ".import --csv $work/flattened.csv lines")
    ratio=$(awk -v a="$t_trh" -v b="$t_sql" 'BEGIN{printf "%.2f", a/b}')
    rps=$(awk -v l="$lines" -v t="$t_trh" 'BEGIN{printf "%.0f", l/t}')
    printf '%-10s %-8s %-10s %-10s %-7s %-12s %-10s %-10s\n' "$n" "$lines" "$t_trh" "$t_sql" "$ratio" "$rps" \
        "$((rss_trh / 1024))" "$((rss_sql / 1024))"
    echo "  (input $(du -m "$csv" | cut -f1) MB console CSV, $(du -m "$work/flattened.csv" | cut -f1) MB flattened)"
done
