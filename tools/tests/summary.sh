#!/bin/sh
# What bpfinst-cov computes, on a table and a map written by hand
# (mktable.pl, perl): a branch site's two edges (counters pc and pc+1),
# a switch's edges (pc + cond), the copies of one function in two units
# merged into one, a counter two sites share reported as such, and the
# tracefile and summary that follow, compared with the values worked out
# below from the table and the map.
. "${0%/*}/common.sh"

cat > spec.txt <<'EOF2'
unit t.c /tmp
function f t.c 10
site 0x100 inst_br t.c 12 5 1
site 0x101 inst_br t.c 13 7 1
site 0x200 inst_br t.c 14 3 2 1
site 0x300 inst_br t.c 14 3 3 1
site 0x400 inst_add t.c 15 9 0
unit t.c /tmp
function f t.c 10
site 0x500 inst_br t.c 12 5 1
EOF2
perl "$srcdir/tools/tests/mktable.pl" < spec.txt > table.bin
printf 'int main (void) { return 0; }\n' > p.c
$CC p.c -o p0
objcopy --add-section .bpfinst.sites=table.bin p0 p
# Counters: site 0x100 ran 3 times not taken, twice taken (0x101, which
# site 0x101 also uses, for its not-taken edge); site 0x101 never taken
# (0x102); the switch went 4 times to its case (0x300 + 1), never to its
# default (0x200); the other copy of f ran site 0x100's branch once, not
# taken (0x500).
perl -e '
  my @m = (0) x 65536;
  @m[0x100, 0x101, 0x102, 0x200, 0x301, 0x500, 0x501] = (3, 2, 0, 0, 4, 1, 0);
  binmode STDOUT; print pack "V*", @m;' > cov.map

"$COV" -m cov.map -o cov.info p > summary.txt
cat summary.txt
cat > want.info <<'EOF2'
TN:
SF:/tmp/t.c
FN:10,f
FNDA:6,f
FNF:1
FNH:1
BRDA:12,0,0,2
BRDA:12,0,1,4
BRDA:13,1,0,0
BRDA:13,1,1,2
BRDA:14,2,0,0
BRDA:14,2,1,4
BRF:6
BRH:4
DA:12,6
DA:13,2
DA:14,4
LF:3
LH:3
end_of_record
EOF2
diff want.info cov.info || fail "another tracefile"

cat > want.txt <<'EOF2'
bpfinst-cov: 5 sites (6 records in the tables of 2 translation units, in 1 files)
bpfinst-cov: cov.map: 4 branch sites (inst_br) with 6 edges: 4 taken, 2 not taken; executed: 3 of 3 lines and 1 of 1 functions with branch sites
bpfinst-cov: counters: 7 of 65536 used; 1 shared by 2 branch sites, whose counts include each other's
EOF2
head -n 3 summary.txt | diff want.txt - || fail "another summary"
# function f, defined at /tmp/t.c:10: 5 sites, 4 branch sites, 6 edges,
# 4 taken, 2 not, 3 lines with branch sites, 3 executed; t.c the same.
grep -Eq '^f +/tmp/t\.c:10 +5 +4 +6 +4 +2 +3 +3$' summary.txt \
  || fail "another line for f"
grep -Eq '^/tmp/t\.c +5 +4 +6 +4 +2 +3 +3$' summary.txt \
  || fail "another line for t.c"

"$COV" --dump p > dump.txt
cat > want-dump.txt <<'EOF2'
# p: unit t.c (in /tmp)
0x0000000000000100 inst_br f t.c:12:5 branch 0
0x0000000000000101 inst_br f t.c:13:7 branch 0
0x0000000000000200 inst_br f t.c:14:3 switch-default 1
0x0000000000000300 inst_br f t.c:14:3 switch-case 1
0x0000000000000400 inst_add f t.c:15:9 operation 0
# p: unit t.c (in /tmp)
0x0000000000000500 inst_br f t.c:12:5 branch 0
EOF2
diff want-dump.txt dump.txt || fail "another dump"
echo "PASS: the counts of a table and a map written by hand"
