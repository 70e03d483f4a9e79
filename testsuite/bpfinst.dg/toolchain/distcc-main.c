/* Built by distcc.exp on a distcc compile host and locally, with the
   count instrumenter: prints its results and how many additions ran the
   hook, which must be the same for both builds.  */
#include <stdio.h>

extern unsigned long long test_count (unsigned long long code);
extern long distcc_sum (int n);
extern unsigned distcc_mix (unsigned x, int rounds);

int
main (void)
{
  long s = distcc_sum (100);
  unsigned m = distcc_mix (12345u, 10);
  printf ("sum %ld mix %u hooks %llu\n", s, m, test_count (1));
  return s == 338350 ? 0 : 1;
}
