/* Hook instances bigger than the outline threshold (0 here) become calls
   of one function per hook and compile-time facts, made once: the hook
   sees the same operands and facts as inline, and gives the same
   tags.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-outline=0 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "outline.bpf.c" } */
/* { dg-bpfinst-native "outline-native.c" } */

#include <stdint.h>

extern void test_counts (uint64_t *sum, uint64_t *calls, uint64_t *wide);

__attribute__ ((noipa)) int
add32 (int a, int b)
{
  return a + b;
}

__attribute__ ((noipa)) long
add64 (long a, long b)
{
  return a + b;
}

__attribute__ ((noipa)) long
both (int a, long b)
{
  return add32 (a, 1) + add64 (b, 2);
}

int
main (void)
{
  uint64_t s0, c0, w0, s, c, w;
  test_counts (&s0, &c0, &w0);
  long r1 = both (5, 7);
  long r2 = add32 (12345, 3);
  test_counts (&s, &c, &w);
  /* Four additions in the functions above (add32 twice, add64, both's
     sum), two of them 64-bit.  */
  uint64_t want = (5 ^ (1 << 1)) + (7 ^ (2 << 1)) + (6 ^ (9 << 1))
		  + (12345 ^ (3 << 1));
  if (r1 != 15 || r2 != 12348)
    return 1;
  return !(s - s0 == want && c - c0 == 4 && w - w0 == 2);
}

/* { dg-final { scan-tree-dump "__bpfinst_\[0-9a-f\]+\\.inst_add\\.\[0-9\]+ \\(" "optimized" } } */
