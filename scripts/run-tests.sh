#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds smtpcodes from scratch with warnings as errors and runs every test:
# once as it ships, once under AddressSanitizer and UndefinedBehaviorSanitizer,
# the threaded tests once more under ThreadSanitizer, the command and the
# generator under valgrind, and each fuzzer over its corpus and for a while.
# Usage: scripts/run-tests.sh [BUILD_DIR]   (default: build-test)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-test}
fuzz_seconds=${SMTPCODES_FUZZ_SECONDS:-60}

sh scripts/install-deps.sh

echo "== format"
# Code is formatted by the repository's .clang-format.
git ls-files '*.c' '*.h' | xargs clang-format --dry-run --Werror

configure_and_test() { # DIR [CMAKE ARGUMENTS...] -- [CTEST ARGUMENTS...]
  dir=$1; shift
  cmake_args=""
  while [ "$1" != "--" ]; do cmake_args="$cmake_args $1"; shift; done
  shift
  rm -rf "$dir"
  # shellcheck disable=SC2086
  cmake -S . -B "$dir" -DSMTPCODES_WERROR=ON $cmake_args
  cmake --build "$dir" -j "$(nproc)"
  ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" "$@"
}

echo "== tests"
configure_and_test "$build" -DCMAKE_BUILD_TYPE=Debug --

echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer"
# The installed-tree test links an application without the sanitizers' runtime;
# test_alloc replaces malloc, which the sanitizers own. The help centre's pages are
# made by the sanitized library all the same; only the browser's reading of them,
# which the first run checks, is not run again.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0 \
  configure_and_test "$build-asan" -DCMAKE_BUILD_TYPE=Debug -DSMTPCODES_SANITIZE=address,undefined \
  -- -E 'install_and_link|test_alloc|helpcentre_browser'

echo "== threaded tests under ThreadSanitizer"
TSAN_OPTIONS=halt_on_error=1 \
  configure_and_test "$build-tsan" -DCMAKE_BUILD_TYPE=Debug -DSMTPCODES_SANITIZE=thread \
  -DCMAKE_C_COMPILER=clang -- -R 'test_threads|test_l10n|test_lookup|test_parse|test_fallback|test_locale_change'

echo "== valgrind"
sh scripts/valgrind-check.sh "$build"

echo "== fuzzing"
sh scripts/fuzz.sh "$build-fuzz" "$fuzz_seconds"
