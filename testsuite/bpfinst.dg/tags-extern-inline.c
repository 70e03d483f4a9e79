/* An extern inline function is only ever inlined: the tag code must not
   refer to its address, which no object defines (regression: undefined
   reference at link time).  */
/* { dg-do run } */
/* { dg-options "-O2 -std=gnu89" } */
/* { dg-bpfinst-inst "tagprop.bpf.c" } */

extern inline __attribute__ ((always_inline)) int
twice (int x)
{
  return x + x;
}

int
main (void)
{
  volatile int v = 21;
  return twice (v) - 42;
}
