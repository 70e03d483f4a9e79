/* Bit builtins inside a hook built by clang.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "builtins.bpf.c" clang } */
/* { dg-bpfinst-native "builtins-native.c" } */

typedef unsigned long long u64;
extern int test_bits (u64 a, u64 b);

__attribute__ ((noipa)) u64
add (u64 a, u64 b)
{
  return a + b;
}

int
main (void)
{
  if (add (0x00f0000000001000ull, 0x0102030405060708ull)
      != 0x01f2030405061708ull)
    return 1;
  if (!test_bits (0x00f0000000001000ull, 0x0102030405060708ull))
    return 2;
  if (add (0, 5) != 5)
    return 3;
  if (!test_bits (0, 5))
    return 4;
  return 0;
}
