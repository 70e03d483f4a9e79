# common.sh - what the tests of bpfinst-cov share; sourced by each.
#
# Environment (tools/Makefile.am): top_srcdir, top_builddir, CC,
# BPF_CLANG, BPF_GCC.  Each test works in tests/NAME.dir/ of the current
# folder, NAME being the script's name.

set -eu

name=$(basename "$0" .sh)
srcdir=$(cd "$top_srcdir" && pwd)
builddir=$(cd "$top_builddir" && pwd)
work=$PWD/tests/$name.dir
rm -rf "$work"
mkdir -p "$work"
cd "$work"

COV=$builddir/tools/bpfinst-cov
BPFINST_GCC=$builddir/bpfinst-bin/bpfinst-gcc
LINES="perl $srcdir/tools/tests/lines.pl"

fail ()
{
  echo "FAIL: $*" >&2
  exit 1
}

skip ()
{
  echo "SKIP: $*"
  exit 77
}

# Run "$@", which must fail (status 1) with a message matching the
# extended regular expression RE on stderr.
expect_error ()
{
  re=$1
  shift
  set +e
  "$@" > out.txt 2> err.txt
  status=$?
  set -e
  if [ "$status" != 1 ] || ! grep -Eq -- "$re" err.txt; then
    echo "command: $*" >&2
    echo "status $status; stderr:" >&2
    cat err.txt >&2
    fail "expected status 1 and an error matching: $re"
  fi
  echo "ok: $(head -n 1 err.txt)"
}

# Compile the BPF half SRC to OUT, with clang or else bpf-gcc.
bpf_cc ()
{
  if [ -n "$BPF_CLANG" ]; then
    $BPF_CLANG -O2 -target bpf -I"$srcdir/spec/include" -c "$1" -o "$2"
  else
    $BPF_GCC -O2 -I"$srcdir/spec/include" -c "$1" -o "$2"
  fi
}

# The edge-coverage instrumenter of examples/coverage, for the compiler
# $1 (default $CC): cov-bpf.o and, by absolute path, libcov.so.
build_coverage_instrumenter ()
{
  bpf_cc "$srcdir/examples/coverage/inst-bpf.c" cov-bpf.o
  ${1:-$CC} -O2 -fPIC -shared -I"$srcdir/spec/include" \
    "$srcdir/examples/coverage/inst-native.c" -o "$work/libcov.so"
}

# textstat (tests/prog/) copied to src/.
copy_program ()
{
  mkdir -p src
  cp "$srcdir/tools/tests/prog/"* src/
}

# Build textstat in folder $1 with the coverage instrumenter and the
# options "$2" (one unit at a time, as make would).
build_instrumented ()
{
  mkdir -p "$1"
  (
    cd "$1"
    for f in main text; do
      # shellcheck disable=SC2086
      "$BPFINST_GCC" --inst="$work/cov-bpf.o" --native="$work/libcov.so" \
        $2 -c ../src/$f.c -o $f.o
    done
    "$BPFINST_GCC" --inst="$work/cov-bpf.o" --native="$work/libcov.so" \
      main.o text.o -o textstat
  )
}

# FILE has the section, not allocated, in no segment.
check_section ()
{
  # Name, type, address, offset, size, entry size, [flags,] link, info,
  # alignment.
  flags=$(readelf -SW "$1" | sed 's/^.*\] //' | awk '
    $1 == ".bpfinst.sites" { found = 1; print (NF == 10 ? $7 : "-") }
    END { if (!found) print "none" }')
  case $flags in
    none) fail "$1: no .bpfinst.sites section" ;;
    *A*) fail "$1: .bpfinst.sites is allocated (flags $flags)" ;;
  esac
  if readelf -lW "$1" 2>/dev/null | grep -q '\.bpfinst\.sites'; then
    fail "$1: .bpfinst.sites is in a segment"
  fi
  echo "ok: $1: .bpfinst.sites, flags $flags, in no segment"
}
