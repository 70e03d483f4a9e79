#!/bin/sh
# bpfinst-cov against gcov.  textstat (prog/) is built with the
# edge-coverage instrumenter at -O0 and at -O2, and with gcc --coverage
# at -O0; the three run on the same input.  Every line bpfinst-cov
# reports as executed, gcov reports as executed; so does every function.
# On the lines with branch sites the two agree both ways (a line whose
# branches did not run did not run), the never-called checksum () is
# reported with count 0, and lines of both kinds exist.
. "${0%/*}/common.sh"

command -v gcov > /dev/null || skip "no gcov"
copy_program
build_coverage_instrumenter

mkdir gcov
(
  cd gcov
  for f in main text; do
    $CC --coverage -O0 -c ../src/$f.c -o $f.o
  done
  $CC --coverage main.o text.o -o textstat
  ./textstat -v < ../src/input.txt > out.txt
  gcov --json-format --stdout main.o text.o > gcov.json
)
$LINES gcov < gcov/gcov.json > gcov.txt

for level in -O0 -O2; do
  build_instrumented "bpfinst$level" "$level -g"
  (
    cd "bpfinst$level"
    BPFINST_COV_FILE=$PWD/cov.map ./textstat -v < ../src/input.txt > out.txt
    "$COV" -m cov.map -o cov.info textstat > summary.txt
  )
  cmp -s gcov/out.txt "bpfinst$level/out.txt" \
    || fail "$level: textstat printed another result than gcov's build"
  $LINES lcov "bpfinst$level/cov.info" > "bpfinst$level.txt"

  # At -O2 the C library's inline functions (tolower from ctype.h) have
  # sites of their own, which the -O0 build that gcov measured lacks:
  # compare the program's own files.
  awk -v level="$level" '
    FNR == NR { gcov[$1 " " $2] = $3; next }
    {
      key = $1 " " $2
      file = $2; sub(/:.*/, "", file)
      if (file !~ /^(main\.c|text\.c|text\.h)$/) next
      if (!(key in gcov)) {
        printf "%s: %s %s: bpfinst-cov reports it, gcov does not know it\n", level, $1, $2
        bad = 1; next
      }
      if ($3 > 0 && gcov[key] == 0) {
        printf "%s: %s %s: executed (%s) for bpfinst-cov, not for gcov\n", level, $1, $2, $3
        bad = 1
      }
      if ($1 == "L" && $3 == 0 && gcov[key] > 0) {
        printf "%s: %s: not executed for bpfinst-cov, executed (%s) for gcov\n", level, $2, gcov[key]
        bad = 1
      }
      if ($1 == "L" && $3 > 0) run++
      if ($1 == "L" && $3 == 0) notrun++
    }
    END {
      if (run == 0 || notrun == 0) {
        printf "%s: %d lines executed, %d not: expected some of each\n", level, run, notrun
        bad = 1
      }
      printf "%s: %d lines executed and %d not, as gcov says\n", level, run, notrun
      exit bad
    }' gcov.txt "bpfinst$level.txt" || fail "$level: bpfinst-cov and gcov disagree"

  grep -q '^F checksum 0$' "bpfinst$level.txt" \
    || fail "$level: checksum () is not reported with count 0"
  grep -q '^F checksum 0$' gcov.txt \
    || fail "gcov does not report checksum () with count 0"
done
echo "PASS: bpfinst-cov agrees with gcov at -O0 and -O2"
