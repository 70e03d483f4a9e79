#!/bin/sh
# run-projects.sh - real autotools projects built and tested under GCCInst.
#
# Four automake+libtool projects, fetched at test time:
#   xz           xz 5.2.3 (npm package lzma-native, deps/xz-5.2.3.tar.bz2)
#   libbacktrace libbacktrace of GCC 12 (Debian's gcc-12-source tarball)
#   libsodium    libsodium 1.0.16 (npm package sodium, deps/libsodium;
#                its autogen.sh runs once, before the builds)
#   libffi       libffi 3.3 (npm package ffi-napi, deps/libffi; a DejaGnu
#                suite that compiles its test programs with $CC; with
#                PROJECTS_MAKE_JOBS > 1 its make check runs in two runtest
#                processes at once, see libffi-check.sh)
#
# Each project is configured, built and tested (its own make check) three
# times, each build in a fresh copy of the sources:
#   plain     CC=gcc
#   heavy     CC="gcc -fplugin=... -fplugin-arg-bpfinst-inst=heavy.o
#             -fplugin-arg-bpfinst-native=libheavy-native.so -specs=..."
#             (testsuite/instrumenters/heavy: every hook, with tags)
#   coverage  the same spelling with examples/coverage's BPF half
# The instrumented builds get nothing but CC (no LIBS, no LDFLAGS).  The
# native halves are heavy-native.c and coverage-native.c of this folder:
# at exit they append their counts to the file named by BPFINST_COUNTS,
# set during make check only, and print nothing.
#
# For each instrumented build the checks are:
#   (a) the project's tests: as many passes as in the plain build, and no
#       failure the plain build does not have;
#   (b) the generated configuration headers (or, for projects that have
#       none, the DEFS line of the top Makefile) identical to the plain
#       build's;
#   (c) the test programs ran instrumented code: hook counts > 0.
# The plain build must pass configure and make, have test results and
# leave no counts.  A table at the end gives, per project and build, the
# tests passed/failed, whether the configuration is identical, the hook
# counts, and the time spent in configure, make and make check.
#
# Usage: run-projects.sh [PROJECT...]     (default: all four)
# Environment:
#   BPFINST_BUILDDIR     the build tree (default: this script's ../..)
#   BPFINST_CC           base compiler (default: gcc)
#   PROJECTS_WORK        scratch folder, emptied first (default: ./projects-work)
#   PROJECTS_CACHE       downloads and unpacked sources, kept between runs
#                        (default: ./projects-cache)
#   PROJECTS_LANES       builds run at the same time (default: 2)
#   PROJECTS_MAKE_JOBS   make -jN inside a build (default: 2)
#   PROJECTS_TIMEOUT     seconds allowed for each configure, make or
#                        make check (default: 1800)
#   PROJECTS_REUSE       when set, keep the builds of the last run that got
#                        as far as their test results, and redo the others
#                        and the checks
#   GCC_SOURCE_TARBALL   GCC 12 source tarball (default: the one of Debian's
#                        gcc-12-source, /usr/src/gcc-12/gcc-12*.tar.xz)
# Exit status: 0 when every check passed, 77 when the sources or a BPF
# compiler are not available, 1 otherwise.

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
builddir=${BPFINST_BUILDDIR:-$top}
cc=${BPFINST_CC:-gcc}
work=${PROJECTS_WORK:-$PWD/projects-work}
cache=${PROJECTS_CACHE:-$PWD/projects-cache}
lanes=${PROJECTS_LANES:-2}
makej=${PROJECTS_MAKE_JOBS:-2}
limit=${PROJECTS_TIMEOUT:-1800}
projects=${*:-xz libbacktrace libsodium libffi}
kinds="plain heavy coverage"

plugin=$builddir/gcc-plugin/.libs/bpfinst.so
specs=$builddir/libtag/bpfinst.specs
include=$top/spec/include

# The projects' own make must not see the make that runs this script.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

if [ ! -f "$plugin" ] || [ ! -f "$specs" ]; then
  echo "run-projects.sh: no built plugin in $builddir (run make first)" >&2
  exit 1
fi
for p in $projects; do
  case $p in
    xz|libbacktrace|libsodium|libffi) ;;
    *) echo "run-projects.sh: unknown project $p" >&2; exit 1 ;;
  esac
done

[ -n "${PROJECTS_REUSE:-}" ] || rm -rf "$work"
mkdir -p "$work" "$cache" || exit 1
work=$(cd "$work" && pwd)
cache=$(cd "$cache" && pwd)
t_start=$(date +%s)

