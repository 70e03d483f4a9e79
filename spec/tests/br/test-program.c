/* Branches on an unsigned comparison, on a signed one, and on an
   integer's truth value (a comparison with 0).  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;
  int x;

  while (scanf ("%lx %lx %x", &a, &b, &x) == 3)
    {
      if (a < b)
	fprintf (stderr, "less\n");
      else
	fprintf (stderr, "not less\n");
      if (a == b)
	fprintf (stderr, "equal\n");
      if (x)
	fprintf (stderr, "nonzero\n");
    }
  return 0;
}
