#!/bin/sh
# run-bench.sh - make bench: build workloads under several configurations
# (plain GCC, GCCInst with several instrumenters, peer tools), run them,
# and print one markdown table of their costs.  See bench/README.md.
#
# Usage: run-bench.sh
# Environment:
#   BPFINST_BUILDDIR    the build tree (default: this script's ..)
#   BPFINST_CC          base compiler (default: gcc)
#   BENCH_WORK          scratch folder; downloads and sources are kept
#                       there between runs (default: BUILDDIR/bench-work)
#   BENCH_CONFIGS       configurations, among: plain empty afl-like coverage
#                       taint heavy sancov clang afl-clang-fast afl-gcc
#                       afl-gcc-fast (default: all; plain is always built,
#                       and clang with afl-clang-fast)
#   BENCH_WORKLOADS     among: sqlite zlib csmith afl-fuzz (default: all
#                       four).  afl-fuzz is a table of its own: afl-fuzz
#                       driving examples/afl/target.c built with GCCInst's
#                       bundled afl instrumenter and with afl-clang-fast
#   BENCH_AFL_SECONDS   how long afl-fuzz runs each build (default: 60)
#   BENCH_RUNS          runs for the median wall time (default: 5)
#   BENCH_CSMITH_SEEDS  csmith seeds (default: ten fixed ones, below)
#   SQLITE_TARBALL      a sqlite-autoconf-*.tar.gz to use instead of npm
#   SQLITE_NPM_PACKAGE  npm package carrying it (default: sqlite3@6.0.1)
#   ZLIB_SRC            a zlib source folder to use instead of the one in
#                       GCC's source tarball
#   GCC_SOURCE_TARBALL  that tarball (default: Debian's gcc-12-source,
#                       /usr/src/gcc-12/gcc-12*.tar.xz)
# Progress goes to standard error, the table to standard output and to
# BENCH_WORK/results.md.  A configuration or workload that cannot be had
# here is a row saying why; the exit status is 1 only when nothing could
# be measured or the build tree is missing.

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
builddir=${BPFINST_BUILDDIR:-$top}
builddir=$(cd "$builddir" && pwd)
cc=${BPFINST_CC:-gcc}
work=${BENCH_WORK:-$builddir/bench-work}
all_configs="plain empty afl-like coverage taint heavy sancov clang afl-clang-fast afl-gcc afl-gcc-fast"
configs=${BENCH_CONFIGS:-$all_configs}
workloads=${BENCH_WORKLOADS:-sqlite zlib csmith afl-fuzz}
afl_seconds=${BENCH_AFL_SECONDS:-60}
runs=${BENCH_RUNS:-5}
seeds=${BENCH_CSMITH_SEEDS:-49 56 93 95 115 129 154 159 198 214}
sqlite_pkg=${SQLITE_NPM_PACKAGE:-sqlite3@6.0.1}

plugin=$builddir/gcc-plugin/.libs/bpfinst.so
specs=$builddir/libtag/bpfinst.specs
include=$top/spec/include
sqlite_defs="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION"
csmith_inc=${CSMITH_INCLUDE:-/usr/include/csmith}
zlib_files="adler32 compress crc32 deflate infback inffast inflate inftrees trees uncompr zutil"
# AFL++'s compilers: no banner.  Its programs run standalone (no
# __AFL_SHM_ID in the environment).
AFL_QUIET=1
export AFL_QUIET
unset __AFL_SHM_ID

say () { echo "bench: $*" >&2; }

if [ ! -f "$plugin" ] || [ ! -f "$specs" ]; then
  say "no built plugin in $builddir (run make first)"
  exit 1
fi
for c in $configs; do
  case " $all_configs " in
    *" $c "*) ;;
    *) say "unknown configuration $c (known: $all_configs)"; exit 1 ;;
  esac
done
for w in $workloads; do
  case $w in
    sqlite|zlib|csmith|afl-fuzz) ;;
    *) say "unknown workload $w (known: sqlite zlib csmith afl-fuzz)"; exit 1 ;;
  esac
done
case $runs in
  ''|*[!0-9]*|0) say "BENCH_RUNS must be a positive number"; exit 1 ;;