# ---------------------------------------------------------------------------
# Sources.  Each project's pristine tree is unpacked once into
# $cache/src/PROJECT (and marked done with $cache/src/PROJECT.ok); the
# builds copy it with its time stamps, so make does not rerun autotools.

# npm_fetch PACKAGE@VERSION: print the path of its cached .tgz.
npm_fetch () {
  name=$(echo "$1" | sed 's/@/-/').tgz
  if [ ! -f "$cache/npm/$name" ]; then
    if ! command -v npm > /dev/null 2>&1; then
      echo "run-projects.sh: npm not found" >&2
      return 77
    fi
    mkdir -p "$cache/npm"
    if ! (cd "$cache/npm" && npm pack --silent "$1") \
	 > "$cache/npm/$name.log" 2>&1 || [ ! -f "$cache/npm/$name" ]; then
      cat "$cache/npm/$name.log" >&2
      rm -f "$cache/npm/$name"
      echo "run-projects.sh: npm pack $1 failed" >&2
      return 77
    fi
  fi
  echo "$cache/npm/$name"
}

# unpack PROJECT: make $cache/src/PROJECT.
unpack () {
  src=$cache/src/$1
  [ -f "$src.ok" ] && return 0
  rm -rf "$src" "$src.tmp"
  mkdir -p "$src.tmp" || return 1
  case $1 in
    xz)
      tgz=$(npm_fetch lzma-native@8.0.6) || return $?
      tar -xzf "$tgz" -C "$src.tmp" package/deps/xz-5.2.3.tar.bz2 || return 1
      mkdir "$src" &&
	tar -xjf "$src.tmp/package/deps/xz-5.2.3.tar.bz2" -C "$src" \
	    --strip-components=1 || return 1
      ;;
    libsodium)
      tgz=$(npm_fetch sodium@3.0.2) || return $?
      tar -xzf "$tgz" -C "$src.tmp" package/deps/libsodium || return 1
      mv "$src.tmp/package/deps/libsodium" "$src" || return 1
      (cd "$src" && sh ./autogen.sh) > "$cache/src/libsodium-autogen.log" 2>&1 \
	|| { cat "$cache/src/libsodium-autogen.log"; return 1; }
      ;;
    libffi)
      tgz=$(npm_fetch ffi-napi@4.0.3) || return $?
      tar -xzf "$tgz" -C "$src.tmp" package/deps/libffi || return 1
      mv "$src.tmp/package/deps/libffi" "$src" || return 1
      ;;
    libbacktrace)
      tarball=${GCC_SOURCE_TARBALL:-}
      if [ -z "$tarball" ]; then
	tarball=$(ls /usr/src/gcc-12/gcc-12*.tar.xz 2> /dev/null | head -n 1)
      fi
      if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
	echo "run-projects.sh: no GCC 12 source tarball (install gcc-12-source or set GCC_SOURCE_TARBALL)" >&2
	return 77
      fi
      # libbacktrace/ with what its configure and Makefile use from the
      # top of GCC's tree: include/, config/ and the auxiliary scripts.
      d=$(tar -tJf "$tarball" | head -n 1 | cut -d/ -f1)
      members=
      for m in libbacktrace include config config.guess config.sub \
	       install-sh ltmain.sh missing compile depcomp mkinstalldirs \
	       config-ml.in test-driver move-if-change ar-lib; do
	members="$members $d/$m"
      done
      mkdir "$src" && tar -xJf "$tarball" -C "$src" --strip-components=1 \
	$members || return 1
      ;;
  esac
  rm -rf "$src.tmp"
  touch "$src.ok"
}

# ---------------------------------------------------------------------------
# The instrumenters.

inst=$work/instrumenters
mkdir -p "$inst"
if command -v clang > /dev/null 2>&1; then
  bpfcc="clang -target bpf"
elif command -v bpf-gcc > /dev/null 2>&1; then
  bpfcc=bpf-gcc
else
  echo "run-projects.sh: no BPF compiler (clang or bpf-gcc)" >&2
  exit 77
fi
$bpfcc -O2 -I"$include" -c "$top/testsuite/instrumenters/heavy/inst-bpf.c" \
  -o "$inst/heavy.o" || exit 1
$bpfcc -O2 -I"$include" -c "$top/examples/coverage/inst-bpf.c" \
  -o "$inst/coverage.o" || exit 1
for k in heavy coverage; do
  $cc -O2 -fPIC -shared -I"$include" "$here/$k-native.c" \
    -o "$inst/lib$k-native.so" || exit 1
done

