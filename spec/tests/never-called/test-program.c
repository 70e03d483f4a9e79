/* Remainders, and negated and/or/xor: none of them is a floor or
   non-negative remainder, a nand, a nor or an eqv to the instrumenter.  */
#include <stdio.h>

int
main (void)
{
  long a, b;
  unsigned long u, v;

  while (scanf ("%ld %ld %lu %lu", &a, &b, &u, &v) == 4)
    {
      long r = a % b;
      long floor_mod = ((a % b) + b) % b;
      unsigned long m = u % v;
      unsigned long nand = ~(u & v);
      unsigned long nor = ~(u | v);
      unsigned long eqv = ~(u ^ v);
      fprintf (stderr, "%ld %ld %lu %#lx %#lx %#lx\n", r, floor_mod, m,
	       nand, nor, eqv);
    }
  return 0;
}
