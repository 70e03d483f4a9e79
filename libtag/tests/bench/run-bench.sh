#!/bin/sh
# run-bench.sh - measure the cost of tags on a real program: zlib (level 6
# compression and decompression of about 1 MB), counted in instructions by
# valgrind's callgrind.
#
# Usage: run-bench.sh ZLIB_SOURCE_DIR [BUILD_DIR [WORK_DIR]]
#   ZLIB_SOURCE_DIR  a zlib source folder (adler32.c ... zutil.c, zlib.h),
#                    e.g. the zlib/ folder of GCC's source tarball
#   BUILD_DIR        a GCCInst build tree (default: this source tree)
#   WORK_DIR         where to build and run (default: ./tag-bench)
#
# Builds and measures: plain (no plugin); propagate.bpf.c with tags and
# with -fplugin-arg-bpfinst-tags=off; taint.bpf.c (+ taint-native.c) with
# tags and with tags=off.  Needs clang (or bpf-gcc) and valgrind.
set -eu

bench_work_default=tag-bench
# shellcheck source=bench-setup.sh
. "$(dirname "$0")/bench-setup.sh"
$bpfcc -I"$inc" -I"$here" -c "$here/propagate.bpf.c" -o propagate.o
$bpfcc -I"$inc" -I"$here" -c "$here/taint.bpf.c" -o taint.o
$cc -O2 -fPIC -shared -I"$inc" "$here/taint-native.c" -o libtaint.so

inst ()
{
  echo "-fplugin=$plugin -fplugin-arg-bpfinst-inst=$PWD/$1.o -specs=$specs"
}

build plain
# shellcheck disable=SC2046
build propagate $(inst propagate)
# shellcheck disable=SC2046
build propagate-off $(inst propagate) -fplugin-arg-bpfinst-tags=off
# shellcheck disable=SC2046
build taint $(inst taint) -Wl,--no-as-needed "$PWD/libtaint.so" -Wl,-rpath,"$PWD"
# shellcheck disable=SC2046
build taint-off $(inst taint) -fplugin-arg-bpfinst-tags=off \
  -Wl,--no-as-needed "$PWD/libtaint.so" -Wl,-rpath,"$PWD"

printf '%-14s %8s %16s %7s\n' build text instructions ratio
base=
for p in plain propagate propagate-off taint taint-off; do
  ./$p input > $p.out
  text=$(size -A "$p" | awk '$1 == ".text" { print $2 }')
  ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null ./$p input \
	 2>&1 >/dev/null | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
  test -n "$base" || base=$ir
  printf '%-14s %8s %16s %7s   %s\n' "$p" "$text" "$ir" \
    "$(awk -v a="$ir" -v b="$base" 'BEGIN { printf "%.2f", a / b }')" \
    "$(tr '\n' ' ' < $p.out)"
done
