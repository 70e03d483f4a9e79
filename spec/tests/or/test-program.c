/* Bitwise or of two inputs, 64- and 32-bit.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;
  unsigned c, d;

  while (scanf ("%lx %lx %x %x", &a, &b, &c, &d) == 4)
    {
      unsigned long r = a | b;
      unsigned s = c | d;
      fprintf (stderr, "%#lx %#x\n", r, s);
    }
  return 0;
}
