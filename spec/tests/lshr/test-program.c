/* Right shifts of unsigned 64- and 32-bit values.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a;
  unsigned c;
  int s;

  while (scanf ("%lx %x %d", &a, &c, &s) == 3)
    {
      unsigned long r = a >> s;
      unsigned t = c >> s;
      fprintf (stderr, "%#lx %#x\n", r, t);
    }
  return 0;
}
