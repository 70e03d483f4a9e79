/* pseudo_pc () is a compile-time constant: it reaches the native half as
   a constant argument, distinct for the two additions and the same every
   time one addition runs.  */
/* { dg-do run } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "pseudo-pc.bpf.c" } */
/* { dg-bpfinst-native "last-native.c" } */

extern unsigned long long test_last (void);

__attribute__ ((noipa)) int
add1 (int a, int b)
{
  return a + b;
}

__attribute__ ((noipa)) int
add2 (int a, int b)
{
  return a + b;
}

int
main (void)
{
  unsigned long long pc1, pc1again, pc2;
  if (add1 (2, 3) != 5)
    return 1;
  pc1 = test_last ();
  if (add2 (2, 3) != 5)
    return 2;
  pc2 = test_last ();
  if (add1 (4, 5) != 9)
    return 3;
  pc1again = test_last ();
  if (pc1 != pc1again)
    return 4;
  if (pc1 == pc2)
    return 5;
  return 0;
}

/* { dg-final { scan-tree-dump-times "event_dispatch_slow_call \\(\[0-9\]+\\)" 2 "optimized" } } */
/* { dg-final { scan-tree-dump-not "event_dispatch_slow_call \\(\[^0-9)\]" "optimized" } } */