esac
case $afl_seconds in
  ''|*[!0-9]*|0) say "BENCH_AFL_SECONDS must be a positive number"; exit 1 ;;
esac

# plain first, always; clang before afl-clang-fast, whose baseline it is.
list=plain
for c in $configs; do
  [ "$c" = plain ] && continue
  if [ "$c" = afl-clang-fast ]; then
    case " $list " in *" clang "*) ;; *) list="$list clang" ;; esac
  fi
  case " $list " in *" $c "*) ;; *) list="$list $c" ;; esac
done
configs=$list

mkdir -p "$work" || exit 1
work=$(cd "$work" && pwd)
mkdir -p "$work/src" "$work/tools" "$work/inst"
rm -rf "$work/run"
mkdir -p "$work/run"
results=$work/run/results.tsv
: > "$results"

# ---------------------------------------------------------------------------
# Tools (plain builds): the timer, the input generator, the sancov
# callback.

if ! $cc -std=c11 -O2 "$here/bench-time.c" -o "$work/tools/bench-time" \
   || ! $cc -std=c11 -O2 "$here/gen-input.c" -o "$work/tools/gen-input" \
   || ! $cc -std=c11 -O2 -c "$here/sancov-count.c" \
	-o "$work/tools/sancov-count.o"; then
  say "cannot build the helper programs"
  exit 1
fi
timer=$work/tools/bench-time
if [ -x /usr/bin/time ]; then
  gnutime=/usr/bin/time
else
  gnutime=
  say "no /usr/bin/time (Debian package time): compile CPU and memory not measured"
fi
if command -v valgrind > /dev/null 2>&1; then
  valgrind=valgrind
else
  valgrind=
  say "no valgrind: instructions not counted"
fi

# ---------------------------------------------------------------------------
# Instrumenters: built anew each run, from this tree.

if command -v clang > /dev/null 2>&1; then
  bpfcc="clang -O2 -target bpf"
elif command -v bpf-gcc > /dev/null 2>&1; then
  bpfcc="bpf-gcc -O2"
else
  bpfcc=
fi

# inst_build NAME BPF-SOURCE [NATIVE-SOURCE]: $work/inst/NAME.o and
# $work/inst/libNAME.so; the reason on standard output when it fails.
inst_build () {
  if [ -z "$bpfcc" ]; then
    echo "no BPF compiler (clang or bpf-gcc)"
    return 1
  fi
  if ! $bpfcc -I"$include" -c "$2" -o "$work/inst/$1.o" \
       > "$work/inst/$1.log" 2>&1; then
    echo "its BPF half does not build ($work/inst/$1.log)"
    return 1
  fi
  if [ -n "${3:-}" ] \
     && ! $cc -O2 -fPIC -shared -I"$include" "$3" \
	  -o "$work/inst/lib$1.so" >> "$work/inst/$1.log" 2>&1; then
    echo "its native half does not build ($work/inst/$1.log)"
    return 1
  fi
}

# ---------------------------------------------------------------------------
# Configurations.  For each: its compiler command (CFG_CC), what its links
# add (CFG_LINK), its baseline (CFG_BASE), or why it is not available
# (CFG_NA).

# na_reason COMMAND...: try the compiler on a small program; print the
# first line of its complaint when it does not build or run it.
na_reason () {
  d=$work/run/probe
  rm -rf "$d"; mkdir -p "$d"
  printf '#include <stdio.h>\nint main (int c, char **v) { (void) v; if (c > 1) puts ("x"); return 0; }\n' > "$d/p.c"
  if ! (cd "$d" && "$@" -O2 p.c -o p) > "$d/log" 2>&1; then
    why=$(sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/^[[:space:]]*//' "$d/log" \
	    | grep -iE 'error|abort|fatal|not found|incompatible' \
	    | head -n 1 | cut -c 1-160 | tr '|' '/')
    echo "$1 cannot build a test program${why:+: $why}"
    return 0
  fi
  if ! "$d/p" > /dev/null 2>&1; then
    echo "its test program does not run"
    return 0
  fi
}

