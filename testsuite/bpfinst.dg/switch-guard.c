/* With -fplugin-arg-bpfinst-switch=on every inlined hook is guarded by
   the run-time switch: the function copies __bpfinst_enabled into a
   register on entry and after each call (here: the slow call of each of
   the two hooks), and each hook is one branch on that copy.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-switch=on -fplugin-arg-bpfinst-dump" } */
/* { dg-bpfinst-inst "count.bpf.c" } */

int
add3 (int a, int b, int c)
{
  return a + b + c;
}

/* { dg-final { scan-tree-dump-times "= __bpfinst_enabled;" 3 "bpfinst" } } */
/* { dg-final { scan-tree-dump "Now a gimple register: bpfinst_on" "bpfinst" } } */
/* { dg-final { scan-tree-dump-times "if \\(_\[0-9\]+ != 0\\)" 2 "bpfinst" } } */
/* { dg-final { scan-tree-dump-times "event_dispatch_slow_call \\(1\\)" 2 "bpfinst" } } */
