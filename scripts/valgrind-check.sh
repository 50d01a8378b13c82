#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the command and the generator on real inputs under valgrind's memcheck:
# any memory error or definite leak fails.
# Usage: scripts/valgrind-check.sh BUILD_DIR
set -eu
cd "$(dirname "$0")/.."
build=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/smtpcodes-valgrind-XXXXXX")
trap 'rm -rf "$work"' EXIT

memcheck() {
  valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions=scripts/valgrind.supp \
    --track-origins=yes "$@"
}

export SMTPCODES_LOCALEDIR="$build/locale"
memcheck "$build/cli/smtpcodes" 550 5.7.26 559 4.9.0 '550 4.2.2 over quota' >/dev/null
LC_ALL=de_DE.UTF-8 memcheck "$build/cli/smtpcodes" --json 550 5.1.1 >/dev/null
memcheck "$build/cli/smtpcodes" --lang ja --list >/dev/null
# A few hundred real replies, through standard input.
cut -f2 tests/data/corpus/replies.tsv | head -300 | memcheck "$build/cli/smtpcodes" --json - >/dev/null || [ $? -eq 1 ]
linguas=$(grep -v '^#' po/LINGUAS)
po_args=""
for lang in $linguas; do po_args="$po_args --po $lang=po/$lang.po"; done
# shellcheck disable=SC2086
memcheck "$build/tools/smtpcodes-gen" --schema tools/codes.rng --c-source "$work/t.c" \
  --c-header "$work/t.h" --pot "$work/t.pot" $po_args codes.xml
memcheck "$build/tools/smtpcodes-gen" --schema tools/codes.rng --pot "$work/bad.pot" \
  tests/generator/bad/billion-laughs.xml 2>/dev/null || [ $? -eq 1 ]
memcheck "$build/tools/smtpcodes-iana-drift" --schema tools/codes.rng \
  --registry tests/data/iana/smtp-enhanced-status-codes.xml codes.xml >/dev/null
echo "valgrind: no errors, no leaks"
