/* Stores to and loads from the fields of a global structure, directly and
   through pointers.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch;

struct rec
{
  long l;
  int i;
  short s;
  unsigned char c;
  _Bool b;
  int *p;
};

struct rec g;

int
main (void)
{
  long l;
  int i, c;
  short s;

  watch = (uintptr_t) &g;
  while (scanf ("%ld %d %hd %d", &l, &i, &s, &c) == 4)
    {
      struct rec *rp = &g;
      g.l = l;
      g.i = i;
      g.s = s;
      g.c = c;
      g.b = c;
      g.p = &g.i;
      rp->s = s + 1;

      long l2 = g.l;
      int i2 = g.i;
      short s2 = g.s;
      unsigned char c2 = g.c;
      _Bool b2 = g.b;
      int *p2 = g.p;
      int via = *p2;
      short s3 = rp->s;
      fprintf (stderr, "%ld %d %d %d %d %d %d %d\n", l2, i2, s2, c2, b2,
	       (int) ((char *) p2 - (char *) &g), via, s3);
    }
  return 0;
}