setup_config () {
  CFG_CC='' CFG_LINK='' CFG_BASE=plain CFG_NA=''
  gi="$cc -fplugin=$plugin -specs=$specs"
  case $1 in
    plain) CFG_CC=$cc ;;
    empty)
      if CFG_NA=$(inst_build empty "$here/empty-bpf.c"); then
	CFG_CC="$gi -fplugin-arg-bpfinst-inst=$work/inst/empty.o"
      fi ;;
    afl-like|coverage|taint)
      if CFG_NA=$(inst_build "$1" "$top/examples/$1/inst-bpf.c" \
		    "$top/examples/$1/inst-native.c"); then
	CFG_CC="$gi -fplugin-arg-bpfinst-inst=$work/inst/$1.o -fplugin-arg-bpfinst-native=$work/inst/lib$1.so"
      fi ;;
    heavy)
      if CFG_NA=$(inst_build heavy "$top/testsuite/instrumenters/heavy/inst-bpf.c" \
		    "$top/testsuite/instrumenters/heavy/inst-native.c"); then
	CFG_CC="$gi -fplugin-arg-bpfinst-inst=$work/inst/heavy.o -fplugin-arg-bpfinst-native=$work/inst/libheavy.so"
      fi ;;
    sancov)
      CFG_CC="$cc -fsanitize-coverage=trace-pc"
      CFG_LINK=$work/tools/sancov-count.o ;;
    clang|afl-clang-fast|afl-gcc|afl-gcc-fast)
      if ! command -v "$1" > /dev/null 2>&1; then
	case $1 in
	  clang) CFG_NA="clang not installed" ;;
	  *) CFG_NA="$1 not installed (Debian package afl++)" ;;
	esac
      else
	CFG_NA=$(na_reason "$1")
	[ -z "$CFG_NA" ] && CFG_CC=$1
      fi
      [ "$1" = afl-clang-fast ] && CFG_BASE=clang ;;
  esac
  [ -n "$CFG_CC" ] && CFG_NA=
  [ -z "$CFG_CC" ] && [ -z "$CFG_NA" ] && CFG_NA="unknown reason"
  return 0
}

# ---------------------------------------------------------------------------
# Sources, kept in $work/src between runs.

fetch_sqlite () {
  src=$work/src/sqlite
  [ -f "$src.ok" ] && return 0
  rm -rf "$src" "$work/src/sqlite-npm"
  tarball=${SQLITE_TARBALL:-}
  if [ -z "$tarball" ]; then
    if ! command -v npm > /dev/null 2>&1; then
      echo "npm not found (or set SQLITE_TARBALL)"
      return 1
    fi
    mkdir -p "$work/src/npm" "$work/src/sqlite-npm"
    tgz=$work/src/npm/$(echo "$sqlite_pkg" | sed 's/@/-/').tgz
    if [ ! -f "$tgz" ]; then
      say "fetching $sqlite_pkg with npm"
      if ! (cd "$work/src/npm" && npm pack --silent "$sqlite_pkg") \
	   > "$work/src/npm/npm.log" 2>&1 || [ ! -f "$tgz" ]; then
	rm -f "$tgz"
	echo "npm pack $sqlite_pkg failed ($work/src/npm/npm.log)"
	return 1
      fi
    fi
    tar -xzf "$tgz" -C "$work/src/sqlite-npm" --wildcards \
      'package/deps/sqlite-autoconf-*.tar.gz' 2> /dev/null || {
      echo "no sqlite-autoconf tarball in $tgz"; return 1; }
    tarball=$(ls "$work"/src/sqlite-npm/package/deps/sqlite-autoconf-*.tar.gz)
  fi
  mkdir -p "$src"
  if ! tar -xzf "$tarball" -C "$src" --strip-components=1 --wildcards \
       '*/sqlite3.c' '*/shell.c' '*/sqlite3.h' '*/sqlite3ext.h'; then
    echo "cannot unpack $tarball"
    return 1
  fi
  rm -rf "$work/src/sqlite-npm"
  touch "$src.ok"
}

