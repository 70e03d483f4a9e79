/* Signed char, short and int widened to long, signed char to int, and int
   to unsigned long (widening from a signed type).  */
#include <stdio.h>

int
main (void)
{
  signed char c;
  short s;
  int i;

  while (scanf ("%hhd %hd %d", &c, &s, &i) == 3)
    {
      long r1 = c;
      long r2 = s;
      long r3 = i;
      int k = c;
      unsigned long u = i;
      fprintf (stderr, "%ld %ld %ld %d %#lx\n", r1, r2, r3, k, u);
    }
  return 0;
}
