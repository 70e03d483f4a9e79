/* An untagged argument after a tagged one has tag 0 in the callee, even
   when an earlier call left a tag in its slot.  */
#include <stdio.h>

static long loaded;
static volatile long sink;

__attribute__ ((noinline)) static void
take (long a, long b)
{
  sink = a * 1009;
  sink = b * 1009;
}

int
main (void)
{
  long v;
  if (scanf ("%ld", &v) != 1)
    return 1;
  loaded = v;
  long x = v + 1000;
  long x2 = v + 2000;
  take (x2, x2);
  take (x, loaded);
  return 0;
}
