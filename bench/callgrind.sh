#!/bin/sh
# SPDX-License-Identifier: MIT
# Instructions per call of every row of the benchmark, counted by callgrind:
# the same for the same binary and inputs, however busy the machine is.
# Usage: bench/callgrind.sh BUILD_DIR [CALLS]   (default 100000)
# ROWS="empty diagnose_120 ..." runs those rows only (ratios need the peer rows).
set -eu
build=$1 calls=${2:-100000}
bench=$build/bench/bench
export SMTPCODES_LOCALEDIR=${SMTPCODES_LOCALEDIR:-$build/locale}
work=$(mktemp -d "${TMPDIR:-/tmp}/smtpcodes-callgrind-XXXXXX")
trap 'rm -rf "$work"' EXIT

rows=${ROWS:-"empty reply_en enhanced_en reply_de_named reply_de_locale info_de_named info_de_locale parse_reply
      diagnose_120 diagnose_1k diagnose_64k peer_strerror_l peer_gpg_strerror"}
for row in $rows; do
  # Long texts take fewer calls, for the same time under valgrind.
  case $row in
    diagnose_64k) n=$((calls / 1000 + 1)) ;;
    diagnose_1k) n=$((calls / 10 + 1)) ;;
    *) n=$calls ;;
  esac
  # Only the row's own loop is counted: set-up and warm-up are not.
  valgrind --tool=callgrind --callgrind-out-file="$work/$row.out" --toggle-collect="row_$row" \
    "$bench" --row "$row" --calls "$n" >/dev/null 2>&1
  total=$(sed -n 's/^totals: *//p' "$work/$row.out" | cut -d' ' -f1)
  echo "$row $((total / n))" >>"$work/table"
done
strerror=$(awk '$1 == "peer_strerror_l" {print $2}' "$work/table")
gpg=$(awk '$1 == "peer_gpg_strerror" {print $2}' "$work/table")
empty=$(awk '$1 == "empty" {print $2}' "$work/table")
# "call": the whole call as a program makes it; "net": less the empty row (the loop
# and a bare call), i.e. what the function itself costs. Ratios compare whole calls.
printf '%-20s %8s %8s %14s %16s\n' row call net "vs strerror_l" "vs gpg_strerror"
awk -v s="$strerror" -v g="$gpg" -v e="$empty" '$1 != "empty" {
  if ($1 ~ /^peer_/) printf "%-20s %8d %8d\n", $1, $2, $2 - e;
  else if (s == "" || g == "") printf "%-20s %8d %8d\n", $1, $2, $2 - e;
  else printf "%-20s %8d %8d %13.1fx %15.1fx\n", $1, $2, $2 - e, s / $2, g / $2 }' "$work/table"
