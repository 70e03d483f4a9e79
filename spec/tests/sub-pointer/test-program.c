/* Differences of char and int pointers into one buffer.  */
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
      char *p = (char *) buf + i;
      char *q = (char *) buf + j;
      int *ip = buf + i;
      int *iq = buf + j;
      long d = q - p;
      long n = iq - ip;
      fprintf (stderr, "%ld %ld\n", d, n);
    }
  return 0;
}
