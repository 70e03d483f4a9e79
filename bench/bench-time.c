/* bench-time.c - the wall time and the CPU time of a program, medians of
   several runs.

   Usage: bench-time RUNS INPUT OUTPUT PROGRAM [ARG...]
   Runs PROGRAM once to warm the caches, then RUNS times, one after the
   other, each with standard input read from INPUT ("-": /dev/null) and
   standard output written to OUTPUT (truncated each time); standard error
   is left as it is.  Prints, in seconds, the median of the timed runs'
   elapsed (monotonic clock) times and the median of their CPU times
   (user and system, from wait4): "WALL CPU".  On a loaded machine the
   second is the steadier.  Exits with 1, printing nothing on standard
   output, when a run does not exit with status 0.  */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *t, int n)
{
  qsort (t, (size_t) n, sizeof *t, cmp_double);
  return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

int
main (int argc, char **argv)
{
  int runs;
  double *t, *c;

  if (argc < 5 || (runs = atoi (argv[1])) < 1)
    {
      fprintf (stderr, "usage: %s RUNS INPUT OUTPUT PROGRAM [ARG...]\n",
	       argv[0]);
      return 2;
    }
  t = malloc ((size_t) runs * sizeof *t);
  c = malloc ((size_t) runs * sizeof *c);
  if (!t || !c)
    return 1;
  for (int i = -1; i < runs; i++)
    {
      const char *in = strcmp (argv[2], "-") == 0 ? "/dev/null" : argv[2];
      int st;
      struct rusage ru;
      double t0 = now ();
      pid_t pid = fork ();

      if (pid < 0)
	{
	  perror ("fork");
	  return 1;
	}
      if (pid == 0)
	{
	  int ifd = open (in, O_RDONLY);
	  int ofd = open (argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);

	  if (ifd < 0 || ofd < 0 || dup2 (ifd, 0) < 0 || dup2 (ofd, 1) < 0)
	    {
	      perror ("bench-time");
	      _exit (127);
	    }
	  close (ifd);
	  close (ofd);
	  execv (argv[4], argv + 4);
	  perror (argv[4]);
	  _exit (127);
	}
      if (wait4 (pid, &st, 0, &ru) < 0)
	{
	  perror ("wait4");
	  return 1;
	}
      if (i >= 0)
	{
	  t[i] = now () - t0;
	  c[i] = (double) ru.ru_utime.tv_sec + (double) ru.ru_utime.tv_usec / 1e6
	    + (double) ru.ru_stime.tv_sec + (double) ru.ru_stime.tv_usec / 1e6;
	}
      if (!WIFEXITED (st) || WEXITSTATUS (st) != 0)
	{
	  fprintf (stderr, "bench-time: %s: %s %d\n", argv[4],
		   WIFEXITED (st) ? "exit status" : "signal",
		   WIFEXITED (st) ? WEXITSTATUS (st) : WTERMSIG (st));
	  return 1;
	}
    }
  printf ("%.4f %.4f\n", median (t, runs), median (c, runs));
  free (t);
  free (c);
  return 0;
}
