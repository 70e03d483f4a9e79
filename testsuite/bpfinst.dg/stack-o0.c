/* Control for stack-scalarized.c: without optimization the hook's BPF
   stack is still there right after instrumentation, as a local array
   that the same patterns find.  */
/* { dg-do compile } */
/* { dg-options "-O0 -fplugin-arg-bpfinst-dump" } */
/* { dg-bpfinst-inst "spill.bpf.c" } */

unsigned
add (unsigned a, unsigned b)
{
  return a + b;
}

/* { dg-final { scan-tree-dump "event_dispatch_slow_call" "bpfinst" } } */
/* { dg-final { scan-tree-dump "\n  \[A-Za-z_\]\[^\n=;()\]* \[A-Za-z_\]\[A-Za-z0-9_.\]*\\\[\[0-9\]+\\\];" "bpfinst" } } */
