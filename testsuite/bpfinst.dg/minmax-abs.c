/* GCC folds "a < b ? a : b" into MIN_EXPR (and the like into MAX_EXPR
   and ABS_EXPR) before the plugin runs: the hooks see the comparison
   that selects the result (inst_cmp, LT for MIN, GT for MAX, of the
   operands in GCC's order, which is not always the source's; signed LT
   against 0 for ABS; with its outcome), and for ABS the negation
   (inst_neg, whatever the sign).  The result's tag is the selected
   operand's, as for the unfolded "a < b ? a : b": for ABS, the
   negation's when the operand is negative.  */
/* { dg-do run } */
/* { dg-options "-O2 -fdump-tree-ssa" } */
/* { dg-bpfinst-inst "trace.bpf.c" } */
/* { dg-bpfinst-native "trace-native.c" } */

#include "trace.h"

__attribute__ ((noipa)) int
min_int (int a, int b)
{
  return a < b ? a : b;
}

__attribute__ ((noipa)) unsigned
max_unsigned (unsigned a, unsigned b)
{
  return a > b ? a : b;
}

__attribute__ ((noipa)) int
abs_int (int a)
{
  return a < 0 ? -a : a;
}

__attribute__ ((noipa)) uint64_t
tag_of_min (int64_t x, int64_t y)
{
  int64_t a = x + 1000003, b = y + 1000033;
  return (a < b ? a : b) ^ 777;
}

__attribute__ ((noipa)) uint64_t
tag_of_abs (int64_t x)
{
  int64_t a = x + 1000003;
  return (a < 0 ? -a : a) ^ 777;
}

int
main (void)
{
  /* Operands as the hooks see them: zero-extended from 32 bits.  */
  uint64_t m4 = (uint32_t) -4, m12 = (uint32_t) -12;
  int v;
  unsigned u;

  test_arm ();
  v = min_int (3, -4);
  if (!test_cmp_either (3, m4, COND_SIGNED | COND_LT, 32) || !test_end ()
      || !test_value (v, -4))
    return 1;
  test_arm ();
  v = min_int (-4, 3);
  if (!test_cmp_either (m4, 3, COND_SIGNED | COND_LT, 32) || !test_end ())
    return 2;
  test_arm ();
  u = max_unsigned (3, 9);
  if (!test_cmp_either (3, 9, COND_GT, 32) || !test_end ()
      || !test_value (u, 9))
    return 3;
  test_arm ();
  v = abs_int (-12);
  if (!test_cmp (m12, 0, COND_SIGNED | COND_LT, 1)
      || !test_hook (NEG, m12, 0, 32, 32) || !test_end ()
      || !test_value (v, 12))
    return 4;
  test_arm ();
  v = abs_int (5);
  if (!test_cmp (5, 0, COND_SIGNED | COND_LT, 0)
      || !test_hook (NEG, 5, 0, 32, 32) || !test_end ()
      || !test_value (v, 5))
    return 5;

  /* Tags: the selected operand's.  */
  test_arm ();
  tag_of_min (1, 2);
  if (!test_value (test_reported (), 0x10000))
    return 6;
  test_arm ();
  tag_of_min (2, -100);
  if (!test_value (test_reported (), 0x20000))
    return 7;
  test_arm ();
  tag_of_abs (-2000000);
  if (!test_value (test_reported (), 0x10100))
    return 8;
  test_arm ();
  tag_of_abs (5);
  if (!test_value (test_reported (), 0x10000))
    return 9;
  return 0;
}

/* { dg-final { scan-tree-dump-times "MIN_EXPR" 2 "ssa" } } */
/* { dg-final { scan-tree-dump-times "MAX_EXPR" 1 "ssa" } } */
/* { dg-final { scan-tree-dump-times "ABS_EXPR" 2 "ssa" } } */
