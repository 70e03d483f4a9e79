/* Left shifts of a 64-bit and of a 32-bit value by an int.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a;
  int c, s;

  while (scanf ("%lx %x %d", &a, &c, &s) == 3)
    {
      unsigned long r = a << s;
      int t = c << s;
      fprintf (stderr, "%#lx %#x\n", r, t);
    }
  return 0;
}
