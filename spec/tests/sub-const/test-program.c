/* x - C is x + -C to GCC; the instrumenter sees a subtraction of C.  */
#include <stdio.h>

int
main (void)
{
  unsigned long x;
  int y;
  unsigned u;

  while (scanf ("%lu %d %u", &x, &y, &u) == 3)
    {
      unsigned long r1 = x - 12;
      int r2 = y - 12;
      unsigned r3 = u - 12;
      unsigned long r4 = x + 5;
      int r5 = y + -7;
      fprintf (stderr, "%lu %d %u %lu %d\n", r1, r2, r3, r4, r5);
    }
  return 0;
}
