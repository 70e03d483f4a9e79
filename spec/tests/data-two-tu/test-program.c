/* Additions of 1000003 in this file and in other.c.  */
#include <stdio.h>
#include "other.h"

int
main (void)
{
  long a, b;

  while (scanf ("%ld %ld", &a, &b) == 2)
    {
      long x = a + 1000003;
      long y = other_add (b);
      fprintf (stderr, "%ld %ld\n", x, y);
    }
  return 0;
}
