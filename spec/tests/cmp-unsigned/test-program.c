/* The six comparisons of two unsigned longs, and < on unsigned chars.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;
  unsigned char c, d;

  while (scanf ("%lx %lx %hhx %hhx", &a, &b, &c, &d) == 4)
    {
      int lt = a < b;
      int le = a <= b;
      int gt = a > b;
      int ge = a >= b;
      int eq = a == b;
      int ne = a != b;
      int clt = c < d;
      fprintf (stderr, "%d %d %d %d %d %d %d\n", lt, le, gt, ge, eq, ne, clt);
    }
  return 0;
}
