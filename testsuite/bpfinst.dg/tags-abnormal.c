/* Tags in functions with abnormal edges: a pointer carried around a loop
   made of computed gotos, and a value live across __builtin_setjmp
   (regression: SSA corruption and a crash in the pass, first seen on
   GCC's torture tests for label values and setjmp).  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "../instrumenters/heavy/inst-bpf.c" } */
/* { dg-bpfinst-native "../instrumenters/heavy/inst-native.c" } */

static int out[8];

__attribute__ ((noipa)) static void
walk (unsigned short *start, unsigned short *step)
{
  int n = 0;
  int *w = out;
 again:
  n++;
  if (n == 4)
    {
      *w = -1;
      return;
    }
  *w++ = step - start;
  goto *(&&again + *step++);
}

static void *env[5];

__attribute__ ((noipa)) static void
leave (void)
{
  __builtin_longjmp (env, 1);
}

__attribute__ ((noipa)) static int
come_back (int x)
{
  volatile int seen = 0;
  if (__builtin_setjmp (env) == 0)
    for (;;)
      {
	seen = 1;
	leave ();
      }
  return seen ? x : 0;
}

int
main (void)
{
  unsigned short steps[8] = { 0 };
  walk (steps, steps);
  if (out[0] != 0 || out[1] != 1 || out[2] != 2 || out[3] != -1)
    return 1;
  if (come_back (7) != 7)
    return 2;
  return 0;
}
