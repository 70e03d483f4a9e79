/* With -flto the hooks are inserted at compile time, before GCC streams
   the GIMPLE, and survive the link-time optimization: they still run once
   per addition and the program computes the right results.  */
/* { dg-do run } */
/* { dg-options "-O2 -flto" } */
/* { dg-bpfinst-inst "count.bpf.c" } */
/* { dg-bpfinst-native "count-native.c" } */

extern unsigned long long test_count (unsigned long long code);

__attribute__ ((noipa)) int
add (int a, int b)
{
  return a + b;
}

__attribute__ ((noipa)) long long
add3 (long long a, long long b, long long c)
{
  return a + b + c;
}

int
main (void)
{
  unsigned long long before = test_count (1);
  if (add (20, 22) != 42)
    return 1;
  if (test_count (1) - before != 1)
    return 2;
  if (add3 (1, 2, 3) != 6)
    return 3;
  if (test_count (1) - before != 3)
    return 4;
  return 0;
}
