/* A tagged value made by one function, passed to others directly and
   through a function pointer; a value strtol returns right after the
   tagged return is untagged.  */
#include <stdio.h>
#include <stdlib.h>

__attribute__ ((noinline)) long
make (long v)
{
  return v + 1000003;
}

__attribute__ ((noinline)) long
scale (long v)
{
  long r = v * 1009;
  return r;
}

__attribute__ ((noinline)) long
ratio (long f, long v)
{
  long r = f / v;
  return r;
}

static long (*const scalers[2]) (long) = { scale, make };

int
main (void)
{
  long a, f;
  unsigned sel;
  char text[32];

  while (scanf ("%ld %ld %u %31s", &a, &f, &sel, text) == 4)
    {
      long x = make (a);
      long e = strtol (text, NULL, 10);
      long y = x * 1009;
      long z = scale (x);
      long w = ratio (f, x);
      long p = scalers[sel % 2] (x);
      long g = e * 1009;
      fprintf (stderr, "%ld %ld %ld %ld %ld\n", y, z, w, p, g);
    }
  return 0;
}
