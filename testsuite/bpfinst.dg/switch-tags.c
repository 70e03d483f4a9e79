/* Tags while the run-time switch is off: a value computed then has tag 0
   (the skipped hook's result tag), also once the hooks run again; values
   computed after that are tagged again; the results never change.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-switch=on" } */
/* { dg-bpfinst-inst "switch-tag.bpf.c" } */
/* { dg-bpfinst-native "switch-tag-native.c" } */

#include <bpfinst/control.h>

extern unsigned long long switch_seen_tag;
extern unsigned long long switch_xor_runs;

/* Tagged 5 by the hook of "+ 1000003".  */
__attribute__ ((noipa)) int
mark (int v)
{
  return v + 1000003;
}

/* Its addition passes the tag of V on.  */
__attribute__ ((noipa)) int
step (int v)
{
  return v + 1;
}

/* Records the tag of V.  */
__attribute__ ((noipa)) int
probe (int v)
{
  return v ^ 0x7777;
}

/* Instrumented, so that tags pass from one call to the next.  */
int
main (void)
{
  const int want = (3 + 1000003 + 1) ^ 0x7777;

  /* On: the tag travels through step () and the calls.  */
  switch_seen_tag = 99;
  if (probe (step (mark (3))) != want || switch_seen_tag != 5
      || switch_xor_runs != 1)
    return 1;

  /* Off: no hook runs, the result is the same.  */
  bpfinst_set_enabled (0);
  switch_seen_tag = 99;
  int v = step (mark (3));
  if (probe (v) != want || switch_seen_tag != 99 || switch_xor_runs != 1)
    return 2;

  /* On again: V, computed while off, has tag 0.  */
  bpfinst_set_enabled (1);
  if (probe (v) != want || switch_seen_tag != 0 || switch_xor_runs != 2)
    return 3;

  /* New values are tagged again.  */
  switch_seen_tag = 99;
  if (probe (step (mark (3))) != want || switch_seen_tag != 5
      || switch_xor_runs != 3)
    return 4;
  return 0;
}
