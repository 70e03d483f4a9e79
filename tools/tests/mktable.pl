#!/usr/bin/perl
# mktable.pl [FIELD=VALUE]... < SPEC > CONTENTS
#
# Writes the contents of a .bpfinst.sites section (the format of
# gcc-plugin/bpfinst-sites.h) from SPEC, for the tests to put into a
# program with objcopy --update-section.  SPEC lines:
#   unit SOURCE DIRECTORY
#   function NAME FILE LINE
#   site PC HOOK FILE LINE COLUMN KIND [OP]    (PC in hexadecimal; KIND a
#                                               number; in the last function)
# FIELD=VALUE damages every unit: magic, version, hsize, fsize, ssize,
# usize (header fields), source (the source's string offset), func (the
# sites' function index), kind (the sites' kind), str (the string table
# itself), cut (how many bytes of the unit to keep).
use strict;
use warnings;

my %o = map { split /=/, $_, 2 } @ARGV;
my @units;
while (<STDIN>) {
    my @w = split;
    next unless @w;
    if ($w[0] eq 'unit') {
        push @units, { source => $w[1], dir => $w[2], funcs => [], sites => [] };
    } elsif ($w[0] eq 'function') {
        push @{$units[-1]{funcs}}, [ @w[1 .. 3] ];
    } elsif ($w[0] eq 'site') {
        push @{$units[-1]{sites}},
            [ scalar @{$units[-1]{funcs}} - 1, @w[1 .. $#w] ];
    } else {
        die "mktable.pl: bad line: $_";
    }
}

binmode STDOUT;
for my $u (@units) {
    my $str = "\0";
    my %off = ('' => 0);
    my $s = sub {
        my ($x) = @_;
        $off{$x} //= do { my $o = length $str; $str .= "$x\0"; $o };
    };
    my $recs = '';
    for my $f (@{$u->{funcs}}) {
        my ($name, $file, $line) = @$f;
        $recs .= pack 'V6', $s->($name), $s->($name), $s->($file), $line, 1, 0;
    }
    for my $site (@{$u->{sites}}) {
        my ($fi, $pc, $hook, $file, $line, $col, $kind, $op) = @$site;
        $pc = sprintf '%016s', $pc =~ s/^0x//r;
        $pc =~ tr/ /0/;
        $recs .= pack 'V2V4vvV', hex (substr $pc, 8), hex (substr $pc, 0, 8),
            $s->($hook), $o{func} // $fi, $s->($file), $line, $col,
            $o{kind} // $kind, $op // 0;
    }
    my $source = $s->($u->{source});
    my $dir = $s->($u->{dir});
    $str = $o{str} if defined $o{str};
    my $nf = @{$u->{funcs}};
    my $ns = @{$u->{sites}};
    my $size = 48 + 24 * $nf + 32 * $ns + length $str;
    $size += -$size & 7;
    my $unit = ($o{magic} // 'BPFISITE')
        . pack ('v4V6V2', $o{version} // 1, $o{hsize} // 48, $o{fsize} // 24,
                $o{ssize} // 32, $o{usize} // $size, $nf, $ns, length $str,
                $o{source} // $source, $dir, 0, 0)
        . $recs . $str;
    $unit .= "\0" x ($size - length $unit);
    $unit = substr $unit, 0, $o{cut} if defined $o{cut};
    print $unit;
}
