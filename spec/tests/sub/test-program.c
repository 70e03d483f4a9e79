/* Subtractions of two inputs, 64- and 32-bit.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;
  int c, d;

  while (scanf ("%lu %lu %d %d", &a, &b, &c, &d) == 4)
    {
      unsigned long r = a - b;
      int s = c - d;
      fprintf (stderr, "%lu %d\n", r, s);
    }
  return 0;
}
