/* Tagged values stored into a heap buffer, copied byte by byte, loaded
   back in other widths and multiplied by 1009.  The loaded long at
   buf + 16 holds four bytes tagged 0x77 and four untagged ones; the one at
   buf + 24 eight bytes tagged 0x100, until an untagged store overwrites
   them.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

extern uint64_t watch, watch_size;
extern void forget (void *p, size_t n);

#define SIZE 32

int
main (void)
{
  long a, b;

  while (scanf ("%ld %ld", &a, &b) == 2)
    {
      unsigned char *buf = calloc (SIZE, 1);
      if (!buf)
	return 1;
      watch = (uintptr_t) buf;
      watch_size = SIZE;

      *(int *) buf = (int) a;
      *(int *) (buf + 4) = (int) a + 1000003;
      *(long *) (buf + 8) = b + 2000003;
      for (int i = 0; i < 16; i++)
	buf[16 + i] = buf[i];

      long y1 = *(long *) (buf + 16);
      long z1 = y1 * 1009;
      long y2 = *(long *) (buf + 24);
      long z2 = y2 * 1009;
      int y3 = *(int *) (buf + 16);
      long z3 = y3 * 1009L;
      *(long *) (buf + 24) = b;
      long y4 = *(long *) (buf + 24);
      long z4 = y4 * 1009;
      fprintf (stderr, "%ld %ld %ld %ld\n", z1, z2, z3, z4);

      forget (buf, SIZE);
      watch = watch_size = 0;
      free (buf);
    }
  return 0;
}
