/* By default (no -fplugin-arg-bpfinst-switch) the hooks are inlined
   without the run-time switch.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-dump" } */
/* { dg-bpfinst-inst "count.bpf.c" } */

int
add3 (int a, int b, int c)
{
  return a + b + c;
}

/* { dg-final { scan-tree-dump-not "__bpfinst_enabled" "bpfinst" } } */
/* { dg-final { scan-tree-dump-not "if \\(" "bpfinst" } } */
/* { dg-final { scan-tree-dump-times "event_dispatch_slow_call \\(1\\)" 2 "bpfinst" } } */
