/* A tagged value stored to a global and loaded back, then an untagged
   one.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch;
long cell;

int
main (void)
{
  long a, b;

  watch = (uintptr_t) &cell;
  while (scanf ("%ld %ld", &a, &b) == 2)
    {
      cell = a + 1000003;
      long y = cell;
      long z = y * 1009;
      cell = b;
      long y2 = cell;
      long z2 = y2 * 1009;
      fprintf (stderr, "%ld %ld\n", z, z2);
    }
  return 0;
}
