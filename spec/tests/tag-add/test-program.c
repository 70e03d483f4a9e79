/* A tagged value used directly, through another addition, through a
   conversion, as the second operand; untagged values alongside.  */
#include <stdio.h>

int
main (void)
{
  long a, c;

  while (scanf ("%ld %ld", &a, &c) == 2)
    {
      long x = a + 1000003;
      long y = x * 1009;
      long v = c / x;
      long x1 = x + 1;
      long u = x1 * 1009;
      int t = (int) x;
      int k = t * 1009;
      long z = a * 1009;
      long yy = y + 5;
      long q = yy * 1009;
      long s = x - c;
      long r = s * 1009;
      fprintf (stderr, "%ld %ld %ld %d %ld %ld %ld\n", y, v, u, k, z, q, r);
    }
  return 0;
}
