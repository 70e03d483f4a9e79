#!/bin/sh
# run-torture.sh - run one group of bpfinst.torture split over several
# runtest processes, then combine their results.
#
# Usage: run-torture.sh execute|compile
#   execute  torture.exp: gcc.c-torture/execute built and run plainly and
#            instrumented (make check-torture); results in torture/
#   compile  compile.exp: gcc.c-torture/compile compiled plainly and
#            instrumented (make check-torture-compile); results in
#            torture-compile/, with a report of the new failures (and
#            the commands that reproduce them), the time-outs and the
#            slowest instrumented compiles
#
# Run from the build tree's testsuite folder (make does), with site.exp
# there.  Environment:
#   srcdir                  the source tree's testsuite folder (required)
#   RUNTEST                 the runtest program (default: runtest)
#   BPFINST_TORTURE_JOBS    parallel runtest processes (default: the number
#                           of processors)
#   BPFINST_TORTURE_LEVELS  optimization levels (default "-O0 -O2")
#   BPFINST_TORTURE_TARBALL GCC's source tarball (see lib/bpfinst-torture.exp)
#   BPFINST_TORTURE_SAMPLE  N: N files spread evenly over the sorted list
#   BPFINST_TORTURE_FILES   only these files (NAME.c, blank-separated)
#   RUNTESTFLAGS            extra runtest arguments, e.g. torture.exp=pr12345.c
# The exit status is 1 when some test gave FAIL, UNRESOLVED, XPASS or ERROR.

set -u
: "${srcdir:?set srcdir to the testsuite source folder}"
kind=${1:-}
case $kind in
  execute) exp=torture.exp out=torture out_name=torture
	   other="their dg directives or exclude.txt"
	   # Seconds of one processor per program and level (plain and
	   # two instrumented builds and runs), measured on a full run.
	   cost=0.26 ;;
  compile) exp=compile.exp out=torture-compile out_name=torture-compile
	   other="their dg directives"
	   # The same for a file's plain and two instrumented compiles.
	   cost=0.9 ;;
  *) echo "usage: run-torture.sh execute|compile" >&2; exit 2 ;;