# The CC of build KIND.
cc_of () {
  case $1 in
    plain) echo "$cc" ;;
    *) echo "$cc -fplugin=$plugin -fplugin-arg-bpfinst-inst=$inst/$1.o -fplugin-arg-bpfinst-native=$inst/lib$1-native.so -specs=$specs" ;;
  esac
}

# ---------------------------------------------------------------------------
# One build: build PROJECT KIND, in $work/PROJECT-KIND.  Writes there
# configure.log, make.log, check.log, counts (the native halves' lines),
# times (see step), status (the step that failed,
# or "ok"), results (one "RESULT: test" line per test result).

# step NAME LOG COMMAND...: run one step with a time limit; append
# "NAME WALL CPU" (seconds; CPU: user+system of all its processes, when
# /usr/bin/time can measure it) to times.
step () {
  name=$1 log=$2
  shift 2
  to=
  command -v timeout > /dev/null 2>&1 && to="timeout $limit"
  meter=
  [ -x /usr/bin/time ] && meter="/usr/bin/time -f %U_%S -o $b/$name.rusage"
  t0=$(date +%s)
  # timeout runs the step in a process group of its own, killed as a whole
  # when the time is up, or by the trap below when this script is stopped.
  $to $meter "$@" > "$log" 2>&1 &
  echo $! > "$b/step.pid"
  wait $!
  st=$?
  rm -f "$b/step.pid"
  cpu=$(tr _ ' ' < "$b/$name.rusage" 2> /dev/null \
	| awk 'NF == 2 && $1 ~ /^[0-9.]+$/ { printf "%d", $1 + $2 + 0.5 }')
  echo "$name $(($(date +%s) - t0)) ${cpu:-?}" >> "$b/times"
  if [ $st != 0 ]; then
    [ $st = 124 ] && echo "(timed out after $limit s)" >> "$log"
    echo "$name" > "$b/status"
  fi
  return $st
}

build () {
  project=$1 kind=$2
  b=$work/$project-$kind
  if [ -n "${PROJECTS_REUSE:-}" ] && [ -f "$b/results" ]; then
    echo "projects: $project-$kind: kept from the last run"
    return 0
  fi
  rm -rf "$b"
  mkdir -p "$b"
  : > "$b/times"
  echo "configure" > "$b/status"
  cp -a "$cache/src/$project" "$b/src" || return 1
  case $project in
    libbacktrace) dir=$b/src/libbacktrace ;;
    *) dir=$b/src ;;
  esac
  echo "$dir" > "$b/dir"
  cd "$dir" || return 1
  ccs=$(cc_of "$kind")
  echo "projects: $project-$kind: start ($(date +%T))"
  step configure "$b/configure.log" ./configure CC="$ccs" || return 1
  # libffi configures and builds in a folder named after the host.
  if [ ! -f config.status ]; then
    cs=$(ls */config.status 2> /dev/null | head -n 1)
    [ -n "$cs" ] && echo "$dir/${cs%/config.status}" > "$b/dir"
  fi
  step make "$b/make.log" make -j"$makej" || return 1
  # make check fails when a test fails: the results tell.
  if [ "$project" = libffi ] && [ "$makej" -gt 1 ]; then
    cd "$(cat "$b/dir")" || return 1
    BPFINST_COUNTS=$b/counts step check "$b/check.log" sh "$here/libffi-check.sh"
  else
    BPFINST_COUNTS=$b/counts AM_COLOR_TESTS=no \
      step check "$b/check.log" make -j"$makej" check
  fi
  [ -f "$b/status" ] && [ "$(cat "$b/status")" = configure ] && echo ok > "$b/status"
  # Test results: DejaGnu's .sum files when there are some (libffi),
  # otherwise the Automake harness's lines in make check's output.
  sums=$(find "$dir" -name '*.sum' -newer "$b/make.log" 2> /dev/null)
  pat='^(PASS|FAIL|XPASS|XFAIL|KPASS|KFAIL|SKIP|ERROR|UNRESOLVED|UNSUPPORTED|UNTESTED): '
  if [ -n "$sums" ]; then
    cat $sums | grep -E "$pat"
  else
    grep -E "$pat" "$b/check.log"
  fi | sort > "$b/results"
  echo "projects: $project-$kind: done, $(cat "$b/status") ($(date +%T))"
}

# ---------------------------------------------------------------------------
# Run the builds, in $lanes lanes at the same time, each lane taking the
# next build of the queue when it is free.  The longest builds go first:
# libffi's DejaGnu suite runs one test at a time.

