/* Functions that return a value of each width, none, from several
   places, recursively, when inlined; one left through longjmp (its
   exit is seen, not that of the function it was called from, which
   longjmp leaves too).  */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static int
t_square (int x)
{
  return x * x;
}

static inline int
t_neg (int x)
{
  return -x;
}

long long
t_fact (long long n)
{
  if (n <= 1)
    return 1;
  return n * t_fact (n - 1);
}

void
t_void (int *p)
{
  *p += 1;
}

int
t_early (int x)
{
  if (x > 10)
    return 1;
  if (x > 5)
    return 2;
  return 3;
}

_Bool
t_odd (int x)
{
  return x & 1;
}

void
t_jump (int x)
{
  if (x)
    longjmp (env, x);
}

void
t_escape (int x)
{
  t_jump (x);
  fprintf (stderr, "not reached\n");
}

int
main (void)
{
  int n;
  if (scanf ("%d", &n) != 1)
    return 1;
  int acc = t_square (n);
  acc += t_neg (n);
  t_void (&acc);
  acc += (int) t_fact (n);
  acc += t_early (n);
  acc += t_odd (n);
  if (setjmp (env) == 0)
    t_escape (n);
  printf ("%d\n", acc);
  return 0;
}
