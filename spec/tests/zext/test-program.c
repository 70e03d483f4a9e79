/* Unsigned char, short and int widened to unsigned long, and unsigned
   char to int.  */
#include <stdio.h>

int
main (void)
{
  unsigned char c;
  unsigned short s;
  unsigned u;

  while (scanf ("%hhx %hx %x", &c, &s, &u) == 3)
    {
      unsigned long r1 = c;
      unsigned long r2 = s;
      unsigned long r3 = u;
      int k = c;
      fprintf (stderr, "%#lx %#lx %#lx %d\n", r1, r2, r3, k);
    }
  return 0;
}
