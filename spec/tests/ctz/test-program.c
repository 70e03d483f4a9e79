/* __builtin_ctz, __builtin_ctzl and __builtin_ctzll.  */
#include <stdio.h>

int
main (void)
{
  unsigned u;
  unsigned long l;
  unsigned long long ll;

  while (scanf ("%x %lx %llx", &u, &l, &ll) == 3)
    {
      int r1 = __builtin_ctz (u);
      int r2 = __builtin_ctzl (l);
      int r3 = __builtin_ctzll (ll);
      fprintf (stderr, "%d %d %d\n", r1, r2, r3);
    }
  return 0;
}
