/* The same hook as fold-width32.c keeps its slow call for a char
   addition.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "width8.bpf.c" } */

unsigned char
add8 (unsigned char a, unsigned char b)
{
  return a + b;
}

/* { dg-final { scan-tree-dump-times "event_dispatch_slow_call \\(8\\)" 1 "optimized" } } */
