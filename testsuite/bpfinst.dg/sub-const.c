/* GCC canonicalizes x - 5 into x + -5; the plugin still presents it to
   inst_sub as the subtraction of 5.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "sub.bpf.c" } */
/* { dg-bpfinst-native "sub-native.c" } */

extern int test_sub (unsigned long long a, unsigned long long b,
		     unsigned long long width);

__attribute__ ((noipa)) int
minus5 (int x)
{
  return x - 5;
}

__attribute__ ((noipa)) long long
minus (long long x, long long y)
{
  return x - y;
}

int
main (void)
{
  if (minus5 (100) != 95)
    return 1;
  if (!test_sub (100, 5, 32))
    return 2;
  if (minus5 (-1) != -6)
    return 3;
  if (!test_sub (0xffffffffull, 5, 32))
    return 4;
  if (minus (10, 3) != 7)
    return 5;
  if (!test_sub (10, 3, 64))
    return 6;
  return 0;
}
