/* Products of two inputs, and of an input and a constant.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;
  int c;

  while (scanf ("%lu %lu %d", &a, &b, &c) == 3)
    {
      unsigned long r = a * b;
      int s = c * 1000003;
      fprintf (stderr, "%lu %d\n", r, s);
    }
  return 0;
}
