/* A function calling setjmp inside nested loops whose conditions the
   hooks instrument (regression: GCC's vrp pass stopped with an internal
   compiler error in compute_live_loop_exits, after partial redundancy
   elimination, at -O2 and -O3; plain code of the same shape gets it
   too).  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "../instrumenters/heavy/inst-bpf.c" } */
/* { dg-bpfinst-native "../instrumenters/heavy/inst-native.c" } */

#include <setjmp.h>
#include <stdio.h>

typedef void (*step_fn) (void);

struct group
{
  int nsteps;
  step_fn before, after;
  step_fn *steps;
  struct group *next;
};

struct run
{
  struct group *groups;
  int done, failed;
};

static jmp_buf back;

static void
failed (struct run *run, int loud)
{
  run->failed++;
  if (loud >= 2)
    printf ("failed\n");
}

__attribute__ ((noipa)) void
run_all (struct run *run, int loud)
{
  struct group *g = run->groups;
  while (g != NULL)
    {
      int i;
      for (i = 0; i < g->nsteps; ++i)
	{
	  run->done++;
	  if (g->before != NULL)
	    {
	      if (setjmp (back))
		{
		  failed (run, loud);
		  continue;
		}
	      g->before ();
	    }
	  if (setjmp (back))
	    {
	      failed (run, loud);
	      continue;
	    }
	  (g->steps[i]) ();
	  if (g->after != NULL)
	    {
	      if (setjmp (back))
		{
		  failed (run, loud);
		  continue;
		}
	      g->after ();
	    }
	}
      g = g->next;
    }
  if (loud)
    {
      int passed = run->done - run->failed;
      double part = ((double) passed) / run->done;
      int shown = (int) (part * 100);
      printf ("%d%% of %d steps passed, %d failed\n", shown, run->done,
	      run->failed);
    }
}

static void
pass (void)
{
}

static void
fail (void)
{
  longjmp (back, 1);
}

int
main (void)
{
  step_fn first[3] = { pass, fail, pass };
  step_fn second[2] = { fail, pass };
  struct group g2 = { 2, NULL, fail, second, NULL };
  struct group g1 = { 3, pass, NULL, first, &g2 };
  struct run run = { &g1, 0, 0 };
  run_all (&run, 1);
  /* 5 steps; the second of the first group fails, and so does every step
     of the second group (its after step fails).  */
  return run.done != 5 || run.failed != 3;
}
