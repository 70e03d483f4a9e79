/* A table of operations called through function pointers, which a
   command can corrupt: "c I" points entry I into the middle of its
   function, "s I" at a function that was never registered.  */
#include <stdio.h>

void cfi_allow (void (*fn) (void));

typedef int (*op_fn) (int, int);

static int
t_add (int a, int b)
{
  return a + b;
}

static int
t_mul (int a, int b)
{
  return a * b;
}

static int
t_secret (int a, int b)
{
  fprintf (stderr, "t_secret reached\n");
  return a - b;
}

static struct
{
  const char *name;
  op_fn fn;
} ops[2] = { { "add", t_add }, { "mul", t_mul } };

static int
t_run (int i, int a, int b)
{
  return ops[i].fn (a, b);
}

int
main (void)
{
  char cmd;
  int i, a, b;
  cfi_allow ((void (*) (void)) t_add);
  cfi_allow ((void (*) (void)) t_mul);
  while (scanf (" %c %d", &cmd, &i) == 2)
    {
      i &= 1;
      if (cmd == 'c')
	ops[i].fn = (op_fn) (void (*) (void)) ((char *) ops[i].fn + 4);
      else if (cmd == 's')
	ops[i].fn = t_secret;
      else if (scanf ("%d %d", &a, &b) == 2)
	fprintf (stderr, "%s %d %d = %d\n", ops[i].name, a, b,
		 t_run (i, a, b));
    }
  return 0;
}
