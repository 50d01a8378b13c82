#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer harnesses of fuzz/ with clang, ASan and UBSan; runs each
# over its seeds and the regression inputs of tests/fuzz-regressions/, then for
# SECONDS more, and prints how many inputs each ran.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS]    (default 60)
set -eu
cd "$(dirname "$0")/.."
build=$1 seconds=${2:-60}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1
rm -rf "$build"
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DSMTPCODES_FUZZ=ON -DSMTPCODES_BUILD_TESTS=OFF \
      -DSMTPCODES_WERROR=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null

for harness in parse_reply lookup_code cli_line stream_json codes_xml diagnose; do
  work=$(mktemp -d "${TMPDIR:-/tmp}/smtpcodes-fuzz-XXXXXX")
  cp fuzz/corpus/"$harness"/* "$work"/
  regressions=tests/fuzz-regressions/$harness
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$build/fuzz/fuzz_$harness" "$regressions"/* >/dev/null 2>&1 ||
      { echo "fuzz: $harness fails a regression input"; exit 1; }
  fi
  # The corpus grows in a scratch copy; the seeds in the repository stay as they are.
  "$build/fuzz/fuzz_$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work" >"$work.log" 2>&1 || {
    tail -40 "$work.log"
    echo "fuzz: $harness found a failure"
    exit 1
  }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work.log")
  echo "fuzz: $harness ran $runs inputs in ${seconds}s, no failure"
  rm -rf "$work" "$work.log"
done
