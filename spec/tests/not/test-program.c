/* Bitwise not, 64- and 32-bit.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a;
  unsigned c;

  while (scanf ("%lx %x", &a, &c) == 2)
    {
      unsigned long r = ~a;
      unsigned s = ~c;
      fprintf (stderr, "%#lx %#x\n", r, s);
    }
  return 0;
}
