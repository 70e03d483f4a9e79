/* A long converted to char, short and int.  */
#include <stdio.h>

int
main (void)
{
  long x;

  while (scanf ("%lx", &x) == 1)
    {
      unsigned char c = x;
      short s = x;
      int i = x;
      fprintf (stderr, "%#x %#x %#x\n", (unsigned) c, (unsigned) s,
	       (unsigned) i);
    }
  return 0;
}
