#!/bin/sh
# run-csmith.sh - differential testing of GCCInst with csmith programs.
#
# For each seed: generate a program with csmith, build it plainly and with
# the plugin and the heavy instrumenter (testsuite/instrumenters/heavy) at
# -O0 and -O2, run the four programs with a time limit and compare the
# checksums they print.  An instrumented build that fails, or an
# instrumented program whose output differs from the plain one at the same
# level (or that crashes or times out) is a failure, reported with its
# seed.  A seed whose plain programs time out, fail, or disagree between
# -O0 and -O2 is skipped (with the reason).  Seeds alternate between the
# BPF compilers present (clang for even seeds, bpf-gcc for odd ones).
#
# Usage: run-csmith.sh [SEEDS]
#   SEEDS, or the environment's CSMITH_SEEDS: FIRST-LAST, or a list of
#   seeds and ranges separated by commas or blanks (default: 1-300).
# Environment:
#   BPFINST_BUILDDIR   the build tree (default: this script's ../..)
#   BPFINST_CC         base compiler (default: gcc)
#   CSMITH             csmith program (default: csmith)
#   CSMITH_INCLUDE     csmith's headers (default: /usr/include/csmith)
#   CSMITH_OPTIONS     csmith options (default: moderate programs, below)
#   CSMITH_JOBS        seeds run in parallel (default: processors)
#   CSMITH_TIMEOUT     seconds for a plain run (default 5); an instrumented
#                      run gets ten times as long
#   CSMITH_WORK        scratch folder (default: ./csmith-work); the files
#                      of failing seeds are kept there
# Exit status: 0 when no seed failed.

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
builddir=${BPFINST_BUILDDIR:-$top}
cc=${BPFINST_CC:-gcc}
csmith=${CSMITH:-csmith}
csmith_inc=${CSMITH_INCLUDE:-/usr/include/csmith}
csmith_opts=${CSMITH_OPTIONS:---max-funcs 3 --max-block-depth 2 --max-block-size 3 --max-expr-complexity 6 --no-packed-struct}
jobs=${CSMITH_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
limit=${CSMITH_TIMEOUT:-5}
work=${CSMITH_WORK:-$PWD/csmith-work}
seeds=${1:-${CSMITH_SEEDS:-1-300}}

plugin=$builddir/gcc-plugin/.libs/bpfinst.so
specs=$builddir/libtag/bpfinst.specs
include=$top/spec/include

# One seed (run in a child: "run-csmith.sh --seed N"): prints one line,
# "PASS N", "FAIL N: why" or "SKIP N: why".
if [ "${1-}" = --seed ]; then
  s=$2
  d=$work/$s
  rm -rf "$d"; mkdir -p "$d"; cd "$d" || exit 1
  if [ $((s % 2)) = 0 ] && [ -f "$work/inst/inst-clang.o" ]; then
    inst=$work/inst/inst-clang.o; bcc=clang
  elif [ -f "$work/inst/inst-bpf-gcc.o" ]; then
    inst=$work/inst/inst-bpf-gcc.o; bcc=bpf-gcc
  else
    inst=$work/inst/inst-clang.o; bcc=clang
  fi
  # shellcheck disable=SC2086
  if ! $csmith --seed "$s" $csmith_opts > prog.c 2> csmith.err; then
    echo "SKIP $s: csmith failed"; rm -rf "$d"; exit 0
  fi
  for lv in -O0 -O2; do
    if ! $cc $lv -w -I"$csmith_inc" prog.c -o plain$lv > plain$lv.log 2>&1; then
      echo "SKIP $s: plain build fails at $lv"; rm -rf "$d"; exit 0
    fi
    timeout -k 2 "$limit" ./plain$lv > plain$lv.out 2>&1
    st=$?
    if [ $st = 124 ] || [ $st = 137 ]; then
      echo "SKIP $s: plain program times out at $lv"; rm -rf "$d"; exit 0
    elif [ $st != 0 ]; then
      echo "SKIP $s: plain program fails at $lv (status $st)"; rm -rf "$d"; exit 0
    fi
  done
  if ! cmp -s plain-O0.out plain-O2.out; then
    echo "SKIP $s: plain -O0 and -O2 disagree (undefined behaviour?)"
    rm -rf "$d"; exit 0
  fi
  bad=
  for lv in -O0 -O2; do
    if ! $cc -fplugin="$plugin" -fplugin-arg-bpfinst-inst="$inst" \
         -specs="$specs" $lv -w -I"$csmith_inc" prog.c -o inst$lv \
         "$work/inst/inst-native.so" -Wl,-rpath,"$work/inst" \
         > inst$lv.log 2>&1; then
      if grep -q 'internal compiler error' inst$lv.log; then
        bad="$bad; internal compiler error at $lv"
      else
        bad="$bad; instrumented build fails at $lv"
      fi
      continue
    fi
    timeout -k 2 $((10 * limit)) ./inst$lv > inst$lv.out 2>&1
    st=$?
    if [ $st = 124 ] || [ $st = 137 ]; then
      bad="$bad; instrumented program times out at $lv"
    elif [ $st != 0 ]; then
      bad="$bad; instrumented program fails at $lv (status $st)"
    elif ! cmp -s plain$lv.out inst$lv.out; then
      bad="$bad; checksums differ at $lv ($(cat plain$lv.out) vs $(cat inst$lv.out))"
    fi
  done
  if [ -n "$bad" ]; then
    echo "FAIL $s ($bcc): ${bad#; } (files in $d)"
  else
    echo "PASS $s"
    rm -rf "$d"
  fi
  exit 0
fi

if ! command -v "$csmith" > /dev/null 2>&1; then
  echo "run-csmith.sh: $csmith not found (install csmith and libcsmith-dev)" >&2
  exit 77
fi
if [ ! -f "$csmith_inc/csmith.h" ]; then
  echo "run-csmith.sh: $csmith_inc/csmith.h not found (install libcsmith-dev)" >&2
  exit 77
fi
if [ ! -f "$plugin" ] || [ ! -f "$specs" ]; then
  echo "run-csmith.sh: no built plugin in $builddir (run make first)" >&2
  exit 1
fi

# The heavy instrumenter, with each BPF compiler present.
rm -rf "$work"
mkdir -p "$work/inst"
work=$(cd "$work" && pwd)
src=$top/testsuite/instrumenters/heavy
$cc -O2 -fPIC -shared -I"$include" "$src/inst-native.c" \
  -o "$work/inst/inst-native.so" || exit 1
nbpf=0
if command -v clang > /dev/null 2>&1; then
  clang -O2 -target bpf -I"$include" -c "$src/inst-bpf.c" \
    -o "$work/inst/inst-clang.o" || exit 1
  nbpf=1
fi
if command -v bpf-gcc > /dev/null 2>&1; then
  bpf-gcc -O2 -I"$include" -c "$src/inst-bpf.c" \
    -o "$work/inst/inst-bpf-gcc.o" || exit 1
  nbpf=1
fi
if [ $nbpf = 0 ]; then
  echo "run-csmith.sh: no BPF compiler (clang or bpf-gcc)" >&2
  exit 77
fi

# Expand the seed list.
list=$work/seeds
: > "$list"
for item in $(echo "$seeds" | tr ',' ' '); do
  case $item in
    *-*) seq "${item%-*}" "${item#*-}" >> "$list" ;;
    *) echo "$item" >> "$list" ;;
  esac
done
n=$(wc -l < "$list")

echo "csmith: $n seeds, $jobs at a time, options: $csmith_opts"
start=$(date +%s)
export BPFINST_CC CSMITH CSMITH_INCLUDE CSMITH_OPTIONS CSMITH_TIMEOUT
export BPFINST_BUILDDIR=$builddir CSMITH_WORK=$work
BPFINST_CC=$cc CSMITH=$csmith CSMITH_INCLUDE=$csmith_inc
CSMITH_OPTIONS=$csmith_opts CSMITH_TIMEOUT=$limit
xargs -P "$jobs" -n 1 "$here/run-csmith.sh" --seed < "$list" \
  | tee "$work/results" | grep -v '^PASS'
end=$(date +%s)

passed=$(grep -c '^PASS' "$work/results")
failed=$(grep -c '^FAIL' "$work/results")
skipped=$(grep -c '^SKIP' "$work/results")
missing=$((n - passed - failed - skipped))
if [ $missing -gt 0 ]; then
  echo "csmith: $missing seeds gave no result"
  failed=$((failed + missing))
fi
echo
echo "csmith: $passed passed, $failed failed, $skipped skipped ($n seeds, $((end - start)) s)"
[ "$failed" = 0 ]
