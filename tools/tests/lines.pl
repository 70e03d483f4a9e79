#!/usr/bin/perl
# lines.pl lcov TRACEFILE | lines.pl gcov < GCOV-JSON
#
# Prints what a coverage report says ran, one record a line, for the
# tests to compare:
#   L FILE:LINE COUNT    a line (FILE: the source file's last component)
#   F NAME COUNT         a function
# A line or function reported more than once (a header's inline function
# in several units) gets the largest count.  gcov's JSON comes from
# gcov --json-format --stdout, one document a line.
use strict;
use warnings;
use JSON::PP;

my (%line, %func);
sub note {
    my ($h, $k, $c) = @_;
    $h->{$k} = $c if !defined $h->{$k} || $c > $h->{$k};
}
sub base { my ($f) = @_; $f =~ s{.*/}{}; return $f; }

my $mode = shift // '';
if ($mode eq 'lcov') {
    my $file;
    while (<>) {
        chomp;
        if (/^SF:(.*)/) { $file = base ($1); }
        elsif (/^DA:(\d+),(\d+)/) { note (\%line, "$file:$1", $2); }
        elsif (/^FNDA:(\d+),(.*)/) { note (\%func, $2, $1); }
    }
} elsif ($mode eq 'gcov') {
    while (<STDIN>) {
        next unless /\S/;
        my $doc = decode_json ($_);
        for my $f (@{$doc->{files}}) {
            my $file = base ($f->{file});
            note (\%line, "$file:$_->{line_number}", $_->{count})
                for @{$f->{lines}};
            note (\%func, $_->{name}, $_->{execution_count})
                for @{$f->{functions}};
        }
    }
} else {
    die "usage: lines.pl lcov TRACEFILE | lines.pl gcov < JSON\n";
}
print "L $_ $line{$_}\n" for sort keys %line;
print "F $_ $func{$_}\n" for sort keys %func;
