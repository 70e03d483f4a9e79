/* Functions called directly, recursively, through pointers, inlined,
   and by the C library (qsort's comparison); several returns.  */
#include <stdio.h>
#include <stdlib.h>

static int
cmp (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

static inline int
twice (int x)
{
  return 2 * x;
}

__attribute__ ((noinline)) int
fib (int n)
{
  if (n < 2)
    return n;
  return fib (n - 1) + fib (n - 2);
}

static int
classify (int x)
{
  if (x < 0)
    return -1;
  if (x == 0)
    return 0;
  return twice (x);
}

int
apply (int (*f) (int), int x)
{
  return f (x);
}

int
main (int argc, char **argv)
{
  int v[5] = { 5, 3, 4, 1, 2 };
  (void) argv;
  qsort (v, 5, sizeof v[0], cmp);
  int s = fib (4 + argc);
  s += apply (classify, v[0] - argc);
  s += apply (twice, v[4]);
  printf ("%d\n", s);
  return 0;
}
