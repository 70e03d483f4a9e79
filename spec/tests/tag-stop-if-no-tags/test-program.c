/* A multiplication with a tagged operand, a division with a tagged second
   operand, and both with untagged operands.  */
#include <stdio.h>

int
main (void)
{
  long a, c;

  while (scanf ("%ld %ld", &a, &c) == 2)
    {
      long x = a + 1000003;
      long y = x * 3;
      long z = a * 3;
      long w = c / x;
      long k = z * c;
      long m = z / c;
      fprintf (stderr, "%ld %ld %ld %ld %ld\n", y, z, w, k, m);
    }
  return 0;
}
