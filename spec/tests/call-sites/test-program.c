/* Direct calls, calls through a parameter and through a pointer chosen
   at run time, of functions whose addresses the native half knows; and
   calls of C library functions (strlen, memcpy), which are call sites
   too.  */
#include <stdio.h>
#include <string.h>

void note_function (const char *name, void (*fn) (void));

char words[2][8] = { "two", "three" };
char copy[8];

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
  note_function ("strlen", (void (*) (void)) strlen);
  note_function ("memcpy", (void (*) (void)) memcpy);
  while (scanf ("%d", &n) == 1)
    {
      int r = t_sq (n);
      r += t_apply (t_cube, n);
      int (*fp) (int) = n > 2 ? t_sq : t_cube;
      r += fp (n);
      size_t len = strlen (words[n & 1]);
      memcpy (copy, words[n & 1], len + 1);
      r += copy[0];
      fprintf (stderr, "%d\n", r);
    }
  return 0;
}
