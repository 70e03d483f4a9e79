/* Values flow from an addition through memory into another addition.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch;
long cell;

int
main (void)
{
  long a;

  watch = (uintptr_t) &cell;
  while (scanf ("%ld", &a) == 1)
    {
      long x = a + 1000003;
      cell = x;
      long y = cell;
      long z = y + 1000003;
      fprintf (stderr, "%ld %ld\n", x, z);
    }
  return 0;
}
