/* Right shifts of negative signed 64- and 32-bit values.  */
#include <stdio.h>

int
main (void)
{
  long a;
  int c, s;

  while (scanf ("%ld %d %d", &a, &c, &s) == 3)
    {
      long r = a >> s;
      int t = c >> s;
      fprintf (stderr, "%ld %d\n", r, t);
    }
  return 0;
}
