/* Additions of 32-, 64- and 128-bit values, and stores of each scalar
   width.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch;

struct widths
{
  _Bool b;
  unsigned char c;
  short s;
  int i;
  long l;
  void *p;
};

struct widths g;

int
main (void)
{
  int i;
  long l;
  unsigned long hi, lo;

  watch = (uintptr_t) &g;
  while (scanf ("%d %ld %lx %lx", &i, &l, &hi, &lo) == 4)
    {
      int r1 = i + 1000003;
      long r2 = l + 1000003;
      unsigned __int128 w = ((unsigned __int128) hi << 64) | lo;
      unsigned __int128 r3 = w + 1000003;
      g.b = i;
      g.c = i;
      g.s = i;
      g.i = i;
      g.l = l;
      g.p = &g;
      fprintf (stderr, "%d %ld %#lx %#lx\n", r1, r2,
	       (unsigned long) (r3 >> 64), (unsigned long) r3);
    }
  return 0;
}