esac
RUNTEST=${RUNTEST:-runtest}
jobs=${BPFINST_TORTURE_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
levels=${BPFINST_TORTURE_LEVELS:--O0 -O2}
tarball=${BPFINST_TORTURE_TARBALL:-/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz}
member=gcc-12.2.0/gcc/testsuite/gcc.c-torture/$kind
start=$(date +%s)

rm -rf "$out"
mkdir -p "$out/src"
out=$(cd "$out" && pwd)

# Extract the files once for all the processes.
if [ -r "$tarball" ]; then
  echo "Extracting $member from $tarball ..."
  if tar -xJf "$tarball" -C "$out/src" --wildcards "$member/*"; then
    BPFINST_TORTURE_SRC=$out/src/$member
    export BPFINST_TORTURE_SRC
    # How many files, and about how long.
    # shellcheck disable=SC2046
    n=$(set -- $(cd "$BPFINST_TORTURE_SRC" && echo ./*.c); echo $#)
    if [ -n "${BPFINST_TORTURE_FILES-}" ]; then
      # shellcheck disable=SC2086
      n=$(set -- $BPFINST_TORTURE_FILES; echo $#)
    fi
    if [ -n "${BPFINST_TORTURE_SAMPLE-}" ] &&
       [ "$BPFINST_TORTURE_SAMPLE" -lt "$n" ] 2>/dev/null; then
      n=$BPFINST_TORTURE_SAMPLE
    fi
    # shellcheck disable=SC2086
    nlevels=$(set -- $levels; echo $#)
    awk -v n="$n" -v l="$nlevels" -v c="$cost" -v j="$jobs" 'BEGIN {
      printf "%d files x %d levels: about %d minutes in %d processes\n",
        n, l, (n * l * c / j + 59) / 60, j }'
  else
    echo "run-torture.sh: cannot extract $member from $tarball" >&2
    exit 1
  fi
fi

BPFINST_TORTURE=1
export BPFINST_TORTURE srcdir
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

# Every process goes through all the files and runs those it claims
# first in claims/ (a slow file does not hold the others up).
BPFINST_TORTURE_CLAIMS=$out/claims
export BPFINST_TORTURE_CLAIMS
mkdir -p "$BPFINST_TORTURE_CLAIMS"

echo "Running bpfinst.torture/$exp in $jobs processes (levels: $levels) ..."
k=1
while [ "$k" -le "$jobs" ]; do
  d=$out/job$k
  mkdir -p "$d"
  # shellcheck disable=SC2086
  "$RUNTEST" --tool bpfinst --srcdir "$srcdir" \
    --status --objdir "$d" --outdir "$d" --directory bpfinst.torture \
    "$exp" ${RUNTESTFLAGS-} > "$d/runtest.out" 2>&1 &
  k=$((k + 1))
done
wait

cat "$out"/job*/bpfinst.sum > "$out/bpfinst.sum" 2>/dev/null
cat "$out"/job*/bpfinst.log > "$out/bpfinst.log" 2>/dev/null
nsums=$(ls "$out"/job*/bpfinst.sum 2>/dev/null | wc -l)

grep -E '^(FAIL|XPASS|UNRESOLVED|ERROR):' "$out/bpfinst.sum" > "$out/bad" || :
if [ -s "$out/bad" ]; then
  echo
  echo "Unexpected results:"
  cat "$out/bad"
fi
grep -E '^UNSUPPORTED:' "$out/bpfinst.sum" | sort > "$out/unsupported" || :
if [ -s "$out/unsupported" ]; then
  echo
  echo "Not run (UNSUPPORTED), with the reasons:"
  cat "$out/unsupported"
fi

if [ "$kind" = compile ]; then
  cat "$out"/job*/torture-compile.tsv > "$out/compiles.tsv" 2>/dev/null
  # The instrumented compiles: failures with the command that reproduces
  # each, the time-outs, the slowest, and the totals.
  awk -F '\t' '
    { plain[$1 " " $2] = $5; inst += $6; n++ }
    $4 == "timeout" { to[++nto] = $0 }
    $4 != "pass" && $4 != "timeout" { bad[++nbad] = $0 }
    END {
      for (k in plain) p += plain[k]
      if (nbad) {
        printf "\nNew failures (the plain compile succeeds):\n"
        for (i = 1; i <= nbad; i++) {
          split(bad[i], f, "\t")
          printf "  %s %s (%s): %s: %s\n    %s\n", f[1], f[2], f[3], f[4], f[8], f[9]
        }
      }
      if (nto) {
        printf "\nTime-outs (the plain compile succeeds):\n"
        for (i = 1; i <= nto; i++) {
          split(to[i], f, "\t")
          printf "  %s %s (%s): over %d s (plain %.2f s)\n    %s\n", f[1], f[2], f[3], f[7], f[5], f[9]
        }
      }
      if (n)
        printf "\nInstrumented compiles: %d, %.0f s in all (time-outs included); plain compiles of the same files and levels: %.0f s\n", n, inst, p
    }' "$out/compiles.tsv"
  echo
  echo "Slowest instrumented compiles (seconds; plain compile in brackets):"
  sort -t "$(printf '\t')" -k6,6 -g -r "$out/compiles.tsv" | head -n 10 |
    awk -F '\t' '{ printf "  %8.2f  %s %s (%s) [%.2f]%s\n", $6, $1, $2, $3, $5, $4 == "pass" ? "" : " " $4 }'
fi

end=$(date +%s)
awk -v nsums="$nsums" -v jobs="$jobs" -v secs=$((end - start)) \
    -v name="bpfinst.$out_name" -v other="$other" '
  /^(PASS|XFAIL|KPASS|KFAIL):/ { p++ }
  /^(FAIL|XPASS|UNRESOLVED):/ { f++ }
  /^ERROR:/ { e++ }
  /^(UNSUPPORTED|UNTESTED):/ { s++ }
  /^UNSUPPORTED: .*: plain (build|compile|program) fails/ { plain++ }
  END {
    if (nsums < jobs && f == 0) f = 1
    if (e && f == 0) f = 1
    if (s) printf "\n%d skipped because they fail plainly, %d for %s\n", plain, s - plain, other
    printf "\n%s: %d passed, %d failed, %d skipped (%d s)\n", name, p, f, s, secs
    exit f ? 1 : 0
  }' "$out/bpfinst.sum" | tee -a "$out/bpfinst.sum"
# The status: tee hides awk's.
if [ -s "$out/bad" ] || [ "$nsums" -lt "$jobs" ]; then
  exit 1
fi
grep -q '^ERROR:' "$out/bpfinst.sum" && exit 1
exit 0
