/* Direct calls, calls through a parameter and through a pointer chosen
   at run time, of functions whose addresses the native half knows.  */
#include <stdio.h>

void note_function (const char *name, void (*fn) (void));

static int
t_sq (int x)
{
  return x * x;
}

static int
t_cube (int x)
{
  return x * x * x;
}

int
t_apply (int (*f) (int), int x)
{
  return f (x);
}

int
main (void)
{
  int n;
  note_function ("t_sq", (void (*) (void)) t_sq);
  note_function ("t_cube", (void (*) (void)) t_cube);
  note_function ("t_apply", (void (*) (void)) t_apply);
  while (scanf ("%d", &n) == 1)
    {
      int r = t_sq (n);
      r += t_apply (t_cube, n);
      int (*fp) (int) = n > 2 ? t_sq : t_cube;
      r += fp (n);
      fprintf (stderr, "%d\n", r);
    }
  return 0;
}