fetch_zlib () {
  src=$work/src/zlib
  if [ -n "${ZLIB_SRC:-}" ]; then
    src=$(cd "$ZLIB_SRC" && pwd) || { echo "no folder $ZLIB_SRC"; return 1; }
    return 0
  fi
  [ -f "$src.ok" ] && return 0
  rm -rf "$src" "$src.tmp"
  tarball=${GCC_SOURCE_TARBALL:-}
  [ -n "$tarball" ] || tarball=$(ls /usr/src/gcc-12/gcc-12*.tar.xz 2> /dev/null | head -n 1)
  if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
    echo "no GCC source tarball for zlib (install gcc-12-source, or set ZLIB_SRC)"
    return 1
  fi
  say "unpacking zlib from $tarball"
  mkdir -p "$src.tmp"
  if ! tar -xJf "$tarball" -C "$src.tmp" --wildcards --no-wildcards-match-slash \
       '*/zlib/*.c' '*/zlib/*.h'; then
    echo "cannot unpack zlib from $tarball"
    return 1
  fi
  mv "$src.tmp"/*/zlib "$src" && rm -rf "$src.tmp" && touch "$src.ok"
}

fetch_csmith () {
  src=$work/src/csmith
  if ! command -v csmith > /dev/null 2>&1 || [ ! -f "$csmith_inc/csmith.h" ]; then
    echo "csmith not installed (Debian packages csmith, libcsmith-dev)"
    return 1
  fi
  mkdir -p "$src"
  for s in $seeds; do
    [ -s "$src/prog-$s.c" ] && continue
    csmith --seed "$s" > "$src/prog-$s.c" 2> /dev/null || {
      rm -f "$src/prog-$s.c"; echo "csmith failed for seed $s"; return 1; }
  done
}

# ---------------------------------------------------------------------------
# Building a workload under a configuration, in the current folder.  Each
# sets OBJS (the objects whose .text is compared with plain's), TEXT_OBJS
# (those whose .text is measured), and leaves compile.times: one line
# "USER-SECONDS MAX-RSS-KB" per measured translation unit.

# timed COMMAND...: run it, appending its user CPU time and peak memory
# to compile.times.
timed () {
  if [ -n "$gnutime" ]; then
    $gnutime -f '%U %M' -o time.tmp "$@" >> build.log 2>&1 || return 1
    tail -n 1 time.tmp >> compile.times
  else
    "$@" >> build.log 2>&1
  fi
}

build_sqlite () {
  s=$work/src/sqlite
  # shellcheck disable=SC2086
  timed $CFG_CC -O2 $sqlite_defs -c "$s/sqlite3.c" -o sqlite3.o \
    && $CFG_CC -O2 $sqlite_defs -I"$s" -c "$s/shell.c" -o shell.o \
	  >> build.log 2>&1 \
    && $CFG_CC -O2 shell.o sqlite3.o $CFG_LINK -lm -o sqlite3 >> build.log 2>&1
  st=$?
  OBJS="sqlite3.o shell.o" TEXT_OBJS=sqlite3.o
  return $st
}

build_zlib () {
  OBJS=
  for f in $zlib_files; do
    # shellcheck disable=SC2086
    timed $CFG_CC -O2 -I"$zsrc" -c "$zsrc/$f.c" -o "$f.o" || return 1
    OBJS="$OBJS $f.o"
  done
  # shellcheck disable=SC2086
  timed $CFG_CC -O2 -I"$zsrc" -c "$here/zlib-bench.c" -o zlib-bench.o \
    && $CFG_CC -O2 zlib-bench.o $OBJS $CFG_LINK -o zlib-bench \
	 >> build.log 2>&1 || return 1
  OBJS="zlib-bench.o$OBJS" TEXT_OBJS=$OBJS
}

build_csmith () {
  OBJS=
  for s in $seeds; do
    # shellcheck disable=SC2086
    timed $CFG_CC -O2 -w -I"$csmith_inc" -c "$work/src/csmith/prog-$s.c" \
	  -o "prog-$s.o" \
      && $CFG_CC -O2 "prog-$s.o" $CFG_LINK -o "prog-$s" >> build.log 2>&1 \
      || return 1
    OBJS="$OBJS prog-$s.o"
  done
  OBJS=${OBJS# } TEXT_OBJS=${OBJS# }
}

# The programs of a workload and how they run: "INPUT OUTPUT PROGRAM
# ARG...", one line each.
runs_of () {
  case $1 in
    sqlite) echo "$here/sqlite-bench.sql sqlite.out ./sqlite3" ;;
    zlib) echo "- zlib.out ./zlib-bench $work/run/zlib-input" ;;
    csmith) for s in $seeds; do echo "- prog-$s.out ./prog-$s"; done ;;
  esac
}

# ---------------------------------------------------------------------------
# Measures.

# The size of the .text sections (.text, .text.unlikely, ...) of objects.
text_size () {
  for o in "$@"; do
    size -A "$o" | awk '$1 ~ /^\.text/ { print $2 }'
  done | awk '{ s += $1 } END { print s + 0 }'
}

# The contents of the .text sections of objects, one after the other.
text_dump () {
  for o in "$@"; do
    for sec in $(size -A "$o" | awk '$1 ~ /^\.text/ { print $1 }'); do
      echo "$o $sec"
      objcopy -O binary -j "$sec" "$o" text.tmp && cat text.tmp
    done
  done
  rm -f text.tmp
}

# callgrind's instruction count for one run: "callgrind INPUT PROGRAM
# ARG...".  The program runs without its debugging information (valgrind
# 3.19 cannot read all of clang 14's DWARF 5, which afl-clang-fast adds),
# and without system-call interception (valgrind runs neither Syscall
# User Dispatch nor seccomp filters).
callgrind () {
  in=$1 prog=$2
  shift 2
  [ "$in" = - ] && in=/dev/null
  objcopy --strip-debug "$prog" "$prog.nodebug" || return 1
  BPFINST_SYSCALL_MECHANISM=none $valgrind --tool=callgrind \
    --callgrind-out-file=/dev/null "$prog.nodebug" "$@" < "$in" > /dev/null \
    2> callgrind.log || return 1
  rm -f "$prog.nodebug"
  sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' callgrind.log | tail -n 1
}

# measure WORKLOAD CONFIG: build, run and measure, in
# $work/run/WORKLOAD/CONFIG; append the row to $results.
measure () {
  wl=$1 cfg=$2
  d=$work/run/$wl/$cfg
  mkdir -p "$d"
  cd "$d" || return 1
  : > build.log
  : > compile.times
  status=ok instr='' wall='' rcpu='' text='' same_text=- cpu='' rss=''
  same_out=''
  say "$wl, $cfg: building"
  if ! "build_$wl"; then
    status="build failed ($d/build.log)"
    say "$wl, $cfg: $status"
  else
    # shellcheck disable=SC2086
    text=$(text_size $TEXT_OBJS)
    case $cfg in
      clang|afl-clang-fast) ;;
      plain)
	# shellcheck disable=SC2086
	text_dump $OBJS > text.dump ;;
      *)
	# shellcheck disable=SC2086
	text_dump $OBJS > text.dump
	if cmp -s text.dump "$work/run/$wl/plain/text.dump"; then
	  same_text=yes
	else
	  same_text=no
	fi ;;
    esac
    rm -f all.out
    if [ -n "$gnutime" ] && [ -s compile.times ]; then
      cpu=$(awk '{ s += $1 } END { printf "%.2f", s }' compile.times)
      rss=$(awk '$2 > m { m = $2 } END { print m + 0 }' compile.times)
    fi
    say "$wl, $cfg: running ($runs runs each)"
    wall=0 rcpu=0
    while read -r in out prog args; do
      # shellcheck disable=SC2086
      if ! t=$("$timer" "$runs" "$in" "$out" "$prog" $args 2>> run.log); then
	status="run failed ($d/run.log)"
	break
      fi
      wall=$(echo "$wall $t" | awk '{ print $1 + $2 }')
      rcpu=$(echo "$rcpu $t" | awk '{ print $1 + $3 }')
      cat "$out" >> all.out
    done <<EOF
$(runs_of "$wl")
EOF
    if [ "$status" = ok ]; then
      if cmp -s all.out "$work/run/$wl/plain/all.out"; then
	same_out=yes
      else
	same_out=no
      fi
      if [ -n "$valgrind" ]; then
	say "$wl, $cfg: counting instructions"
	instr=0
	while read -r in out prog args; do
	  # shellcheck disable=SC2086
	  if ! n=$(callgrind "$in" "$prog" $args) || [ -z "$n" ]; then
	    status="callgrind failed ($d/callgrind.log)"
	    instr=
	    break
	  fi
	  instr=$((instr + n))
	done <<EOF
$(runs_of "$wl")
EOF
      fi
    else
      wall='' rcpu=''
    fi
    say "$wl, $cfg: $status${instr:+, $instr instructions}${wall:+, $wall s}"
  fi
  printf '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$wl" "$cfg" "$CFG_BASE" \
    "$status" "$instr" "$wall" "$rcpu" "$text" "$same_text" "$cpu" "$rss" \
    "$same_out" >> "$results"
  cd "$work" || exit 1
}

# ---------------------------------------------------------------------------
# The runs.

for wl in $workloads; do
  [ "$wl" = afl-fuzz ] && continue
  zsrc=
  case $wl in
    sqlite) why=$(fetch_sqlite) ;;
    zlib)
      why=$(fetch_zlib)
      if [ -n "${ZLIB_SRC:-}" ]; then zsrc=$(cd "$ZLIB_SRC" && pwd); else zsrc=$work/src/zlib; fi
      "$work/tools/gen-input" 1048576 > "$work/run/zlib-input" ;;
    csmith) why=$(fetch_csmith) ;;
  esac
  for cfg in $configs; do
    if [ -n "$why" ]; then
      printf '%s|%s|plain|not available: %s||||||||\n' "$wl" "$cfg" \
	"$why" >> "$results"
      continue
    fi
    setup_config "$cfg"
    if [ -n "$CFG_NA" ]; then
      say "$wl, $cfg: not available: $CFG_NA"
      printf '%s|%s|%s|not available: %s||||||||\n' "$wl" "$cfg" \
	"$CFG_BASE" "$CFG_NA" >> "$results"
      continue
    fi
    measure "$wl" "$cfg"
  done
  [ -n "$why" ] && say "$wl: not available: $why"
done

# ---------------------------------------------------------------------------
# The afl-fuzz workload: afl-fuzz drives examples/afl/target.c (a crash
# behind four nested byte comparisons) built by each fuzzing build, for
# BENCH_AFL_SECONDS, from the same seed input and random seed, one build
# after the other.  Rows of $afl_results: "BUILD|STATUS|EXECS/S|EXECS|
# CRASHES|FIRST CRASH S|EDGES|MAP SIZE", from afl-fuzz's fuzzer_stats and
# the name of its first crash file.

afl_results=$work/run/afl-fuzz.tsv
: > "$afl_results"

# afl_fuzz_row BUILD COMPILER...: build the target in
# $work/run/afl-fuzz/BUILD with COMPILER, fuzz it, append the row.
afl_fuzz_row () {
  name=$1
  shift
  d=$work/run/afl-fuzz/$name
  rm -rf "$d"
  mkdir -p "$d/seeds"
  printf 'hello' > "$d/seeds/seed"
  say "afl-fuzz, $name: building"
  if ! (cd "$d" && "$@" -O2 "$top/examples/afl/target.c" -o target) \
       > "$d/build.log" 2>&1; then
    echo "$name|build failed ($d/build.log)||||||" >> "$afl_results"
    return
  fi
  say "afl-fuzz, $name: fuzzing for $afl_seconds s"
  (cd "$d" && AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 \
     AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
     afl-fuzz -V "$afl_seconds" -s 1 -i seeds -o findings -- ./target) \
    > "$d/fuzz.log" 2>&1
  stats=$d/findings/default/fuzzer_stats
  if [ ! -f "$stats" ]; then
    echo "$name|afl-fuzz failed ($d/fuzz.log)||||||" >> "$afl_results"
    return
  fi
  first=$(ls "$d/findings/default/crashes" 2> /dev/null \
	    | sed -n 's/^id:000000,.*time:\([0-9]*\).*/\1/p')
  [ -n "$first" ] && first=$(awk -v t="$first" 'BEGIN { printf "%.1f", t / 1000 }')
  row="$name|ok"
  for k in execs_per_sec execs_done saved_crashes; do
    row="$row|$(sed -n "s/^$k *: *//p" "$stats")"
  done
  row="$row|$first"
  for k in edges_found total_edges; do
    row="$row|$(sed -n "s/^$k *: *//p" "$stats")"
  done
  echo "$row" >> "$afl_results"
  say "afl-fuzz, $name: $(sed -n 's/^execs_per_sec *: *//p' "$stats") execs/s"
}

