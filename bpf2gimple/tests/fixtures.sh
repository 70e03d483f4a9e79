# Shared part of clang.test and gcc.test: $compiler names the compiler,
# bpfcc runs it.  Builds tests/fixtures/*.c (with and without BTF) into a
# scratch directory, then runs the checks; then builds every BPF half of
# the source tree (with BTF, which describes their maps) and checks that
# each verifies, and that no run of its hooks exceeds the bound the
# verifier proves.
fixdir=$srcdir/tests/fixtures
top=${top_srcdir:-$srcdir/..}
out=fixtures-$compiler.tmp
rm -rf "$out"
mkdir -p "$out" || exit 99
for f in basic unknown-helper data-reloc no-hook loops stack; do
  bpfcc -O2 -c "$fixdir/$f.c" -o "$out/$f.o" || exit 99
done
for k in 1 2 3; do
  bpfcc -O2 -DBAD=$k -c "$fixdir/loops-bad.c" -o "$out/loops-bad-$k.o" \
    || exit 99
  bpfcc -O2 -DBAD=$k -c "$fixdir/stack-bad.c" -o "$out/stack-bad-$k.o" \
    || exit 99
done
if test "$compiler" = clang; then
  btf=-g
else
  btf=-gbtf
fi
bpfcc -O2 $btf -c "$fixdir/basic.c" -o "$out/basic-g.o" || exit 99
./tests/test-bpfprog fixtures "$compiler" "$out"
status=$?

tree=
for f in "$top"/spec/tests/*/inst-bpf.c "$top"/examples/coverage/inst-bpf.c \
         "$top"/examples/callgraph/inst-bpf.c \
         "$top"/examples/firmware/taint-bpf.c \
         "$top"/testsuite/instrumenters/*/inst-bpf.c \
         "$top"/testsuite/sqlite/taint-bpf.c; do
  o=$out/$(echo "${f#"$top"/}" | tr '/' '_').o
  bpfcc -O2 $btf -I"$top/spec/include" -c "$f" -o "$o" || exit 99
  tree="$tree $o"
done
# shellcheck disable=SC2086
./tests/test-bpfprog runs $tree > "$out/runs.txt" || {
  grep -v ' at most ' "$out/runs.txt"
  status=1
}
test $status -eq 0 && rm -rf "$out"
exit $status
