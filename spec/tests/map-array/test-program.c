/* Each line "OP X" makes one operation of X with 1000003: a (add),
   s (subtract), m (multiply), x (xor).  */
#include <stdio.h>

int
main (void)
{
  char op;
  unsigned long long x;

  while (scanf (" %c %llu", &op, &x) == 2)
    {
      unsigned long long r;
      switch (op)
	{
	case 'a': r = x + 1000003; break;
	case 's': r = x - 1000003; break;
	case 'm': r = x * 1000003; break;
	default: r = x ^ 1000003; break;
	}
      fprintf (stderr, "%c %llu: %llu\n", op, x, r);
    }
  return 0;
}
