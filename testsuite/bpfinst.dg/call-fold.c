/* Three calls, one indirect: inst_call of call-fold.bpf.c leaves
   nothing at the two direct ones, even at -O0 (call_kind () is a
   constant there, and the address called is not needed).  */
/* { dg-do compile } */
/* { dg-options "-O0 -fplugin-arg-bpfinst-stats -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "call-fold.bpf.c" } */
/* { dg-message "bpfinst: \[^\n\]*: inst_call: 3 operations instrumented, " "stats" { target *-*-* } 0 } */

int g (int);

int
f (int (*h) (int), int x)
{
  return g (x) + h (x) + g (x + 1);
}

/* { dg-final { scan-tree-dump-times "event_dispatch_slow_call \\(" 1 "optimized" } } */
/* { dg-final { scan-tree-dump-not "&g" "optimized" } } */
