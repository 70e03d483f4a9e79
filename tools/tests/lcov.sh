#!/bin/sh
# The lcov tracefile of bpfinst-cov: genhtml (Debian's lcov) accepts it
# and writes a page for each source file, and lcov reads in it the
# figures bpfinst-cov's summary prints (lines, functions and branch
# edges executed).  A second run on other input, merged by lcov, covers
# what the first left out.
. "${0%/*}/common.sh"

command -v genhtml > /dev/null && command -v lcov > /dev/null \
  || skip "no genhtml or lcov (Debian: apt-get install lcov)"
copy_program
build_coverage_instrumenter
build_instrumented bin "-O2 -g"
cd bin

BPFINST_COV_FILE=$PWD/v.map ./textstat -v < ../src/input.txt > /dev/null
"$COV" -m v.map -o v.info -t verbose textstat > v.txt
cat v.txt

genhtml --branch-coverage -o html v.info > genhtml.out 2>&1 \
  || { cat genhtml.out; fail "genhtml refused the tracefile"; }
for f in index.html; do
  test -s "html/$f" || fail "genhtml wrote no html/$f"
done
for f in main.c text.c text.h; do
  page=$(find html -name "$f.gcov.html")
  test -n "$page" || fail "genhtml wrote no page for $f"
done
grep -q 'checksum' "$(find html -name text.c.gcov.html)" \
  || fail "the page of text.c does not show its source"
if grep -i 'warning\|error' genhtml.out; then
  fail "genhtml complained"
fi

# lcov's figures are bpfinst-cov's.
lcov --rc lcov_branch_coverage=1 --summary v.info > lcov.out 2>&1 \
  || { cat lcov.out; fail "lcov --summary refused the tracefile"; }
cat lcov.out
ours=$(sed -n 's/.* with \([0-9]*\) edges: \([0-9]*\) taken.*executed: \([0-9]*\) of \([0-9]*\) lines and \([0-9]*\) of \([0-9]*\) functions.*/\3 \4 \5 \6 \2 \1/p' v.txt)
theirs=$(sed -n 's/.*lines\.*: .* (\([0-9]*\) of \([0-9]*\) lines)/\1 \2/p
s/.*functions\.*: .* (\([0-9]*\) of \([0-9]*\) functions)/\1 \2/p
s/.*branches\.*: .* (\([0-9]*\) of \([0-9]*\) branches)/\1 \2/p' lcov.out | tr '\n' ' ' | sed 's/ $//')
echo "bpfinst-cov: $ours; lcov: $theirs"
[ -n "$ours" ] && [ "$ours" = "$theirs" ] \
  || fail "lcov reads other figures than bpfinst-cov prints"

# Another run reaches checksum (): merged, it counts as executed.
BPFINST_COV_FILE=$PWD/c.map ./textstat -c < ../src/input.txt > /dev/null
"$COV" -m c.map -o c.info -t checksum textstat > /dev/null
grep -q '^FNDA:0,checksum$' v.info || fail "checksum () ran in the first run"
lcov -a v.info -a c.info -o all.info > /dev/null 2>&1 \
  || fail "lcov cannot merge two tracefiles of bpfinst-cov"
grep -q '^FNDA:[1-9][0-9]*,checksum$' all.info \
  || fail "merged, checksum () did not run"
echo "PASS: genhtml and lcov read the tracefile"
