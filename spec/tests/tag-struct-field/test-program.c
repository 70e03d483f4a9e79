/* Field and element addresses computed from a pointer loaded from a
   (tagged) pointer variable, at untagged indices: loads through them, and
   differences of two element addresses (mode 0) or of two field addresses
   (mode 1).  A load from the array itself at the same kind of index is
   untagged.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch, watch_size, watch_ptr;

struct rec
{
  long a;
  int f;
  short g;
  char name[6];
};

struct rec table[8];
struct rec *ptab = table;

int
main (void)
{
  long i, j, k;
  int mode;

  for (int n = 0; n < 8; n++)
    {
      table[n].a = n * 100;
      table[n].f = n * 10;
      table[n].g = n;
      snprintf (table[n].name, sizeof table[n].name, "r%d", n);
    }
  watch = (uintptr_t) table;
  watch_size = sizeof table;
  watch_ptr = (uintptr_t) &ptab;
  while (scanf ("%d %ld %ld %ld", &mode, &i, &j, &k) == 4)
    {
      struct rec *p = ptab;
      int f = p[i].f;
      char c = p[j].name[k];
      long d;
      if (mode == 0)
	{
	  struct rec *r1 = &p[j];
	  struct rec *r2 = &p[i];
	  d = r1 - r2;
	}
      else
	{
	  int *q1 = &p[j].f;
	  int *q2 = &p[i].f;
	  d = q1 - q2;
	}
      long a = table[j].a;
      fprintf (stderr, "%d %c %ld %ld\n", f, c, d, a);
    }
  return 0;
}
