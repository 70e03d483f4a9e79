/* One computed goto (GNU labels as values) per input number.  */
#include <stdio.h>

int
main (void)
{
  static void *const targets[] = { &&zero, &&one, &&two };
  unsigned k;

  while (scanf ("%u", &k) == 1)
    {
      goto *targets[k % 3];
    zero:
      fprintf (stderr, "zero\n");
      continue;
    one:
      fprintf (stderr, "one\n");
      continue;
    two:
      fprintf (stderr, "two\n");
    }
  return 0;
}
