/* Feeds every number read from stdin, and a few thousand derived ones,
   to an addition the instrumenter watches.  */
#include <stdio.h>

int
main (void)
{
  unsigned long long v, sum = 0;
  while (scanf ("%llx", &v) == 1)
    for (unsigned i = 0; i < 1000; i++)
      {
	unsigned long long a = v * (i + 1) ^ (v >> (i % 64));
	sum ^= a + 1000003;
      }
  printf ("%llx\n", sum);
  return 0;
}
