/* Three multiplications by 1000003, one of them in a function called
   twice per iteration.  */
#include <stdio.h>

static long
scale (long v)
{
  return v * 1000003;
}

int
main (void)
{
  long a, b;

  while (scanf ("%ld %ld", &a, &b) == 2)
    {
      long x = a * 1000003;
      long y = b * 1000003;
      long z1 = scale (a);
      long z2 = scale (b);
      fprintf (stderr, "%ld %ld %ld %ld\n", x, y, z1, z2);
    }
  return 0;
}
