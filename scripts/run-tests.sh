#!/bin/sh
# Builds smtpcodes from scratch with warnings as errors and runs every test.
# Usage: scripts/run-tests.sh [BUILD_DIR]   (default: build-test)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-test}

sh scripts/install-deps.sh

# Code is formatted by the repository's .clang-format.
git ls-files '*.c' '*.h' | grep -v '^tests/generator/golden/' | xargs clang-format --dry-run --Werror

rm -rf "$build"
cmake -S . -B "$build" -DSMTPCODES_WERROR=ON -DCMAKE_BUILD_TYPE=Debug
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure
