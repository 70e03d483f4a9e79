/* Tags flow through byte swaps, bit counts and arithmetic with an
   overflow flag: the result (both the value and the flag of
   __builtin_*_overflow) has its operands' tags combined.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "tagflow.bpf.c" } */
/* { dg-bpfinst-native "tagflow-native.c" } */

typedef unsigned long long u64;
extern u64 test_tag (void);

#define REPORT(name, expr)			\
  __attribute__ ((noipa)) u64			\
  name (u64 x, u64 y)				\
  {						\
    u64 a = x + 1000003, b = y + 1000033;	\
    (void) a, (void) b;				\
    return (u64) (expr) ^ 777;			\
  }

REPORT (tag_bswap16, __builtin_bswap16 ((unsigned short) a))
REPORT (tag_bswap32, __builtin_bswap32 ((unsigned) a))
REPORT (tag_bswap64, __builtin_bswap64 (b))
REPORT (tag_popcount, __builtin_popcountll (a))
REPORT (tag_parity, __builtin_parity ((unsigned) b))
REPORT (tag_ffs, __builtin_ffsll ((long long) a))

__attribute__ ((noipa)) u64
add_value (u64 x, u64 y)
{
  u64 a = x + 1000003, b = y + 1000033, r;
  __builtin_add_overflow (a, b, &r);
  return r ^ 777;
}

__attribute__ ((noipa)) u64
sub_flag (u64 x, u64 y)
{
  u64 a = x + 1000003, b = y + 1000033, r;
  return __builtin_sub_overflow (a, b, &r) ^ 777;
}

__attribute__ ((noipa)) u64
mul_value (u64 x)
{
  u64 a = x + 1000003, r;
  __builtin_mul_overflow (a, 3, &r);
  return r ^ 777;
}

int
main (void)
{
  tag_bswap16 (1, 2);
  if (test_tag () != 1)
    return 1;
  tag_bswap32 (1, 2);
  if (test_tag () != 1)
    return 2;
  tag_bswap64 (1, 2);
  if (test_tag () != 2)
    return 3;
  tag_popcount (1, 2);
  if (test_tag () != 1)
    return 4;
  tag_parity (1, 2);
  if (test_tag () != 2)
    return 5;
  tag_ffs (1, 2);
  if (test_tag () != 1)
    return 6;
  /* Without optimization, the value goes through memory (r), where tags
     are the instrumenter's business.  */
#ifdef __OPTIMIZE__
  add_value (1, 2);
  if (test_tag () != 3)
    return 7;
#endif
  sub_flag (1, 2);
  if (test_tag () != 3)
    return 8;
#ifdef __OPTIMIZE__
  mul_value (1);
  if (test_tag () != 1)
    return 9;
#endif
  return 0;
}
