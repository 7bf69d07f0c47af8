#!/usr/bin/env bash
# Monthly-report benchmark: the demo fleet (four monthly snapshots, every dataset) at N
# endpoints, then the time, peak memory and size of:
#   - the PDF report of the newest snapshot (compared with the one before), A4, top 25,
#   - the same as one HTML file,
#   - the evidence appendix (every finding row as CSV, manifest, SHA256SUMS).
# The two snapshots are analysed first (the rules run once per snapshot, on its first
# summary; analysis_bench.sh measures that), so the figures are the report's own.
#
#   bench/report_bench.sh BUILD_DIR [ENDPOINTS]      (default 200000)
set -euo pipefail
build=${1:?usage: bench/report_bench.sh BUILD_DIR [ENDPOINTS]}
n=${2:-200000}
cli="$build/app/trhealth-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset DISPLAY QT_QPA_PLATFORM
timed() { # label CMD...
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    read -r secs kb < "$work/t"
    printf '%-34s %8s s %8s MB' "$label" "$secs" "$((kb / 1024))"
}
echo "fleet: $n endpoints (demo fleet, 4 snapshots)"
"$cli" demo --db "$work/ws.trdb" --endpoints "$n" >/dev/null
"$cli" summary --db "$work/ws.trdb" --snapshot 3 >/dev/null
"$cli" summary --db "$work/ws.trdb" --snapshot 4 >/dev/null
echo "findings in the newest snapshot: $(sqlite3 "$work/ws.trdb" 'SELECT count(*) FROM finding WHERE snapshot_id = 4')"
timed "PDF report (A4, top 25)" "$cli" report --db "$work/ws.trdb" --pdf "$work/r.pdf"
printf '  %s, %s pages\n' "$(du -h "$work/r.pdf" | cut -f1)" "$(pdfinfo "$work/r.pdf" | awk '/^Pages:/ {print $2}')"
timed "HTML report" "$cli" report --db "$work/ws.trdb" --html "$work/r.html"
printf '  %s\n' "$(du -h "$work/r.html" | cut -f1)"
timed "evidence appendix (+ PDF)" "$cli" report --db "$work/ws.trdb" --pdf "$work/r.pdf" --appendix "$work/app"
printf '  %s in %s files\n' "$(du -sh "$work/app" | cut -f1)" "$(ls "$work/app" | wc -l)"
