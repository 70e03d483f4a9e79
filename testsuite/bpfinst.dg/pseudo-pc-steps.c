/* With tags, the address steps of "p = &a[i]" (an operation without a
   hook of its own, numbered like the next one) and those of the next
   operation, a load "b[j]", run the mul and add hooks: each step has a
   pseudo_pc () of its own.  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "pseudo-pc-steps.bpf.c" } */
/* { dg-bpfinst-native "pcs-native.c" } */

extern unsigned long long test_calls (void);
extern unsigned long long test_distinct (void);

int ga[16], gb[16];

__attribute__ ((noipa)) int
steps (long i, long j, int **pp)
{
  int *q = &ga[i];
  int v = gb[j];
  *pp = q;
  return v;
}

int
main (void)
{
  int *p;
  unsigned long long before = test_calls ();
  steps (3, 5, &p);
  unsigned long long calls = test_calls () - before;
  /* Two multiplications and two additions (at least: -O0 keeps them).  */
  if (calls < 4)
    return 1;
  if (test_distinct () != test_calls ())
    return 2;
  return p != &ga[3];
}
