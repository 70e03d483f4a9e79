#!/bin/sh
# The table on the cross targets configure built (configure
# --with-target-gcc): textstat built for each by its own build of the
# plugin, with the coverage instrumenter, has the section, not loaded;
# bpfinst-cov reads the target's ELF file, and --addr2line maps a value
# of the plugin's dump to its line.  On Linux targets with qemu-user,
# the program runs and bpfinst-cov's report agrees with the host's on
# the lines both have.  Bare-metal targets (arm-none-eabi) link with
# newlib's rdimon.specs.
. "${0%/*}/common.sh"

targets=$builddir/targets/targets.txt
grep -q '^target ' "$targets" 2>/dev/null \
  || skip "no cross target configured (configure --with-target-gcc)"
copy_program

# The host's report, for comparison.
build_coverage_instrumenter
build_instrumented host "-O2"
(
  cd host
  BPFINST_COV_FILE=$PWD/cov.map ./textstat -v < ../src/input.txt > out.txt
  "$COV" -m cov.map -o cov.info textstat > /dev/null
)
$LINES lcov host/cov.info > host.txt

grep '^target ' "$targets" | while read -r _ triplet tgcc; do
  tdir=$builddir/targets/$triplet
  mkdir "$triplet"
  cd "$triplet"
  case $triplet in
    *-linux-*|*-linux)
      arch=
      board=
      $tgcc -O2 -fPIC -shared -I"$srcdir/spec/include" \
        "$srcdir/examples/coverage/inst-native.c" -o "$PWD/libcov.so"
      native=$PWD/libcov.so
      ;;
    *)
      arch="-mcpu=cortex-m3 -mthumb"
      board=--specs=rdimon.specs
      # shellcheck disable=SC2086
      $tgcc $arch -O2 -I"$srcdir/spec/include" \
        -c "$srcdir/examples/coverage/inst-native.c" -o cov-native.o
      "$(${tgcc} -print-prog-name=ar)" rcs libcov.a cov-native.o
      native=$PWD/libcov.a
      ;;
  esac
  engine="-fplugin=$tdir/bpfinst.so -fplugin-arg-bpfinst-inst=$work/cov-bpf.o
    -fplugin-arg-bpfinst-native=$native -specs=$tdir/bpfinst.specs"
  # shellcheck disable=SC2086
  $tgcc $engine $arch -O2 -fplugin-arg-bpfinst-dump -c ../src/text.c -o text.o
  # shellcheck disable=SC2086
  $tgcc $engine $arch -O2 -c ../src/main.c -o main.o
  # shellcheck disable=SC2086
  $tgcc $engine $arch $board main.o text.o -o textstat
  check_section textstat
  "$COV" --dump textstat > dump.txt
  [ "$(grep -c '^# textstat: unit ../src/' dump.txt)" = 2 ] \
    || fail "$triplet: not 2 units in the table"

  pc=$(sed -n '/^;; Function end_word /,/^;; Function /s/^;; bpfinst: inst_br (pseudo_pc \(0x[0-9a-f]*\)).*/\1/p' text.c.*t.bpfinst | head -n 1)
  line=$(grep -n 'if (\*word == 0)' ../src/text.c | cut -d: -f1)
  got=$("$COV" --addr2line textstat "$pc")
  case $got in
    "end_word ../src/text.c:$line:"[0-9]*" inst_br")
      echo "ok: $triplet: $pc: $got" ;;
    *) fail "$triplet: $pc: $got, expected end_word ../src/text.c:$line" ;;
  esac

  case $triplet in
    aarch64-*) qemu=qemu-aarch64 ;;
    arm*-linux-*) qemu=qemu-arm ;;
    riscv64-*) qemu=qemu-riscv64 ;;
    *) qemu= ;;
  esac
  if [ -n "$qemu" ] && command -v "$qemu" > /dev/null \
     && [ -d "/usr/$triplet" ]; then
    BPFINST_COV_FILE=$PWD/cov.map "$qemu" -L "/usr/$triplet" ./textstat -v \
      < ../src/input.txt > out.txt 2> /dev/null
    cmp -s out.txt ../host/out.txt || fail "$triplet: another output"
    "$COV" -m cov.map -o cov.info textstat > summary.txt
    $LINES lcov cov.info > lines.txt
    awk -v t="$triplet" '
      FNR == NR { host[$2] = $3; next }
      $1 == "L" && $2 ~ /^(main\.c|text\.c|text\.h):/ && ($2 in host) {
        both++
        if (($3 > 0) != (host[$2] > 0)) {
          printf "%s: %s: %s here, %s on the host\n", t, $2, $3, host[$2]
          bad = 1
        }
        run += $3 > 0
      }
      END {
        if (run == 0) { print t ": no line executed"; bad = 1 }
        printf "%s: %d lines compared with the host, %d executed\n", t, both, run
        exit bad
      }' ../host.txt lines.txt || fail "$triplet: the report differs from the host's"
  fi
  cd ..
done
echo "PASS: the table on every configured target"
