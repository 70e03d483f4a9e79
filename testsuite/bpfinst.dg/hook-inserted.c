/* The add hook is inlined in front of the addition: the slow call comes
   first, then the addition itself.  */
/* { dg-do compile } */
/* { dg-options "-O0 -fplugin-arg-bpfinst-dump" } */
/* { dg-bpfinst-inst "count.bpf.c" } */

int
add (int a, int b)
{
  return a + b;
}

/* { dg-final { scan-tree-dump "event_dispatch_slow_call" "bpfinst" } } */
/* { dg-final { scan-tree-dump "event_dispatch_slow_call.*= \[^\n;\]+ \\+ \[^\n;\]+;" "bpfinst" } } */
/* { dg-final { scan-tree-dump-times "event_dispatch_slow_call \\(" 1 "bpfinst" } } */
