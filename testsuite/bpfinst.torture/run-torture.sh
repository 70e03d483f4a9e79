#!/bin/sh
# run-torture.sh - run bpfinst.torture/torture.exp split over several
# runtest processes, then combine their results.
#
# Run from the build tree's testsuite folder (make check-torture does),
# with site.exp there.  Environment:
#   srcdir                  the source tree's testsuite folder (required)
#   RUNTEST                 the runtest program (default: runtest)
#   BPFINST_TORTURE_JOBS    parallel runtest processes (default: the number
#                           of processors)
#   BPFINST_TORTURE_LEVELS  optimization levels (default "-O0 -O2")
#   BPFINST_TORTURE_TARBALL GCC's source tarball (see torture.exp)
#   RUNTESTFLAGS            extra runtest arguments, e.g. torture.exp=pr12345.c
# Results: torture/bpfinst.sum and torture/bpfinst.log; the exit status is
# 1 when some test gave FAIL, UNRESOLVED, XPASS or ERROR.

set -u
: "${srcdir:?set srcdir to the testsuite source folder}"
RUNTEST=${RUNTEST:-runtest}
jobs=${BPFINST_TORTURE_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
tarball=${BPFINST_TORTURE_TARBALL:-/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz}
member=gcc-12.2.0/gcc/testsuite/gcc.c-torture/execute
out=torture
start=$(date +%s)

rm -rf "$out"
mkdir -p "$out/src"
out=$(cd "$out" && pwd)

# Extract the programs once for all the processes.
if [ -r "$tarball" ]; then
  echo "Extracting $member from $tarball ..."
  if tar -xJf "$tarball" -C "$out/src" --wildcards "$member/*"; then
    BPFINST_TORTURE_SRC=$out/src/$member
    export BPFINST_TORTURE_SRC
  else
    echo "run-torture.sh: cannot extract $member from $tarball" >&2
    exit 1
  fi
fi

BPFINST_TORTURE=1
export BPFINST_TORTURE srcdir
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

echo "Running bpfinst.torture in $jobs processes (levels: ${BPFINST_TORTURE_LEVELS:--O0 -O2}) ..."
k=1
while [ "$k" -le "$jobs" ]; do
  d=$out/shard$k
  mkdir -p "$d"
  # shellcheck disable=SC2086
  BPFINST_TORTURE_SHARD=$k/$jobs "$RUNTEST" --tool bpfinst --srcdir "$srcdir" \
    --status --objdir "$d" --outdir "$d" --directory bpfinst.torture \
    ${RUNTESTFLAGS-} > "$d/runtest.out" 2>&1 &
  k=$((k + 1))
done
wait

cat "$out"/shard*/bpfinst.sum > "$out/bpfinst.sum" 2>/dev/null
cat "$out"/shard*/bpfinst.log > "$out/bpfinst.log" 2>/dev/null
nsums=$(ls "$out"/shard*/bpfinst.sum 2>/dev/null | wc -l)

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

end=$(date +%s)
awk -v nsums="$nsums" -v jobs="$jobs" -v secs=$((end - start)) '
  /^(PASS|XFAIL|KPASS|KFAIL):/ { p++ }
  /^(FAIL|XPASS|UNRESOLVED):/ { f++ }
  /^ERROR:/ { e++ }
  /^(UNSUPPORTED|UNTESTED):/ { s++ }
  END {
    if (nsums < jobs && f == 0) f = 1
    if (e && f == 0) f = 1
    printf "\nbpfinst.torture: %d passed, %d failed, %d skipped (%d s)\n", p, f, s, secs
    exit f ? 1 : 0
  }' "$out/bpfinst.sum" | tee -a "$out/bpfinst.sum"
# The status: tee hides awk's.
if [ -s "$out/bad" ] || [ "$nsums" -lt "$jobs" ]; then
  exit 1
fi
grep -q '^ERROR:' "$out/bpfinst.sum" && exit 1
exit 0