failed=0
passed=0
pass () { echo "PASS: $*"; passed=$((passed + 1)); }
fail () { echo "FAIL: $*"; failed=$((failed + 1)); }

ready=
for p in libffi libsodium xz libbacktrace; do
  case " $projects " in *" $p "*) ;; *) continue ;; esac
  unpack "$p"
  st=$?
  if [ $st = 77 ]; then
    echo "run-projects.sh: $p: sources not available" >&2
    exit 77
  elif [ $st != 0 ]; then
    fail "$p: unpacking the sources"
    continue
  fi
  ready="$ready $p"
done

rm -rf "$work/queue.lock"
: > "$work/queue"
for job in libffi:heavy libffi:coverage libsodium:heavy libffi:plain \
	   libbacktrace:heavy xz:heavy libsodium:coverage \
	   libbacktrace:coverage xz:coverage libsodium:plain \
	   libbacktrace:plain xz:plain; do
  case " $ready " in *" ${job%:*} "*) echo "$job" >> "$work/queue" ;; esac
done
echo 0 > "$work/queue.next"

# next_job: print the next build of the queue (empty when none is left);
# a lock folder keeps two lanes from taking the same one.
next_job () {
  until mkdir "$work/queue.lock" 2> /dev/null; do sleep 1; done
  n=$(cat "$work/queue.next")
  echo $((n + 1)) > "$work/queue.next"
  rmdir "$work/queue.lock"
  sed -n "$((n + 1))p" "$work/queue"
}

