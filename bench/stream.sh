#!/bin/sh
# SPDX-License-Identifier: MIT
# The command on a mail log: LINES short Postfix log lines (default one million)
# through `smtpcodes --json -` and `smtpcodes -`, against `cat` and `grep -c said:`
# on the same input in the same run, output to /dev/null. Each row is the fastest
# of RUNS runs (default 3): wall time, CPU time (user + system), peak resident
# memory (GNU time), and its wall time over cat's and grep's. Then the peak memory
# of `--json -` for a tenth of the lines and for one line of 128 MiB: it grows with
# neither.
# Usage: bench/stream.sh BUILD_DIR [LINES] [RUNS]
set -eu
build=$1 lines=${2:-1000000} runs=${3:-3}
cli=$build/cli/smtpcodes
export SMTPCODES_LOCALEDIR=${SMTPCODES_LOCALEDIR:-$build/locale}
work=$(mktemp -d "${TMPDIR:-/tmp}/smtpcodes-stream-XXXXXX")
trap 'rm -rf "$work"' EXIT

# Bounces as Postfix logs them: eight replies, addresses and hosts that vary.
generate() { # LINES FILE
  awk -v n="$1" 'BEGIN {
    r[1] = "550 5.1.1 <%s>: Recipient address rejected: User unknown"
    r[2] = "452 4.2.2 <%s>: mailbox full"
    r[3] = "421 4.7.0 Try again later, closing connection"
    r[4] = "554 5.7.1 <%s>: Relay access denied"
    r[5] = "550 5.7.26 Unauthenticated email is not accepted"
    r[6] = "451 4.3.0 Temporary lookup failure"
    r[7] = "552 5.2.2 <%s>: quota exceeded"
    r[8] = "550 Mailbox unavailable"
    for (i = 0; i < n; i++) {
      user = sprintf("user%d@example.org", i % 977)
      printf "Dec  5 10:%02d:%02d mx postfix/smtp[%d]: to=<%s>, status=bounced " \
             "(host mx%d.example.net[192.0.2.%d] said: " r[i % 8 + 1] ")\n",
             int(i / 60) % 60, i % 60, 1000 + i % 30000, user, i % 7, i % 250, user
    }
  }' >"$2"
}

# Runs COMMAND on INPUT RUNS times; prints "wall_seconds cpu_seconds peak_KiB" of the
# fastest run.
measure() { # INPUT COMMAND...
  input=$1; shift
  i=0
  while [ "$i" -lt "$runs" ]; do
    status=0
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" <"$input" >/dev/null 2>"$work/err" ||
      status=$?
    end=$(date +%s%N)
    # smtpcodes exits 1 when some line held no code; anything more is a failure.
    if [ "$status" -gt 1 ]; then
      cat "$work/err" >&2
      echo "stream.sh: '$*' failed with status $status" >&2
      exit 1
    fi
    awk -v ns=$((end - start)) '{ printf "%.3f %.2f %d\n", ns / 1e9, $1 + $2, $3 }' "$work/time"
    i=$((i + 1))
  done | sort -n | head -1
}

row() { # NAME "WALL CPU RSS"
  echo "$2" | awk -v name="$1" -v cat="${cat%% *}" -v grep="${grep%% *}" '{
    printf "%-20s %8.3f %7.2f %9d", name, $1, $2, $3
    if (name ~ /^smtpcodes/) printf " %7.1fx %7.1fx", $1 / cat, $1 / grep
    printf "\n" }'
}

generate "$lines" "$work/log"
echo "$lines log lines, $(($(wc -c <"$work/log") / 1048576)) MiB, fastest of $runs runs," \
  "LC_ALL=${LC_ALL:-} LANG=${LANG:-}"
json=$(measure "$work/log" "$cli" --json -)
text=$(measure "$work/log" "$cli" -)
cat=$(measure "$work/log" cat)
grep=$(measure "$work/log" grep -c said:)
printf '%-20s %8s %7s %9s %8s %8s\n' command wall_s cpu_s peak_KiB "vs cat" "vs grep"
row "smtpcodes --json -" "$json"
row "smtpcodes -" "$text"
row "cat" "$cat"
row "grep -c said:" "$grep"

generate "$((lines / 10))" "$work/tenth"
tenth=$(measure "$work/tenth" "$cli" --json -)
{ printf '550 5.1.1 '; head -c 134217728 /dev/zero | tr '\0' x; echo; } >"$work/long"
long=$(measure "$work/long" "$cli" --json -)
echo "peak KiB of smtpcodes --json -: $((lines / 10)) lines ${tenth##* }," \
  "$lines lines ${json##* }, one line of 128 MiB ${long##* }"
