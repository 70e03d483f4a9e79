/* __builtin_clz, __builtin_clzl and __builtin_clzll.  */
#include <stdio.h>

int
main (void)
{
  unsigned u;
  unsigned long l;
  unsigned long long ll;

  while (scanf ("%x %lx %llx", &u, &l, &ll) == 3)
    {
      int r1 = __builtin_clz (u);
      int r2 = __builtin_clzl (l);
      int r3 = __builtin_clzll (ll);
      fprintf (stderr, "%d %d %d\n", r1, r2, r3);
    }
  return 0;
}
