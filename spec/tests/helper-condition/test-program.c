/* Branches on the six comparisons of two ints, then of two unsigned
   ints.  */
#include <stdio.h>

int
main (void)
{
  int a, b;
  unsigned c, d;

  while (scanf ("%d %d %u %u", &a, &b, &c, &d) == 4)
    {
      if (a < b)
	fprintf (stderr, "a < b\n");
      if (a <= b)
	fprintf (stderr, "a <= b\n");
      if (a > b)
	fprintf (stderr, "a > b\n");
      if (a >= b)
	fprintf (stderr, "a >= b\n");
      if (a == b)
	fprintf (stderr, "a == b\n");
      if (a != b)
	fprintf (stderr, "a != b\n");
      if (c < d)
	fprintf (stderr, "c < d\n");
      if (c <= d)
	fprintf (stderr, "c <= d\n");
      if (c > d)
	fprintf (stderr, "c > d\n");
      if (c >= d)
	fprintf (stderr, "c >= d\n");
      if (c == d)
	fprintf (stderr, "c == d\n");
      if (c != d)
	fprintf (stderr, "c != d\n");
    }
  return 0;
}
