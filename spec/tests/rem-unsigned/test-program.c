/* Unsigned remainder, 64-bit by an input and 32-bit by a constant.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;
  unsigned c;

  while (scanf ("%lu %lu %u", &a, &b, &c) == 3)
    {
      unsigned long r = a % b;
      unsigned s = c % 1009;
      fprintf (stderr, "%lu %u\n", r, s);
    }
  return 0;
}
