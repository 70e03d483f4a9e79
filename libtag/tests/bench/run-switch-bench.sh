#!/bin/sh
# run-switch-bench.sh - measure the run-time switch (bpfinst/control.h) on
# zlib compressing and uncompressing about 1.6 MB (bench.c), counted in
# instructions by valgrind's callgrind: repeatable figures.
#
# Usage: run-switch-bench.sh ZLIB_SOURCE_DIR [BUILD_DIR [WORK_DIR]]
#   ZLIB_SOURCE_DIR  a zlib source folder (adler32.c ... zutil.c, zlib.h),
#                    e.g. the zlib/ folder of GCC's source tarball
#   BUILD_DIR        a GCCInst build tree (default: this source tree)
#   WORK_DIR         where to build and run (default: ./switch-bench)
#
# For each instrumenter -- examples/coverage (light: one hook, inst_br),
# testsuite/instrumenters/heavy (every hook, tags) and taint.bpf.c (tags
# through memory, the dense store) -- it builds zlib three ways and runs:
#   no-guard   -fplugin-arg-bpfinst-switch=off
#   guard-on   -fplugin-arg-bpfinst-switch=on, hooks enabled
#   guard-off  the same program run with BPFINST_DISABLE=1
# next to a plain build (no plugin).  Prints .text bytes, instructions,
# the ratio to plain, the ratio to no-guard, and what the instrumenter
# reported (edges reached, the taint of the output).  Every run must
# compress to the size the plain build does.  Needs clang (or bpf-gcc)
# and valgrind.
#
# Measured (GCC 12.2, x86-64, zlib of GCC 12.2's tarball, 1.6 MB input):
#
#   build                text     instructions  /plain  /no-guard
#   plain                44952       288020263   1.000
#   coverage-noguard    140520       598838281   2.079   1.000
#   coverage-guard-on   148328       814779163   2.829   1.361
#   coverage-guard-off  148328       430601706   1.495   0.719
#   heavy-noguard       696360      6146211724  21.340   1.000
#   heavy-guard-on      757992      6312452523  21.917   1.027
#   heavy-guard-off     757992       570074868   1.979   0.093
#   taint-noguard      1215116      2043322922   7.094   1.000
#   taint-guard-on     1261196      2149790897   7.464   1.052
#   taint-guard-off    1261196       478585577   1.662   0.234
#
# A guard costs three to four instructions per hook, which next to a hook
# of a few instructions (edge coverage: one per branch) is a third more;
# hence -fplugin-arg-bpfinst-switch=off is the default.
set -eu

bench_work_default=switch-bench
# shellcheck source=bench-setup.sh
. "$(dirname "$0")/bench-setup.sh"

# name  BPF half  native half
set -- \
  coverage "$top_src/examples/coverage/inst-bpf.c" \
	   "$top_src/examples/coverage/inst-native.c" \
  heavy "$top_src/testsuite/instrumenters/heavy/inst-bpf.c" \
	"$top_src/testsuite/instrumenters/heavy/inst-native.c" \
  taint "$here/taint.bpf.c" "$here/taint-native.c"

build plain
names=
while [ $# -ge 3 ]; do
  n=$1 bpf=$2 native=$3
  shift 3
  $bpfcc -I"$inc" -I"$here" -c "$bpf" -o "$n.o"
  $cc -O2 -fPIC -shared -I"$inc" "$native" -o "lib$n-native.so"
  flags="-fplugin=$plugin -fplugin-arg-bpfinst-inst=$PWD/$n.o"
  flags="$flags -fplugin-arg-bpfinst-native=$PWD/lib$n-native.so"
  flags="$flags -specs=$specs"
  # shellcheck disable=SC2086
  build "$n-noguard" $flags -fplugin-arg-bpfinst-switch=off
  # shellcheck disable=SC2086
  build "$n-guard" $flags -fplugin-arg-bpfinst-switch=on
  names="$names $n"
done

# measure LABEL PROGRAM [ENV-ASSIGNMENT]: print one line; sets $ir.  The
# coverage instrumenter reports its edges when BPFINST_COV_REPORT asks.
measure ()
{
  label=$1 prog=$2 envset=${3:-BPFINST_BENCH=1}
  env BPFINST_COV_REPORT=1 "$envset" "./$prog" input > "$label.out" 2> "$label.err"
  grep -e ' -> ' "$label.out" > "$label.sizes"
  if [ "$label" != plain ] && ! cmp -s "$label.sizes" plain.sizes; then
    echo "$label: output differs from the plain build's" >&2
    exit 1
  fi
  text=$(size -A "$prog" | awk '$1 == ".text" { print $2 }')
  ir=$(env "$envset" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
	 "./$prog" input 2>&1 >/dev/null \
       | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
  printf '%-20s %8s %14s %7s %9s   %s\n' "$label" "$text" "$ir" \
    "$(awk -v a="$ir" -v b="${base:-$ir}" 'BEGIN { printf "%.3f", a / b }')" \
    "$(awk -v a="$ir" -v b="${ref:-$ir}" 'BEGIN { printf "%.3f", a / b }')" \
    "$(grep -v -e ' -> ' "$label.out" "$label.err" | sed 's/^[^:]*://' \
       | tr '\n' ' ')"
}

printf '%-20s %8s %14s %7s %9s\n' build text instructions /plain /no-guard
base= ref=
measure plain plain
base=$ir
for n in $names; do
  ref=
  measure "$n-noguard" "$n-noguard"
  ref=$ir
  measure "$n-guard-on" "$n-guard"
  measure "$n-guard-off" "$n-guard" BPFINST_DISABLE=1
done
