#!/bin/sh
# The section .bpfinst.sites through the tools that build and change
# programs: it is in the objects, the program and a shared library,
# never loaded (no SHF_ALLOC, in no segment); the same table comes out
# of a link with --gc-sections and of one with -flto (one unit per
# translation unit, no unit twice); strip keeps it, objcopy
# --remove-section removes it; bpfinst-cov -l reads the tables of the
# shared libraries a program needs.
. "${0%/*}/common.sh"

copy_program
build_coverage_instrumenter
BG="$BPFINST_GCC --inst=$work/cov-bpf.o --native=$work/libcov.so"

# The table of FILE, without the lines naming FILE.
table ()
{
  "$COV" --dump "$1" | sed 's/^# [^:]*: /# /'
}

$BG -O2 -c src/main.c -o main.o
$BG -O2 -c src/text.c -o text.o
check_section main.o
$BG main.o text.o -o textstat
check_section textstat
# The check sees an allocated section.
objcopy --set-section-flags .bpfinst.sites=alloc,contents textstat \
  textstat-alloc 2> /dev/null
if (check_section textstat-alloc) > /dev/null 2>&1; then
  fail "check_section passes an allocated section"
fi
table textstat > plain.txt
[ "$(grep -c '^# unit' plain.txt)" = 2 ] || fail "textstat: not 2 units"

$BG -O2 -ffunction-sections -fdata-sections -Wl,--gc-sections \
  src/main.c src/text.c -o textstat-gc
check_section textstat-gc
table textstat-gc > gc.txt
diff plain.txt gc.txt || fail "--gc-sections changed the table"

$BG -O2 -flto -c src/main.c -o main-lto.o
$BG -O2 -flto -c src/text.c -o text-lto.o
$BG -O2 -flto main-lto.o text-lto.o -o textstat-lto
check_section textstat-lto
table textstat-lto > lto.txt
diff plain.txt lto.txt || fail "-flto changed the table"

strip -o textstat-strip textstat
table textstat-strip > strip.txt
diff plain.txt strip.txt || fail "strip changed the table"
objcopy --remove-section=.bpfinst.sites textstat textstat-none
expect_error 'textstat-none: no instrumented sites' "$COV" --dump textstat-none
grep -q 'warning: textstat-none: no .bpfinst.sites section' err.txt \
  || fail "no warning about the missing section"
strip -R .bpfinst.sites -o textstat-none2 textstat
expect_error 'textstat-none2: no instrumented sites' "$COV" --dump textstat-none2

# A shared library, found through the program's RUNPATH ($ORIGIN).
$BG -O2 -fPIC -shared src/shout.c -o libshout.so
check_section libshout.so
$BG -O2 src/greet.c -L. -lshout -Wl,-rpath,'$ORIGIN' -o greet
"$COV" --dump greet > greet.txt
"$COV" --dump -l greet > greet-l.txt
grep -q '^# greet: unit src/greet.c ' greet.txt || fail "greet: no unit greet.c"
if grep -q 'shout' greet.txt; then
  fail "without -l, the library's table was read"
fi
grep -q "^# \./libshout\.so: unit src/shout\.c " greet-l.txt \
  || fail "with -l, the library's table was not read"
BPFINST_COV_FILE=$PWD/greet.map ./greet --shout you > greet.out
[ "$(cat greet.out)" = "HELLO, YOU" ] || fail "greet printed $(cat greet.out)"
"$COV" -l -m greet.map -o greet.info greet > greet-summary.txt
cat greet-summary.txt
grep -q "^SF:$work/src/shout.c\$" greet.info \
  || fail "the tracefile has no record of shout.c"
awk -F'[:,]' '/^SF:/ { sf = $2 } sf ~ /shout\.c$/ && /^DA:/ && $3 > 0 { n++ }
  END { exit n == 0 }' greet.info \
  || fail "no line of shout.c executed"

# A library not found is named; the program's table is still read.
mkdir elsewhere
cp greet elsewhere/
"$COV" --dump -l elsewhere/greet > /dev/null 2> missing.txt \
  || fail "a missing library stopped bpfinst-cov"
grep -q 'warning: elsewhere/greet: libshout.so, which it needs, not found' \
  missing.txt || { cat missing.txt; fail "no warning for a missing library"; }
echo "PASS: the table survives links, -flto, --gc-sections and strip"
