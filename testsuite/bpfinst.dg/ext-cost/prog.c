/* A program with the operations the extension hooks see: calls, direct
   and through a pointer, returns with and without a value, a switch, a
   computed goto's neighbours, loads and stores.  */
#include <stdio.h>
#include <stdlib.h>

static int table[16];

static int
square (int x)
{
  return x * x;
}

static int
twice (int x)
{
  return x + x;
}

int (*volatile pick) (int) = twice;

static void
fill (int n)
{
  for (int i = 0; i < n && i < 16; i++)
    table[i] = square (i) + pick (i);
}

int
classify (int v)
{
  switch (v % 5)
    {
    case 0: return 10;
    case 1: return square (v);
    case 3: return pick (v) - 1;
    default: return v;
    }
}

int
main (int argc, char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 12;
  long sum = 0;
  fill (n);
  for (int i = 0; i < 16; i++)
    sum += classify (table[i]);
  printf ("%ld\n", sum);
  return 0;
}
