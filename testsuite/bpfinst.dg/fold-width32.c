/* bit_width_res () is a constant: for 32-bit additions the guarded slow
   call is folded away at -O2.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "width8.bpf.c" } */

int
add3 (int a, int b, int c)
{
  return a + b + c;
}

unsigned
addu (unsigned a, unsigned b)
{
  return a + b;
}

/* { dg-final { scan-tree-dump-not "event_dispatch_slow_call" "optimized" } } */
/* { dg-final { scan-tree-dump " \\+ " "optimized" } } */
