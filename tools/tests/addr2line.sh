#!/bin/sh
# bpfinst-cov --addr2line and --dump.  The pseudo_pc () values come from
# two places the tool does not read: the plugin's own dump
# (-fplugin-arg-bpfinst-dump) for inst_br, and a run of textstat under
# an instrumenter whose inst_udiv and inst_urem hand pseudo_pc () to
# its native half, which writes them down.  Each must map to the line of its operation,
# found in the source with grep; an unknown value maps to "??".
. "${0%/*}/common.sh"

copy_program
build_coverage_instrumenter

# 1. inst_br: the first branch of end_word () in the plugin's dump.
mkdir dump
(
  cd dump
  "$BPFINST_GCC" --inst="$work/cov-bpf.o" --native="$work/libcov.so" -O2 \
    -fplugin-arg-bpfinst-dump -c ../src/text.c -o text.o
  "$BPFINST_GCC" --inst="$work/cov-bpf.o" --native="$work/libcov.so" -O2 \
    -c ../src/main.c -o main.o
  "$BPFINST_GCC" --inst="$work/cov-bpf.o" --native="$work/libcov.so" \
    main.o text.o -o textstat
)
pc=$(sed -n '/^;; Function end_word /,/^;; Function /s/^;; bpfinst: inst_br (pseudo_pc \(0x[0-9a-f]*\)).*/\1/p' dump/text.c.*t.bpfinst | head -n 1)
[ -n "$pc" ] || fail "no inst_br of end_word () in the plugin's dump"
line=$(grep -n 'if (\*word == 0)' src/text.c | cut -d: -f1)
got=$("$COV" --addr2line dump/textstat "$pc")
echo "$pc: $got"
case $got in
  "end_word ../src/text.c:$line:"[0-9]*" inst_br") ;;
  *) fail "$pc: expected end_word ../src/text.c:$line:COLUMN inst_br" ;;
esac
# --dump lists it, at the same place.
"$COV" --dump dump/textstat > dump.txt
grep -q "^0x0*${pc#0x} inst_br end_word ../src/text.c:$line:[0-9]* branch " \
  dump.txt || fail "--dump does not list $pc at text.c:$line"

# 2. inst_udiv and inst_urem: the values seen at run time, on the lines
# with a ' / ' or a ' % '.
cat > "$work/expected.txt" <<EOF2
$(grep -n ' [/%] ' src/main.c | sed 's/^\([0-9]*\):.*/..\/src\/main.c:\1/')
$(grep -n ' [/%] ' src/text.c | sed 's/^\([0-9]*\):.*/..\/src\/text.c:\1/')
EOF2
bpf_cc "$srcdir/tools/tests/inst/pcs-bpf.c" pcs-bpf.o
$CC -O2 -fPIC -shared -I"$srcdir/spec/include" \
  "$srcdir/tools/tests/inst/pcs-native.c" -o "$work/libpcs.so"
mkdir div
(
  cd div
  for f in main text; do
    "$BPFINST_GCC" --inst="$work/pcs-bpf.o" --native="$work/libpcs.so" \
      -O0 -c ../src/$f.c -o $f.o
  done
  "$BPFINST_GCC" --inst="$work/pcs-bpf.o" --native="$work/libpcs.so" \
    main.o text.o -o textstat
  PCS_FILE=$PWD/pcs.txt ./textstat -v -c < ../src/input.txt > /dev/null
)
test -s div/pcs.txt || fail "the divisions handed over no pseudo_pc"
# shellcheck disable=SC2046
"$COV" --addr2line div/textstat $(cat div/pcs.txt) > div.txt
cat div.txt
awk '$3 != "inst_udiv" && $3 != "inst_urem" { print "another hook: " $0; bad = 1 }
     END { exit bad }' \
  div.txt || fail "--addr2line names another hook"
cut -d' ' -f2 div.txt | sed 's/:[0-9]*$//' | sort -u > got.txt
sort -u "$work/expected.txt" > want.txt
diff want.txt got.txt \
  || fail "the divisions run are not on the lines with ' / ' or ' % '"

# 3. Unknown values.
set +e
"$COV" --addr2line dump/textstat 0x1 "$pc" > unknown.txt
status=$?
set -e
[ "$status" = 1 ] || fail "--addr2line of an unknown value: status $status"
[ "$(sed -n 1p unknown.txt)" = "?? ??:0:0 ??" ] \
  || fail "--addr2line of an unknown value: $(sed -n 1p unknown.txt)"
sed -n 2p unknown.txt | grep -q "^end_word " \
  || fail "--addr2line stops at an unknown value"
echo "PASS: --addr2line and --dump map pseudo_pc values to their lines"
