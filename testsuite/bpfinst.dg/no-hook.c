/* An instrumenter may define no hook (its native half may only watch
   system calls): the program is built, not instrumented, and runs; with
   -fplugin-arg-bpfinst-verbose the plugin says so.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-verbose -fdump-tree-optimized" } */
/* { dg-bpfinst-inst "no-hook.bpf.c" } */
/* { dg-message "note: bpfinst: \[^\n\]*no-hook-\[a-z-\]*.o defines no hook: nothing is instrumented" "no hook note" { target *-*-* } 0 } */
/* { dg-final { scan-tree-dump-not "event_dispatch_slow_call|__bpfinst" "optimized" } } */

__attribute__ ((noipa)) int
add (int a, int b)
{
  return a + b;
}

int
main (void)
{
  return add (40, 2) != 42;
}
