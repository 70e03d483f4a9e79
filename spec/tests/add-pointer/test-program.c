/* A char pointer and an int pointer advanced by an input count.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t watch;
static int buf[16];

int
main (void)
{
  int i;
  unsigned long k;

  watch = (uintptr_t) buf;
  while (scanf ("%d %lu", &i, &k) == 2)
    {
      char *p = (char *) buf;
      int *ip = buf;
      char *q = p + i;
      int *iq = ip + k;
      fprintf (stderr, "%d %d\n", (int) (q - (char *) buf),
	       (int) ((char *) iq - (char *) buf));
    }
  return 0;
}
