#!/bin/sh
# bench-sqlite.sh - what libtag's wrappers of C library functions cost the
# taint tracker of run-sqlite.sh on the SQLite shell: valgrind's callgrind
# counts the instructions of one workload run by the plain shell, by the
# taint shell built with -fplugin-arg-bpfinst-libc=off (the C library
# called directly: the tags of the bytes it moves are lost), and by the
# taint shell as check-sqlite builds it (the wrappers).
#
# Valgrind cannot run the system-call hook, so the taint shells here get
# the native half bench-native.c, which tags what SQLite reads from its
# database in its own calls of pread64 and read.  The workload: a table of
# BENCH_ROWS rows made by the plain shell, then queries that scan, format,
# concatenate, filter and sort it; the three shells must print the same.
#
# Usage: bench-sqlite.sh, after run-sqlite.sh, with the same environment
# (SQLITE_WORK, BPFINST_BUILDDIR, BPFINST_CC): it uses the amalgamation,
# the instrumenter, the plain shell and the taint object run-sqlite.sh
# made there.  BENCH_ROWS defaults to 2000.

set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
builddir=${BPFINST_BUILDDIR:-$top}
cc=${BPFINST_CC:-gcc}
work=${SQLITE_WORK:-$PWD/sqlite-work}
rows=${BENCH_ROWS:-2000}

plugin=$builddir/gcc-plugin/.libs/bpfinst.so
specs=$builddir/libtag/bpfinst.specs
include=$top/spec/include

cd "$work" 2> /dev/null || { echo "bench-sqlite.sh: no $work (run run-sqlite.sh first)" >&2; exit 1; }
for f in src/sqlite3.c taint.o taint-sqlite3.o sqlite3-plain; do
  if [ ! -f "$f" ]; then
    echo "bench-sqlite.sh: $work/$f is missing (run run-sqlite.sh first)" >&2
    exit 1
  fi
done
command -v valgrind > /dev/null 2>&1 || { echo "bench-sqlite.sh: no valgrind" >&2; exit 77; }

defs="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DISABLE_INTRINSIC"
taintcc="$cc -fplugin=$plugin -fplugin-arg-bpfinst-inst=$work/taint.o -specs=$specs"
$cc -O2 -fPIC -shared -I"$include" "$here/bench-native.c" \
  -o libbench-native.so || exit 1
native="-Wl,--push-state,--no-as-needed $work/libbench-native.so -Wl,--pop-state -Wl,-rpath,$work"

if [ ! -f nolibc-sqlite3.o ]; then
  echo "bench: compiling sqlite3.c with -fplugin-arg-bpfinst-libc=off"
  $taintcc -fplugin-arg-bpfinst-libc=off -O2 $defs -c src/sqlite3.c \
    -o nolibc-sqlite3.o || exit 1
fi
# shellcheck disable=SC2086
$taintcc -O2 $defs -Isrc src/shell.c taint-sqlite3.o $native -lm \
  -o bench-wrappers || exit 1
# shellcheck disable=SC2086
$taintcc -fplugin-arg-bpfinst-libc=off -O2 $defs -Isrc src/shell.c \
  nolibc-sqlite3.o $native -lm -o bench-nolibc || exit 1

rm -f bench.db
./sqlite3-plain bench.db <<EOF || exit 1
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, val INTEGER);
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $rows)
INSERT INTO t SELECT x, 'name' || x, x * 37 % 1000 FROM c;
EOF
cat > bench.sql <<'EOF'
SELECT name, val FROM t WHERE val > 500 ORDER BY name;
SELECT upper(name) || ':' || printf('%05d', val) FROM t;
SELECT count(*), sum(val), avg(val), max(name) FROM t;
SELECT name FROM t WHERE name LIKE '%7%' ORDER BY val DESC;
SELECT substr(name, 2, 3), length(name), val / 7 FROM t WHERE id % 3 = 0;
EOF

printf '%-14s %16s %7s\n' build instructions ratio
base=
status=0
for p in sqlite3-plain bench-nolibc bench-wrappers; do
  cp bench.db "$p.db"
  ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
	 ./$p "$p.db" < bench.sql 2>&1 > "$p.out" \
	 | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
  if [ -z "$ir" ]; then
    echo "bench-sqlite.sh: $p did not run under callgrind" >&2
    status=1
    continue
  fi
  test -n "$base" || base=$ir
  printf '%-14s %16s %7s\n' "$p" "$ir" \
    "$(awk -v a="$ir" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
  if ! cmp -s sqlite3-plain.out "$p.out"; then
    echo "bench-sqlite.sh: $p printed something else than the plain shell" >&2
    status=1
  fi
done
exit $status
