/* __builtin_clz, __builtin_ctz and their long long forms reach inst_clz
   and inst_ctz with their operand and its width.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "clz.bpf.c" } */
/* { dg-bpfinst-native "clz-native.c" } */

typedef unsigned long long u64;
extern int test_clz (u64 a, u64 width);
extern int test_ctz (u64 a, u64 width);

__attribute__ ((noipa)) int
lead (unsigned x)
{
  return __builtin_clz (x);
}

__attribute__ ((noipa)) int
trail (unsigned x)
{
  return __builtin_ctz (x);
}

__attribute__ ((noipa)) int
leadll (u64 x)
{
  return __builtin_clzll (x);
}

__attribute__ ((noipa)) int
trailll (u64 x)
{
  return __builtin_ctzll (x);
}

int
main (void)
{
  if (lead (0x00f00000u) != 8)
    return 1;
  if (!test_clz (0x00f00000u, 32))
    return 2;
  if (trail (0x00f00000u) != 20)
    return 3;
  if (!test_ctz (0x00f00000u, 32))
    return 4;
  if (leadll (1ull << 40) != 23)
    return 5;
  if (!test_clz (1ull << 40, 64))
    return 6;
  if (trailll (1ull << 40) != 40)
    return 7;
  if (!test_ctz (1ull << 40, 64))
    return 8;
  return 0;
}
