#!/bin/sh
# Every error of bpfinst-cov: bad command lines, files that are not ELF
# or lack the table, damaged tables (made with perl and put into a
# program with objcopy --update-section), bad maps, unknown pseudo_pc
# syntax, an output that cannot be written.  Each must stop the tool
# with status 1 and one message naming the file and what is wrong.
. "${0%/*}/common.sh"

copy_program
build_coverage_instrumenter
build_instrumented bin "-O2"
P=bin/textstat
BPFINST_COV_FILE=$PWD/cov.map $P < src/input.txt > /dev/null

# Command lines.
expect_error 'give one of --map=MAP, --addr2line and --dump' "$COV" $P
expect_error 'give one of --map=MAP, --addr2line and --dump' \
  "$COV" --dump -m cov.map $P
expect_error '--lcov needs --map' "$COV" --dump -o x.info $P
expect_error 'no program named' "$COV" --dump
expect_error '--addr2line: no pseudo_pc value given' "$COV" --addr2line $P
expect_error 'unrecognized option' "$COV" --frobnicate --dump $P
grep -q '^Usage: bpfinst-cov' err.txt || fail "no usage after a bad option"
expect_error '0x12g: not a pseudo_pc value' "$COV" --addr2line $P 0x12g
expect_error '12345678901234567: not a pseudo_pc value' \
  "$COV" --addr2line $P 12345678901234567

# Files.
expect_error 'missing: No such file or directory' "$COV" --dump missing
expect_error 'src/main.c: not an ELF file' "$COV" --dump src/main.c
$CC -O2 src/greet.c src/shout.c -o plain
expect_error 'plain: no instrumented sites' "$COV" --dump plain
grep -q 'warning: plain: no .bpfinst.sites section' err.txt \
  || fail "no warning for a file without the table"

# A section header pointing past the end of the file.
idx=$(readelf -SW $P | sed -n 's/^ *\[ *\([0-9]*\)\] \.bpfinst\.sites .*/\1/p')
perl -e '
  my ($in, $out, $idx) = @ARGV;
  open my $f, "<:raw", $in or die; local $/; my $b = <$f>;
  my $shoff = unpack "Q<", substr ($b, 0x28, 8);
  my $entsize = unpack "v", substr ($b, 0x3a, 2);
  substr ($b, $shoff + $idx * $entsize + 0x18, 8) = pack "Q<", 1 << 40;
  open my $o, ">:raw", $out or die; print $o $b;' $P badelf "$idx"
expect_error 'badelf: bad ELF file' "$COV" --dump badelf

# Damaged tables: a one-function, one-site unit (mktable.pl) with
# FIELD=VALUE changed, put into a copy of the program.
damaged ()
{
  perl "$srcdir/tools/tests/mktable.pl" "$@" > unit.bin <<EOF2
unit t.c /tmp
function f t.c 10
site 0x9abcdef012345678 inst_br t.c 12 5 1
EOF2
  objcopy --update-section .bpfinst.sites=unit.bin $P damaged
}
damaged
"$COV" --addr2line damaged 0x9abcdef012345678 > good.txt \
  || fail "the undamaged unit of mktable.pl is refused"
[ "$(cat good.txt)" = "f t.c:12:5 inst_br" ] \
  || fail "the undamaged unit reads as: $(cat good.txt)"
damaged magic=BPFXSITE
expect_error 'damaged: .bpfinst.sites: no unit at offset 0 ' "$COV" --dump damaged
damaged version=2
expect_error 'unit at offset 0 has format version 2; this bpfinst-cov reads version 1' \
  "$COV" --dump damaged
damaged cut=24
expect_error 'unit at offset 0 is truncated \(48 bytes needed, 24 in' \
  "$COV" --dump damaged
damaged ssize=16
expect_error 'record sizes 48, 24, 16 are below the format' "$COV" --dump damaged
damaged usize=4096
expect_error 'unit at offset 0 is truncated \(4096 bytes needed' \
  "$COV" --dump damaged
damaged str="$(printf '\001f')"
expect_error 'its string table does not end with a NUL' "$COV" --dump damaged
damaged source=999
expect_error 'string offset 999 is past its string table' "$COV" --dump damaged
damaged func=3
expect_error 'site 0 names function 3 of 1' "$COV" --dump damaged
damaged kind=7
expect_error 'site 0 has unknown kind 7' "$COV" --dump damaged

# Maps.
expect_error 'nomap: No such file or directory' "$COV" -m nomap $P
mkdir dir.map
expect_error 'dir.map: Is a directory' "$COV" -m dir.map $P
head -c 1000 cov.map > short.map
expect_error 'short.map: 1000 bytes; a coverage map is 65536 32-bit counters' \
  "$COV" -m short.map $P
cat cov.map cov.map > long.map
expect_error 'long.map: 262145 or more bytes' "$COV" -m long.map $P

# Output.
expect_error 'nodir/x.info: No such file or directory' \
  "$COV" -m cov.map -o nodir/x.info $P
expect_error '/dev/full: No space left on device' \
  "$COV" -m cov.map -o /dev/full $P
echo "PASS: every error of bpfinst-cov"
