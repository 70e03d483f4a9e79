/* The six comparisons of two longs, and < on ints.  */
#include <stdio.h>

int
main (void)
{
  long a, b;
  int c, d;

  while (scanf ("%ld %ld %d %d", &a, &b, &c, &d) == 4)
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
