#!/bin/sh
# SPDX-License-Identifier: MIT
# The generator on synthetic codes.xml files of 1 000, 10 000 and 100 000 codes:
# wall time and peak memory of the two runs the build makes, the C tables (with
# every translation of po/ embedded) and the gettext template.
# Usage: bench/generator.sh BUILD_DIR
set -eu
cd "$(dirname "$0")/.."
gen=$1/tools/smtpcodes-gen
work=$(mktemp -d "${TMPDIR:-/tmp}/smtpcodes-genbench-XXXXXX")
trap 'rm -rf "$work"' EXIT

po_args=""
for lang in $(grep -v '^#' po/LINGUAS); do po_args="$po_args --po $lang=po/$lang.po"; done

printf '%8s %22s %22s\n' codes "tables: seconds, MiB" "template: seconds, MiB"
for n in 1000 10000 100000; do
  # codes.xml with N more enhanced codes, X.100.0 onwards.
  awk -v n="$n" '
    /<\/enhanced-codes>/ {
      for (i = 0; i < n; i++)
        printf "    <enhanced code=\"X.%d.%d\"><summary>Synthetic code %d</summary><explanation>" \
               "What synthetic code %d means, in a sentence.</explanation><reference>RFC 3463" \
               "</reference></enhanced>\n", 100 + int(i / 1000), i % 1000, i, i
    }
    { print }' codes.xml >"$work/codes.xml"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M' -o "$work/tables.time" "$gen" --schema tools/codes.rng \
    --c-source "$work/t.c" --c-header "$work/t.h" $po_args "$work/codes.xml"
  /usr/bin/time -f '%e %M' -o "$work/pot.time" "$gen" --schema tools/codes.rng \
    --pot "$work/t.pot" "$work/codes.xml"
  awk -v n="$n" 'NR == FNR { ts = $1; tm = $2 / 1024; next }
    { printf "%8d %14.2f %7.1f %14.2f %7.1f\n", n, ts, tm, $1, $2 / 1024 }' \
    "$work/tables.time" "$work/pot.time"
done
