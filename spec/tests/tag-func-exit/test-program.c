/* A tagged value returned by the function that makes it, and by one
   that passes it on; untagged values returned around them.  */
#include <stdio.h>

__attribute__ ((noinline)) long
t_make (long v)
{
  return v + 1000003;
}

long
t_pass (long v)
{
  long r = t_make (v);
  return r;
}

__attribute__ ((noinline)) long
t_plain (long v)
{
  return v * 3;
}

int
main (void)
{
  long a;
  while (scanf ("%ld", &a) == 1)
    {
      long x = t_pass (a);
      long y = t_plain (a);
      fprintf (stderr, "%ld %ld\n", x, y);
    }
  return 0;
}
