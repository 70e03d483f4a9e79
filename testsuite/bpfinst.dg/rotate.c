/* A rotate reaches the hooks as the two shifts and the or that compute
   it, on the value as unsigned: shl (a, n), lshr (a, (W - n) % W) and or
   of their results for a left rotate; lshr (a, n) first, then shl for a
   right one.  The result has the or's tag; the complementary count has
   the count's.  */
/* { dg-do run } */
/* { dg-options "-O2 -fdump-tree-ssa" } */
/* { dg-bpfinst-inst "trace.bpf.c" } */
/* { dg-bpfinst-native "trace-native.c" } */

#include "trace.h"

__attribute__ ((noipa)) uint32_t
rotl32 (uint32_t a, unsigned n)
{
  return (a << n) | (a >> (-n & 31));
}

__attribute__ ((noipa)) uint32_t
rotr32 (uint32_t a, unsigned n)
{
  return (a >> n) | (a << (-n & 31));
}

__attribute__ ((noipa)) uint64_t
rotl64 (uint64_t a, unsigned n)
{
  return (a << n) | (a >> (-n & 63));
}

__attribute__ ((noipa)) uint64_t
tag_of_rotl (uint32_t x, unsigned n)
{
  return rotl32 (x + 1000003, n) ^ 777;
}

int
main (void)
{
  uint32_t a = 0x80000003, r;
  uint32_t shl1 = a << 1, lshr31 = a >> 31, expect1 = shl1 | lshr31;
  uint32_t lshr3 = a >> 3, shl29 = a << 29, expect3 = lshr3 | shl29;
  uint64_t b = 0x8000000000000101, r64;
  uint64_t shl13 = b << 13, lshr51 = b >> 51, expect64 = shl13 | lshr51;

  test_arm ();
  r = rotl32 (a, 1);
  if (!test_hook (SHL, a, 1, 32, 32) || !test_hook (LSHR, a, 31, 32, 32)
      || !test_hook (OR, shl1, lshr31, 32, 32) || !test_end ()
      || !test_value (r, expect1))
    return 1;
  /* By 0: no shift by the width.  */
  test_arm ();
  r = rotl32 (a, 0);
  if (!test_hook (SHL, a, 0, 32, 32) || !test_hook (LSHR, a, 0, 32, 32)
      || !test_hook (OR, a, a, 32, 32) || !test_end ()
      || !test_value (r, a))
    return 2;
  test_arm ();
  r = rotr32 (a, 3);
  if (!test_hook (LSHR, a, 3, 32, 32) || !test_hook (SHL, a, 29, 32, 32)
      || !test_hook (OR, lshr3, shl29, 32, 32) || !test_end ()
      || !test_value (r, expect3))
    return 3;
  test_arm ();
  r64 = rotl64 (b, 13);
  if (!test_hook (SHL, b, 13, 64, 64) || !test_hook (LSHR, b, 51, 64, 64)
      || !test_hook (OR, shl13, lshr51, 64, 64) || !test_end ()
      || !test_value (r64, expect64))
    return 5;

  test_arm ();
  tag_of_rotl (a, 7);
  if (!test_value (test_reported (), 0x10000 | 0x200 | 0x400 | 0x800))
    return 4;
  return 0;
}

/* { dg-final { scan-tree-dump-times "r<< n" 2 "ssa" } } */
/* { dg-final { scan-tree-dump-times "r>> n" 1 "ssa" } } */