case " $workloads " in
  *" afl-fuzz "*)
    if ! command -v afl-fuzz > /dev/null 2>&1; then
      echo "all|not available: afl-fuzz not installed (Debian package afl++)||||||" \
	>> "$afl_results"
    else
      if [ -x "$builddir/bpfinst-bin/bpfinst-gcc" ] \
	 && [ -f "$builddir/examples/instrumenters/afl/inst-bpf.o" ]; then
	afl_fuzz_row gccinst-afl env BPFINST_CC="$cc" \
	  "$builddir/bpfinst-bin/bpfinst-gcc" --inst=afl
      else
	echo "gccinst-afl|not available: no bundled afl instrumenter in $builddir (run make)||||||" \
	  >> "$afl_results"
      fi
      if command -v afl-clang-fast > /dev/null 2>&1; then
	afl_fuzz_row afl-clang-fast afl-clang-fast
      else
	echo "afl-clang-fast|not available: afl-clang-fast not installed (Debian package afl++)||||||" \
	  >> "$afl_results"
      fi
    fi ;;
esac

# ---------------------------------------------------------------------------
# The table.

out=$work/results.md
{
  echo "make bench, $(date -u '+%Y-%m-%d %H:%M UTC'), on $(uname -m) with $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') processors; $($cc --version | head -n 1)"
  if command -v git > /dev/null 2>&1 \
     && v=$(git -C "$top" describe --always --dirty 2> /dev/null); then
    echo "GCCInst $v"
  fi
  echo
  awk -F'|' -v runs="$runs" '
    function ratio(a, b) {
      if (a == "" || b == "" || b + 0 == 0) return ""
      return sprintf("%.2f", a / b)
    }
    function fmt(v, f) { return v == "" ? "" : sprintf(f, v) }
    { n++; wl[n] = $1; cfg[n] = $2; base[n] = $3; st[n] = $4
      instr[n] = $5; wall[n] = $6; rcpu[n] = $7; text[n] = $8
      stext[n] = $9; cpu[n] = $10; rss[n] = $11; sout[n] = $12
      key = $1 SUBSEP $2
      I[key] = $5; W[key] = $6; U[key] = $7; T[key] = $8; C[key] = $10
      R[key] = $11 }
    END {
      print "| workload | configuration | instructions (M) | x | wall s | x | run CPU s | x | .text KB | x | .text = plain | compile CPU s | x | compile max RSS MiB | x | output = plain |"
      print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:-:|---:|---:|---:|---:|:-:|"
      for (i = 1; i <= n; i++) {
	name = cfg[i]
	if (base[i] != "plain") name = name " (x " base[i] ")"
	if (text[i] == "") {
	  printf "| %s | %s | %s | | | | | | | | | | | | | |\n", wl[i], name, st[i]
	  continue
	}
	b = wl[i] SUBSEP base[i]
	rssmb = rss[i] == "" ? "" : rss[i] / 1024
	brss = R[b] == "" ? "" : R[b] / 1024
	printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
	  wl[i], name,
	  fmt(instr[i] == "" ? "" : instr[i] / 1e6, "%.1f"), ratio(instr[i], I[b]),
	  fmt(wall[i], "%.3f"), ratio(wall[i], W[b]),
	  fmt(rcpu[i], "%.3f"), ratio(rcpu[i], U[b]),
	  fmt(text[i] == "" ? "" : text[i] / 1000, "%.1f"), ratio(text[i], T[b]),
	  stext[i], fmt(cpu[i], "%.2f"), ratio(cpu[i], C[b]),
	  fmt(rssmb, "%.0f"), ratio(rssmb, brss), sout[i] (st[i] == "ok" ? "" : " (" st[i] ")")
      }
    }' "$results"
  echo
  cat <<EOF
Ratios (x) are to \`plain\` (gcc -O2) of the same workload, except where
the configuration names another baseline: afl-clang-fast's are to \`clang\`
(clang -O2).  Instructions: valgrind --tool=callgrind, the whole process
(sqlite: the shell on bench/sqlite-bench.sql; zlib: level-6 compression
and decompression of 1 MiB of generated text; csmith: the sum over the
seeds $(echo "$seeds" | tr ' ' ',')).  Wall, run CPU (user + system):
medians of $runs runs after a warm-up run (csmith: sums of the programs'
medians); on a loaded machine the CPU time is the steadier.  .text: the .text* sections of sqlite3.o,
of the zlib objects and zlib-bench.o, of the csmith objects; ".text =
plain": those sections (and shell.o's) byte for byte.  Compile: GNU time's
user CPU and maximum resident set of sqlite3.c's compilation (zlib,
csmith: the sum of the CPU and the largest memory over their translation
units).  Output: standard output compared with plain's.
The taint configuration's instructions are counted without system-call
interception (valgrind supports neither mechanism), so no input byte is
tagged there; its wall times are with interception.
EOF
  if [ -s "$afl_results" ]; then
    echo
    echo "afl-fuzz driving examples/afl/target.c, $afl_seconds s per build:"
    echo
    echo "| build | execs/s | x | execs | crashes saved | first crash s | edges found | map size |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'|' '
      { n++; b[n] = $1; st[n] = $2; eps[n] = $3; ex[n] = $4; cr[n] = $5
	fc[n] = $6; ed[n] = $7; ms[n] = $8
	if ($1 == "afl-clang-fast" && $2 == "ok") ref = $3 }
      END {
	for (i = 1; i <= n; i++) {
	  if (st[i] != "ok") { printf "| %s | %s | | | | | | |\n", b[i], st[i]; continue }
	  x = (ref != "" && ref + 0 > 0) ? sprintf("%.2f", eps[i] / ref) : ""
	  printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", b[i], eps[i], x,
	    ex[i], cr[i], fc[i], ed[i], ms[i]
	}
      }' "$afl_results"
    cat <<'EOF'

gccinst-afl = bpfinst-gcc --inst=afl -O2 (GCCInst's bundled afl
instrumenter, examples/afl: AFL's edge map on the branches, 64 KiB,
AFL++'s fork server); afl-clang-fast = AFL++'s LLVM instrumentation at
-O2, whose map is as large as its edges.  Each build is fuzzed alone,
from one seed input ("hello") and random seed (-s 1), with AFL_NO_UI and
AFL_NO_AFFINITY.  execs/s: afl-fuzz's own average over the run
(fuzzer_stats); x: the ratio to afl-clang-fast's.  First crash: when the
first crashing input was saved.  afl-fuzz compares and classifies the
whole map after every run, so a larger map costs it time as well.
EOF
  fi
  case " $configs " in
    *" afl-gcc-fast "*)
      if ! grep -q '|afl-gcc-fast|[^|]*|ok|' "$results"; then
	cat <<'EOF'

Cited, not measured: AFL++'s GCC plugin (afl-gcc-fast) does not load into
Debian's GCC 12 here; measured earlier elsewhere on SQLite, it executed
2.39x plain's instructions, its sqlite3.o had 2,186 KB of .text against
829 KB plain, and compiling sqlite3.c took 2.17x plain's user CPU and
428 MB of maximum resident memory.
EOF
      fi ;;
  esac
  cat <<'EOF'

Configurations: plain = gcc -O2; empty = GCCInst, an instrumenter whose
only hook (inst_indirectbr) does nothing; afl-like = GCCInst,
examples/afl-like; coverage = GCCInst, examples/coverage; taint = GCCInst,
examples/taint; heavy = GCCInst, testsuite/instrumenters/heavy; sancov =
gcc -O2 -fsanitize-coverage=trace-pc with a counting callback; clang =
clang -O2; afl-clang-fast, afl-gcc (afl-as, which adds -g -funroll-loops),
afl-gcc-fast = AFL++'s compilers (Debian's afl++), programs run without
afl-fuzz.
EOF
} > "$out"
cat "$out"
grep -q '|ok|' "$results" "$afl_results"
