/* Exclusive or of each input with 0x5eed0000.  */
#include <stdio.h>

int
main (void)
{
  unsigned long a;

  while (scanf ("%lx", &a) == 1)
    {
      unsigned long r = a ^ 0x5eed0000;
      fprintf (stderr, "%#lx\n", r);
    }
  return 0;
}
