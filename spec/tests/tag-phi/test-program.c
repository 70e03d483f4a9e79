/* A value chosen between a tagged and an untagged one, and a loop that
   accumulates onto a tagged or an untagged start.  */
#include <stdio.h>

int
main (void)
{
  long a, b;
  int pick, n;

  while (scanf ("%ld %ld %d %d", &a, &b, &pick, &n) == 4)
    {
      long x = a + 1000003;
      long y;
      if (pick)
	y = x;
      else
	y = b;
      long z = y * 1009;

      long acc = pick ? x : b;
      for (int i = 0; i < n; i++)
	acc = acc + i;
      long w = acc * 1009;
      fprintf (stderr, "%ld %ld\n", z, w);
    }
  return 0;
}
