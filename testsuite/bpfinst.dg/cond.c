/* condition () and condition_result () give the comparison's code and
   outcome; signed comparisons carry COND_SIGNED, unsigned ones do not.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "cond.bpf.c" } */
/* { dg-bpfinst-native "cond-native.c" } */

#include <bpfinst/common.h>

typedef unsigned long long u64;
extern int test_cmp (u64 cond, u64 result, u64 a, u64 b);

__attribute__ ((noipa)) int
slt (int a, int b)
{
  int r = a < b;
  return r;
}

__attribute__ ((noipa)) int
ule (unsigned a, unsigned b)
{
  int r = a <= b;
  return r;
}

__attribute__ ((noipa)) int
eq (u64 a, u64 b)
{
  int r = a == b;
  return r;
}

int
main (void)
{
  int r;
  r = slt (-1, 2);
  if (!test_cmp (COND_SIGNED | COND_LT, 1, 0xffffffffull, 2))
    return 1;
  if (r != 1)
    return 2;
  r = ule (7, 3);
  if (!test_cmp (COND_LE, 0, 7, 3))
    return 3;
  if (r != 0)
    return 4;
  r = eq (5, 5);
  if (!test_cmp (COND_EQ, 1, 5, 5))
    return 5;
  if (r != 1)
    return 6;
  return 0;
}
