# Shared part of clang.test and gcc.test: $compiler names the compiler,
# bpfcc runs it.  Builds tests/fixtures/*.c (with and without BTF) into a
# scratch directory, then runs the checks.
fixdir=$srcdir/tests/fixtures
out=fixtures-$compiler.tmp
rm -rf "$out"
mkdir -p "$out" || exit 99
for f in basic unknown-helper data-reloc no-hook; do
  bpfcc -O2 -c "$fixdir/$f.c" -o "$out/$f.o" || exit 99
done
if test "$compiler" = clang; then
  bpfcc -O2 -g -c "$fixdir/basic.c" -o "$out/basic-g.o" || exit 99
else
  bpfcc -O2 -gbtf -c "$fixdir/basic.c" -o "$out/basic-g.o" || exit 99
fi
./tests/test-bpfprog fixtures "$compiler" "$out"
status=$?
test $status -eq 0 && rm -rf "$out"
exit $status
