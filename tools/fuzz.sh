#!/usr/bin/env bash
# Fuzzes the importers: installs what is missing (clang and its libFuzzer runtime included),
# builds the libFuzzer harnesses of tests/fuzz with clang in build/fuzz (TRHEALTH_FUZZ=ON) and runs each target for SECONDS (default 60) on a working copy of its
# seed corpus, then prints runs/s, coverage and whether it found anything per target.
#
#   tools/fuzz.sh [SECONDS]
#
# Working corpora (build/fuzz/corpus/<target>) keep what earlier runs found; delete them to
# start from the seeds again. Crash, leak and timeout inputs go to build/fuzz/artifacts/;
# replay one with build/fuzz/tests/fuzz/<target> <file>. Exit status 1 if anything was found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ] || [ "$seconds" -gt 300 ]; then
    echo "usage: tools/fuzz.sh [SECONDS]   (1-300 seconds per target)" >&2
    exit 2
fi

tools/install-deps.sh
tools/install-deps.sh --fuzz

build=build/fuzz
jobs=2 # the build machine is shared: never more
targets=(fuzz_csvreader fuzz_jsonreaders fuzz_importer)

cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DTRHEALTH_FUZZ=ON -DTRHEALTH_BUILD_TESTS=OFF \
    -DTRHEALTH_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

rm -rf "$build/tmp" # workspaces a crashed run left behind
mkdir -p "$build/artifacts" "$build/logs" "$build/tmp"
cat tests/fuzz/csv.dict tests/fuzz/json.dict tests/fuzz/importer.dict >"$build/importer-all.dict"
dict_for() {
    case "$1" in
    fuzz_csvreader) echo tests/fuzz/csv.dict ;;
    fuzz_jsonreaders) echo tests/fuzz/json.dict ;;
    *) echo "$build/importer-all.dict" ;;
    esac
}

# The importer's workspace and input files live in a temporary folder: keep it in the build
# tree, so that a crashed run leaves nothing behind in /tmp.
export TMPDIR="$PWD/$build/tmp"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"

summary=()
found=0
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    cp -n tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    log="$build/logs/$target.log"
    echo "== $target: ${seconds}s (log: $log)"
    status=0
    "$build/tests/fuzz/$target" "$corpus" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=16384 -dict="$(dict_for "$target")" \
        -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1 ||
        status=$?

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
    if [ -z "$runs" ]; then # a crash ends the run before the final stats
        last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
        runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
        rate=$(grep -oE 'exec/s: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)
    fi
    artifacts=$(sed -n 's/.*Test unit written to //p' "$log" | tr '\n' ' ')
    if [ "$status" -ne 0 ] || [ -n "$artifacts" ]; then
        found=1
        kind=$(grep -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z-]+|runtime error:.*|fuzz check failed:.*|Assertion .* failed' "$log" |
            head -n 1 || true)
        result="FOUND (${kind:-exit status $status}) -> ${artifacts:-see log}"
    else
        result="no crash"
    fi
    summary+=("$(printf '%-17s %8s runs %7s runs/s  %-22s %s' "$target" "${runs:-?}" "${rate:-?}" \
        "${cov:-cov: ?}" "$result")")
done

echo
echo "Fuzzing summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
exit "$found"
