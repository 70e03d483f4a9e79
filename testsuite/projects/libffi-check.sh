#!/bin/sh
# libffi-check.sh - libffi 3.3's make check with its DejaGnu suite split in
# two runtest processes running at the same time: libffi.bhaible (the
# longest part) and all the other .exp files.  Run in libffi's build folder
# (the one with config.status); each half writes its libffi.sum and
# libffi.log into testsuite/out-bhaible or testsuite/out-others.  The two
# halves write their test programs into the same folder under different
# names (bhaible's are test-call.exe and test-callback.exe).
# Exit status: nonzero when either make check failed.
cd testsuite || exit 1
srcdir=$(sed -n 's/^srcdir = //p' Makefile)
others=
for f in "$srcdir"/libffi.*/*.exp; do
  case $f in */bhaible.exp) ;; *) others="$others ${f##*/}" ;; esac
done
make site.exp || exit 1
mkdir -p out-bhaible out-others
make check RUNTESTFLAGS="--outdir out-bhaible bhaible.exp" \
  > out-bhaible/make-check.out 2>&1 &
pid=$!
make check RUNTESTFLAGS="--outdir out-others$others"
st=$?
wait $pid || st=1
cat out-bhaible/make-check.out
exit $st
