/* Comparisons of pointers into one buffer.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch;
static int buf[16];

int
main (void)
{
  int i, j;

  watch = (uintptr_t) buf;
  while (scanf ("%d %d", &i, &j) == 2)
    {
      int *p = buf + i;
      int *q = buf + j;
      int lt = p < q;
      int ge = p >= q;
      int eq = p == q;
      fprintf (stderr, "%d %d %d\n", lt, ge, eq);
    }
  return 0;
}
