#!/bin/sh
# run-fuzz.sh - fuzz the instrumenter loader and verifier with libFuzzer.
#
# Builds fuzz-loader (clang -fsanitize=fuzzer,address,undefined) from the
# loader's sources, builds a seed corpus of real instrumenter objects (the
# BPF halves of spec/tests/*/ and of testsuite/instrumenters/*/, compiled
# with clang and with bpf-gcc), and runs one fuzzer per processor for
# FUZZ_SECONDS seconds.  Any crash, leak, sanitizer report or timeout is a
# failure; its input is kept as WORK/crash-* (or leak-*, timeout-*).
#
# Usage: run-fuzz.sh [SECONDS]
# Environment:
#   FUZZ_SECONDS  run time (default 120; the argument wins)
#   FUZZ_JOBS     fuzzer processes (default: processors)
#   FUZZ_WORK     scratch folder (default ./fuzz-work); its corpus/
#                 folder is kept between runs, so longer runs build on
#                 earlier ones
#   FUZZ_CC       clang with libFuzzer (default: clang)
#   BPF_CLANG, BPF_GCC  BPF compilers for the seeds (default: clang,
#                 bpf-gcc from PATH)
# Replay an input: WORK/fuzz-loader FILE.

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
secs=${1:-${FUZZ_SECONDS:-120}}
jobs=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
work=${FUZZ_WORK:-$PWD/fuzz-work}
fcc=${FUZZ_CC:-clang}
bpf_clang=${BPF_CLANG:-$(command -v clang || :)}
bpf_gcc=${BPF_GCC:-$(command -v bpf-gcc || :)}
src=$top/bpf2gimple
inc=$top/spec/include

mkdir -p "$work/corpus" "$work/seeds" "$work/log" || exit 1
work=$(cd "$work" && pwd)

libs="$(pkg-config --libs libbpf 2>/dev/null || echo -lbpf) $(pkg-config --libs libelf 2>/dev/null || echo -lelf)"
cflags="$(pkg-config --cflags libbpf libelf 2>/dev/null || :)"
echo "fuzz: building the harness"
# shellcheck disable=SC2086
if ! $fcc -g -O1 -std=c11 -fsanitize=fuzzer,address,undefined \
     -fno-sanitize-recover=undefined -D_DEFAULT_SOURCE -I"$src" $cflags \
     "$here/fuzz-loader.c" "$src/bpf-load.c" "$src/bpf-opcodes.c" \
     "$src/bpf-verify.c" "$src/bpf-bound.c" "$src/bpf-helpers.c" $libs \
     -o "$work/fuzz-loader"; then
  echo "run-fuzz.sh: cannot build the harness (is libclang-rt-14-dev installed?)" >&2
  exit 1
fi

# Seeds: every BPF half of the tree, with both compilers.
n=0
for f in "$top"/spec/tests/*/inst-bpf.c "$top"/testsuite/instrumenters/*/inst-bpf.c \
         "$top"/testsuite/bpfinst.dg/*.bpf.c "$top"/bpf2gimple/tests/fixtures/*.c; do
  [ -f "$f" ] || continue
  name=$(echo "${f#$top/}" | tr '/' '_')
  if [ -n "$bpf_clang" ] && "$bpf_clang" -O2 -target bpf -I"$inc" -c "$f" \
       -o "$work/seeds/$name-clang.o" 2>/dev/null; then
    n=$((n + 1))
  fi
  if [ -n "$bpf_gcc" ] && "$bpf_gcc" -O2 -I"$inc" -c "$f" \
       -o "$work/seeds/$name-bpf-gcc.o" 2>/dev/null; then
    n=$((n + 1))
  fi
done
echo "fuzz: $n seed objects; $jobs fuzzers for $secs s"

rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
k=1
while [ "$k" -le "$jobs" ]; do
  ( cd "$work" && ./fuzz-loader -max_total_time="$secs" -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -seed="$k" \
      -artifact_prefix="$work/" corpus seeds > "log/fuzz-$k.log" 2>&1
    echo $? > "log/fuzz-$k.status" ) &
  k=$((k + 1))
done
wait

bad=0
execs=0
k=1
while [ "$k" -le "$jobs" ]; do
  st=$(cat "$work/log/fuzz-$k.status" 2>/dev/null || echo missing)
  e=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log/fuzz-$k.log" | tail -n 1)
  execs=$((execs + ${e:-0}))
  if [ "$st" != 0 ]; then
    bad=1
    echo "fuzz: fuzzer $k exited with status $st; its log:"
    grep -E 'ERROR|SUMMARY|==[0-9]+==|runtime error|Test unit written' "$work/log/fuzz-$k.log" | head -n 40
  fi
  k=$((k + 1))
done
ncorp=$(ls "$work/corpus" | wc -l)
echo "fuzz: $execs executions in $secs s, corpus of $ncorp inputs"
for f in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
  [ -f "$f" ] && echo "fuzz: failing input kept: $f"
done
if [ $bad = 0 ]; then
  echo "fuzz: 1 passed, 0 failed"
else
  echo "fuzz: 0 passed, 1 failed"
fi
exit $bad
