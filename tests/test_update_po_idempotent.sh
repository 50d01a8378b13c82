#!/bin/sh
# SPDX-License-Identifier: MIT
# update-po's msgmerge, run twice on a copy of po/: the second run changes nothing,
# so a translator's change never carries rewrites of other entries.
# usage: test_update_po_idempotent.sh PO_DIR POT MSGMERGE OPTION...
set -eu
po_dir=$1
pot=$2
msgmerge=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$po_dir"/*.po "$work"/
merge_all() {
    for po in "$work"/*.po; do
        "$msgmerge" "$@" --output-file="$po.merged" "$po" "$pot" || exit 1
        mv "$po.merged" "$po"
    done
}
merge_all "$@"
mkdir "$work/first"
cp "$work"/*.po "$work/first"/
merge_all "$@"
status=0
for po in "$work"/*.po; do
    if ! cmp -s "$po" "$work/first/${po##*/}"; then
        echo "FAIL: a second merge rewrote ${po##*/}:" >&2
        diff "$work/first/${po##*/}" "$po" | head -20 >&2
        status=1
    fi
done
exit $status