stop () {
  trap - INT TERM HUP
  kill -TERM $lane_pids 2> /dev/null
  for f in "$work"/*/step.pid; do
    [ -f "$f" ] && kill -TERM "$(cat "$f")" 2> /dev/null
  done
  echo "run-projects.sh: stopped" >&2
  exit 130
}
lane_pids=
trap stop INT TERM HUP
lane=0
while [ $lane -lt "$lanes" ]; do
  (
    while job=$(next_job) && [ -n "$job" ]; do
      build "${job%:*}" "${job#*:}" < /dev/null
    done
  ) &
  lane_pids="$lane_pids $!"
  lane=$((lane + 1))
done
wait
t_total=$(($(date +%s) - t_start))

# ---------------------------------------------------------------------------
# The checks.

# config_state DIR: the generated configuration headers of the build in
# DIR, or the DEFS line of its Makefile when it has none.
config_state () {
  headers=$(sed -n 's/^config_headers="\(.*\)"$/\1/p' "$1/config.status" 2> /dev/null)
  if [ -n "$headers" ]; then
    for h in $headers; do
      echo "=== $h"
      cat "$1/${h%%:*}"
    done
  else
    echo "=== DEFS of Makefile"
    grep '^DEFS = ' "$1/Makefile"
  fi
}

# The counts of a build: one summary line.
counts_of () {
  [ -s "$1" ] || { echo "none"; return; }
  awk '
    $1 == "heavy" {
      runs++
      for (i = 3; i <= NF; i++) {
	split($i, kv, "=")
	if (kv[1] == "calls") calls += kv[2]
	else if (kv[2] > 0) ops[kv[1]] = 1
      }
    }
    $1 == "coverage" {
      runs++
      for (i = 3; i <= NF; i++) {
	split($i, kv, "=")
	if (kv[1] == "branches") br += kv[2]
	if (kv[1] == "edges" && kv[2] > edges) edges = kv[2]
      }
    }
    END {
      if (calls != "") {
	n = 0
	for (o in ops) n++
	printf "%d runs, %d slow calls, %d hook kinds\n", runs, calls, n
      } else
	printf "%d runs, %d branches, max %d edges\n", runs, br, edges
    }' "$1"
}

count_of () {
  if [ -f "$1" ]; then grep -c -E "^($2): " "$1"; else echo 0; fi
}

echo
table=$work/table
printf '%-22s %-5s %-5s %-5s %-7s %-10s %s\n' "project/build" "pass" "fail" "other" \
  "config" "wall/cpu s" "hook counts (per step: wall/cpu seconds)" > "$table"
for p in $ready; do
  pb=$work/$p-plain
  for k in $kinds; do
    b=$work/$p-$k
    st=$(cat "$b/status" 2> /dev/null || echo missing)
    np=$(count_of "$b/results" PASS)
    nf=$(count_of "$b/results" 'FAIL|XPASS|ERROR|UNRESOLVED')
    no=$(count_of "$b/results" 'XFAIL|KPASS|KFAIL|SKIP|UNSUPPORTED|UNTESTED')
    secs=$(awk '{ w += $2; c += $3 } END { printf "%d/%d", w, c }' "$b/times" 2> /dev/null)
    times=$(awk '{ printf "%s%s %s/%s", (NR > 1 ? ", " : ""), $1, $2, $3 }' "$b/times" 2> /dev/null)
    hooks=$(counts_of "$b/counts")
    dir=$(cat "$b/dir" 2> /dev/null)
    if [ "$k" = plain ]; then
      cfg=-
      case $st in
	ok|check) pass "$p-plain: configure and make" ;;
	*) fail "$p-plain: $st failed (see $b/$st.log)" ;;
      esac
      if [ "$np" -gt 0 ]; then
	pass "$p-plain: $np tests passed, $nf failed"
      else
	fail "$p-plain: no passing test"
      fi
      if [ ! -s "$b/counts" ]; then
	pass "$p-plain: no hook counts (not instrumented)"
      else
	fail "$p-plain: hook counts in a plain build"
      fi
    else
      case $st in
	ok|check) pass "$p-$k: configure and make" ;;
	*) fail "$p-$k: $st failed (see $b/$st.log)" ;;
      esac
      pp=$(count_of "$pb/results" PASS)
      if [ "$np" = "$pp" ] && [ "$np" -gt 0 ]; then
	pass "$p-$k: $np tests passed, as in the plain build"
      else
	fail "$p-$k: $np tests passed, $pp in the plain build"
      fi
      grep -E '^(FAIL|XPASS|ERROR|UNRESOLVED): ' "$b/results" 2> /dev/null \
	| sort -u > "$b/failures"
      grep -E '^(FAIL|XPASS|ERROR|UNRESOLVED): ' "$pb/results" 2> /dev/null \
	| sort -u > "$b/plain-failures"
      new=$(comm -23 "$b/failures" "$b/plain-failures")
      if [ -z "$new" ]; then
	pass "$p-$k: no failure the plain build does not have"
      else
	fail "$p-$k: failures the plain build does not have:"
	echo "$new" | head -n 20 | sed 's/^/  /'
      fi
      config_state "$(cat "$pb/dir" 2> /dev/null)" > "$b/plain-config"
      config_state "$dir" > "$b/config"
      if [ "$st" != configure ] && diff "$b/plain-config" "$b/config" > "$b/config.diff"; then
	cfg=same
	pass "$p-$k: configuration identical to the plain build's ($(grep '^===' "$b/config" | sed 's/^=== //' | tr '\n' ' ' | sed 's/ $//'))"
      else
	cfg=DIFFERS
	fail "$p-$k: configuration differs from the plain build's (see $b/config.diff)"
	head -n 20 "$b/config.diff" | sed 's/^/  /'
      fi
      if [ "$hooks" != none ] && ! echo "$hooks" | grep -q ' 0 \(slow calls\|branches\)'; then
	pass "$p-$k: the test programs ran instrumented code: $hooks"
      else
	fail "$p-$k: no hook counts from the test programs"
      fi
    fi
    printf '%-22s %-5s %-5s %-5s %-7s %-10s %s (%s)\n' "$p/$k" "$np" "$nf" "$no" \
      "$cfg" "$secs" "$hooks" "$times" >> "$table"
  done
done

# libffi: the suite must have tested the libffi just built, not the
# system's: every test program is linked with -L<build>/.libs -lffi.
case " $ready " in
  *" libffi "*)
    for k in $kinds; do
      b=$work/libffi-$k
      dir=$(cat "$b/dir" 2> /dev/null)
      logs=$(find "$dir/testsuite" -name libffi.log 2> /dev/null)
      ok=${logs:+yes}
      for log in $logs; do
	grep -q -- "-L$dir/testsuite/../.libs .*-lffi" "$log" || ok=
	! grep -E 'gcc .*-lffi' "$log" \
	  | grep -v -q -- "-L$dir/testsuite/../.libs" || ok=
      done
      if [ -n "$ok" ] && [ -f "$dir/.libs/libffi.so" ]; then
	soname=$(readelf -d "$dir/.libs/libffi.so" 2> /dev/null \
		 | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
	pass "libffi-$k: test programs linked with -L$dir/.libs -lffi ($soname, run with that folder on LD_LIBRARY_PATH)"
      else
	fail "libffi-$k: test programs not linked with the libffi just built"
      fi
    done
    ;;
esac

echo
echo "projects: results (tests: each project's make check; config: generated headers vs the plain build's; seconds: wall/cpu of configure, make, make check)"
cat "$table"
echo
echo "projects: $passed passed, $failed failed, $t_total s in all (work folder $work)"
[ $failed = 0 ]
