#!/bin/sh
# The diagnosis against its peer, Sisimai::Reason->match (Debian: libsisimai-perl),
# in one run, over the same rows of tests/data/corpus/: accuracy against the
# corpus's expected reasons, time per reply, and the ratio.
# Usage: bench/reasons.sh BUILD_DIR
# SPDX-License-Identifier: MIT
set -eu
build=$1
corpus=$(dirname "$0")/../tests/data/corpus/replies.tsv
ours=$("$build/bench/diagnose_corpus" "$corpus")
peer=$(perl "$(dirname "$0")/sisimai_reason.pl" "$corpus")
echo "$ours"
echo "$peer"
ns() { echo "$1" | sed 's/.*ns_per_reply=//'; }
awk -v a="$(ns "$ours")" -v b="$(ns "$peer")" \
  'BEGIN { printf "smtpcodes_diagnose is %.0fx faster per reply\n", b / a }'
