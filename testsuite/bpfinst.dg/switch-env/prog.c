/* The run-time switch from the environment (switch-env.exp): prints how
   many hooks ran in a constructor and in main, then turns the hooks on
   and prints how many ran for one more call.  */
#include <stdio.h>

#include <bpfinst/control.h>

extern unsigned long long test_count (unsigned long long code);

__attribute__ ((noipa)) int
add (int a, int b)
{
  return a + b;
}

static int in_constructor;

__attribute__ ((constructor)) static void
early (void)
{
  in_constructor = add (1, 2);
}

__attribute__ ((no_instrument_function)) int
main (void)
{
  unsigned long long n0 = test_count (1);
  int r = add (40, 2);
  unsigned long long n1 = test_count (1);
  printf ("enabled %d constructor %llu main %llu\n", bpfinst_enabled (), n0,
	  n1 - n0);
  bpfinst_set_enabled (1);
  r += add (40, 2);
  printf ("after on %llu\n", test_count (1) - n1);
  return r == 84 && in_constructor == 3 ? 0 : 1;
}
