/* Multiplications by 1000003 of the input values.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a;

  while (scanf ("%lu", &a) == 1)
    {
      unsigned long r = a * 1000003;
      fprintf (stderr, "%lu\n", r);
    }
  return 0;
}
