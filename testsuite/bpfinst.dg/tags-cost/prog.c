/* A program with what tags travel through: arithmetic, loads and stores,
   a loop (PHIs), direct and indirect calls with arguments and return
   values.  Every function has an addition, so every function gets hook
   code.  */
#include <stddef.h>

long table[64];

__attribute__ ((noinline)) long
scale (long v, long k)
{
  return v * k + 1;
}

__attribute__ ((noinline)) long
sum (const long *p, size_t n)
{
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] * 3;
  return s;
}

static long (*const ops[2]) (long, long) = { scale, scale };

long
run (long x, unsigned sel)
{
  for (int i = 0; i < 64; i++)
    table[i] = scale (x + i, 5);
  long t = ops[sel & 1] (sum (table, 64), x + 2);
  return t + table[sel % 64];
}
