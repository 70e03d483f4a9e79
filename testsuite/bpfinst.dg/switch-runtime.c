/* The run-time switch (bpfinst/control.h): turned off, the hooks do not
   run; turned on again mid-run, they run again; the program's results do
   not change either way.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-switch=on" } */
/* { dg-bpfinst-inst "count.bpf.c" } */
/* { dg-bpfinst-native "count-native.c" } */

#include <bpfinst/control.h>

extern unsigned long long test_count (unsigned long long code);

__attribute__ ((noipa)) int
add (int a, int b)
{
  return a + b;
}

/* Hooks run by one call of add (40, 2), which must return 42.  */
__attribute__ ((no_instrument_function)) static long long
hooks_per_call (void)
{
  unsigned long long before = test_count (1);
  if (add (40, 2) != 42)
    return -1;
  return (long long) (test_count (1) - before);
}

/* Turns the hooks off and on itself: each change applies from the
   statement after the call on.  Returns 10 times the hooks run by the
   first addition plus those run by the second.  */
__attribute__ ((noipa)) unsigned long long
self_toggle (int a, int *out)
{
  unsigned long long n0 = test_count (1);
  bpfinst_set_enabled (0);
  int r = a + 5;
  unsigned long long n1 = test_count (1);
  bpfinst_set_enabled (1);
  r = r * 3 + 11;
  unsigned long long n2 = test_count (1);
  *out = r;
  return (n1 - n0) * 10 + (n2 - n1);
}

__attribute__ ((no_instrument_function)) int
main (void)
{
  int r;
  if (self_toggle (2, &r) != 1 || r != 32 || !bpfinst_enabled ())
    return 8;
  if (!bpfinst_enabled ())
    return 1;
  if (hooks_per_call () != 1)
    return 2;
  if (bpfinst_set_enabled (0) != 1 || bpfinst_enabled ())
    return 3;
  for (int i = 0; i < 3; i++)
    if (hooks_per_call () != 0)
      return 4;
  if (bpfinst_set_enabled (0) != 0)
    return 5;
  if (bpfinst_set_enabled (7) != 0 || bpfinst_enabled () != 1)
    return 6;
  if (hooks_per_call () != 1)
    return 7;
  return 0;
}
