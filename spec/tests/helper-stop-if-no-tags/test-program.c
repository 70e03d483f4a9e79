/* Additions and multiplications by 1000003.  */
#include <stdio.h>

int
main (void)
{
  long a;

  while (scanf ("%ld", &a) == 1)
    {
      long x = a + 1000003;
      long y = a * 1000003;
      fprintf (stderr, "%ld %ld\n", x, y);
    }
  return 0;
}
