/* Functions selected by instrument lists (select.exp): each makes one
   addition, so it runs the count instrumenter's inst_add once per call
   when it is instrumented, never when it is not.  Prints, for each
   function, how many hooks one call ran.  */
#include <stdio.h>

#include "hdr.h"

extern unsigned long long test_count (unsigned long long code);
extern int other_fn (int a);

__attribute__ ((noipa)) int
alpha (int a)
{
  return a + 7;
}

__attribute__ ((noipa)) int
beta (int a)
{
  return a + 7;
}

/* The assembler name differs from the source name.  */
__attribute__ ((noipa)) int renamed (int a) __asm__ ("renamed_in_asm");

int
renamed (int a)
{
  return a + 7;
}

typedef int (*fn_t) (int);

/* Measure outside the instrumentation, so that only the callee counts.  */
__attribute__ ((no_instrument_function)) static int
report (const char *name, fn_t f)
{
  unsigned long long before = test_count (1);
  int r = f (35);
  unsigned long long n = test_count (1) - before;
  printf ("%s %llu\n", name, n);
  return r == 42;
}

__attribute__ ((no_instrument_function)) int
main (void)
{
  int ok = 1;
  ok &= report ("alpha", alpha);
  ok &= report ("beta", beta);
  ok &= report ("renamed", renamed);
  ok &= report ("in_header", in_header);
  ok &= report ("other_fn", other_fn);
  return ok ? 0 : 1;
}
