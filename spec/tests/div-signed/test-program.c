/* Signed division of negative values (rounds toward zero).  */
#include <stdio.h>

int
main (void)
{
  long a, b;
  int c;

  while (scanf ("%ld %ld %d", &a, &b, &c) == 3)
    {
      long r = a / b;
      int s = c / 1009;
      fprintf (stderr, "%ld %d\n", r, s);
    }
  return 0;
}
