/* Negation of a long and of an int.  */
#include <stdio.h>

int
main (void)
{
  long x;
  int y;

  while (scanf ("%ld %d", &x, &y) == 2)
    {
      long r = -x;
      int s = -y;
      fprintf (stderr, "%ld %d\n", r, s);
    }
  return 0;
}
