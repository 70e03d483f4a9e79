/* Additions of 64- and 32-bit values, with the magic addend as a constant
   and as an input.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;
  int i;

  while (scanf ("%lu %d %lu", &a, &i, &b) == 3)
    {
      unsigned long r = a + 1000003;
      int s = i + 1000003;
      unsigned long t = a + b;
      fprintf (stderr, "%lu %d %lu\n", r, s, t);
    }
  return 0;
}
