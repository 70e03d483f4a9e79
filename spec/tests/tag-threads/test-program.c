/* Four threads at once each tag values with their own tag, pass them
   through direct and indirect calls, and multiply them by 3000017; they
   also multiply untagged values (returned by the same functions) by
   3000029.  The native half counts the checks and the tags that were not
   the thread's.  Input: the number of iterations of each thread (the
   values stay below 3000017).  */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NTHREADS 4

extern void expect_tag (uint64_t tag);
extern void report (void);

long magic[NTHREADS] = { 1000003, 1000004, 1000005, 1000006 };

__attribute__ ((noipa)) long
pass (long x)
{
  return x;
}

__attribute__ ((noipa)) long
second (long x, long y)
{
  (void) x;
  return y;
}

__attribute__ ((noipa)) long
first (long x, long y)
{
  (void) y;
  return x;
}

static long (*passers[2]) (long) = { pass, pass };
static long (*pickers[2]) (long, long) = { second, first };

struct job
{
  int id;
  long iters;
  long sum;
};

static void *
work (void *p)
{
  struct job *j = p;
  long m = magic[j->id];
  long sum = 0;

  expect_tag (0x1000 * (j->id + 1));
  for (long i = 0; i < j->iters; i++)
    {
      long x = i + m;
      long y = pass (x);
      long z = passers[i & 1] (y);
      long u = i & 1 ? pickers[1] (z, i) : pickers[0] (i, z);
      long v = second (z, i);
      sum += u * 3000017;
      sum += v * 3000029;
      sum += pass (i) * 3000029;
    }
  j->sum = sum;
  return NULL;
}

int
main (void)
{
  long iters;
  pthread_t th[NTHREADS];
  struct job jobs[NTHREADS];

  if (scanf ("%ld", &iters) != 1)
    return 1;
  for (int k = 0; k < NTHREADS; k++)
    {
      jobs[k].id = k;
      jobs[k].iters = iters;
      if (pthread_create (&th[k], NULL, work, &jobs[k]) != 0)
	return 1;
    }
  for (int k = 0; k < NTHREADS; k++)
    pthread_join (th[k], NULL);
  report ();
  return 0;
}
