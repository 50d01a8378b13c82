#!/usr/bin/perl
# The peer of smtpcodes_diagnose(): Sisimai::Reason->match (Debian: libsisimai-perl)
# over the same corpus rows as bench/diagnose_corpus.c, timed the same way.
# Usage: perl bench/sisimai_reason.pl tests/data/corpus/replies.tsv
# SPDX-License-Identifier: MIT
use strict;
use warnings;
use Sisimai::Reason;
use Time::HiRes qw(clock_gettime CLOCK_MONOTONIC);

my $path = shift // die "usage: $0 replies.tsv\n";
open my $in, '<', $path or die "$path: $!\n";
<$in>;    # the header
my (@texts, @expected);
while (my $line = <$in>) {
    chomp $line;
    my @f = split /\t/, $line, -1;
    next if $f[4] eq '' || $f[5] eq 'C';
    my $text = $f[1];
    # The corpus's escapes (tests/data/corpus/README.md).
    $text =~ s/\\(\\|n|t|r|x([0-9A-Fa-f]{2}))/
        $1 eq '\\' ? '\\' : $1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1 eq 'r' ? "\r" : chr(hex $2)/ge;
    push @texts,    $text;
    push @expected, $f[4];
}
my ($agree, $start) = (0, clock_gettime(CLOCK_MONOTONIC));
my $rounds = 10;
for my $round (1 .. $rounds) {
    for my $i (0 .. $#texts) {
        my $reason = Sisimai::Reason->match($texts[$i]) // '';
        $agree++ if $round == 1 && $reason eq $expected[$i];
    }
}
my $seconds = clock_gettime(CLOCK_MONOTONIC) - $start;
printf "sisimai-reason-match rows=%d agree=%d percent=%.1f ns_per_reply=%.0f\n", scalar @texts,
    $agree, 100 * $agree / @texts, 1e9 * $seconds / ($rounds * @texts);
