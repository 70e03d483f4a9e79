# bench-setup.sh - the set-up the zlib benchmarks share (sourced by
# run-bench.sh and run-switch-bench.sh, with their arguments and
# bench_work_default set).  Sets here, top_src, zlib, top, work, cc, inc,
# plugin, specs, zsrc and bpfcc, makes the input (zlib's own sources, three
# times: about 1 MB), enters the work folder, and defines build NAME
# [GCC ARGS...], which builds the benchmark program against zlib.

here=$(cd "$(dirname "$0")" && pwd)
top_src=$(cd "$here/../../.." && pwd)
zlib=$(cd "$1" && pwd)
top=$(cd "${2:-$top_src}" && pwd)
work=${3:-$PWD/$bench_work_default}
cc=${BPFINST_CC:-gcc}
inc=$top_src/spec/include
plugin=$top/gcc-plugin/.libs/bpfinst.so
specs=$top/libtag/bpfinst.specs

mkdir -p "$work"
cd "$work"

zsrc=
for f in adler32 compress crc32 deflate infback inffast inflate inftrees \
	 trees uncompr zutil; do
  zsrc="$zsrc $zlib/$f.c"
done

: > input
for i in 1 2 3; do cat "$zlib"/*.c "$zlib"/*.h >> input; done

if command -v clang >/dev/null 2>&1; then
  bpfcc="clang -O2 -target bpf"
else
  bpfcc="bpf-gcc -O2"
fi

build ()
{
  name=$1
  shift
  $cc -O2 -w -DNO_MEMCPY -I"$zlib" "$@" "$here/bench.c" $zsrc -o "$name"
}
