/* The hook spills to its BPF stack; at -O2 GCC turns the stack slots
   into registers: the optimized dump keeps the slow call but no local
   array (no "stack" object, no local array declaration), and the
   program computes the same values.  */
/* { dg-do run } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "spill.bpf.c" } */
/* { dg-bpfinst-native "spill-native.c" } */

extern int test_check (unsigned long long a, unsigned long long b);

__attribute__ ((noipa)) unsigned
add (unsigned a, unsigned b)
{
  return a + b;
}

int
main (void)
{
  if (add (1000, 234) != 1234)
    return 1;
  if (!test_check (1000, 234))
    return 2;
  if (add (7, 0xfffffff0u) != 0xfffffff7u)
    return 3;
  if (!test_check (7, 0xfffffff0u))
    return 4;
  return 0;
}

/* { dg-final { scan-tree-dump "event_dispatch_slow_call" "optimized" } } */
/* { dg-final { scan-tree-dump-not "\[Ss\]tack" "optimized" } } */
/* { dg-final { scan-tree-dump-not "\n  \[A-Za-z_\]\[^\n=;()\]* \[A-Za-z_\]\[A-Za-z0-9_.\]*\\\[\[0-9\]+\\\];" "optimized" } } */
