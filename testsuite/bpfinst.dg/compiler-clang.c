/* An instrumenter built by clang works: every addition of the program
   reaches the native half once.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "count.bpf.c" clang } */
/* { dg-bpfinst-native "count-native.c" } */

extern unsigned long long test_count (unsigned long long code);

__attribute__ ((noipa)) int
add (int a, int b)
{
  return a + b;
}

__attribute__ ((noipa)) unsigned char
add8 (unsigned char a, unsigned char b)
{
  return a + b;
}

int
main (void)
{
  unsigned long long before = test_count (1);
  if (add (40, 2) != 42)
    return 1;
  if (test_count (1) - before != 1)
    return 2;
  if (add8 (250, 10) != 4)
    return 3;
  if (test_count (1) - before != 2)
    return 4;
  return 0;
}
