/* Subtractions of two inputs.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a, b;

  while (scanf ("%lu %lu", &a, &b) == 2)
    {
      unsigned long r = a - b;
      fprintf (stderr, "%lu\n", r);
    }
  return 0;
}
