/* A hook that does not apply to any operation costs nothing: no
   multiplication or comparison gets the add hook, even at -O0.  */
/* { dg-do compile } */
/* { dg-options "-O0 -fplugin-arg-bpfinst-dump" } */
/* { dg-bpfinst-inst "count.bpf.c" } */

int
mul (int a, int b)
{
  return a < b ? a * b : b * 3;
}

/* { dg-final { scan-tree-dump-not "event_dispatch_slow_call" "bpfinst" } } */
/* { dg-final { scan-tree-dump " \\* " "bpfinst" } } */
