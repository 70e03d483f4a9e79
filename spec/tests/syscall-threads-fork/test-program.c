/* Four threads and a forked child make system calls: the hook answers
   every getppid of each of them.  */
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define CALLS 1000

static void *
worker (void *arg)
{
  long ok = 0;
  (void) arg;
  for (int i = 0; i < CALLS; i++)
    ok += getppid () == 4242;
  return (void *) ok;
}

int
main (void)
{
  pthread_t t[4];
  int n;

  if (scanf ("%d", &n) != 1 || n > 4)
    return 1;
  for (int i = 0; i < n; i++)
    if (pthread_create (&t[i], NULL, worker, NULL) != 0)
      return 1;
  for (int i = 0; i < n; i++)
    {
      void *ok;
      pthread_join (t[i], &ok);
      fprintf (stderr, "thread %d: %ld of %d answered\n", i, (long) ok, CALLS);
    }
  fprintf (stderr, "hook saw %ld\n", (long) getpgid (7777));

  pid_t child = fork ();
  if (child == 0)
    {
      long before = getpgid (7777);
      pid_t p = getppid ();
      fprintf (stderr, "child: parent %ld, hook saw %ld more\n", (long) p,
	       getpgid (7777) - before);
      _exit (0);
    }
  int status;
  if (child < 0 || waitpid (child, &status, 0) != child || status != 0)
    return 1;
  fprintf (stderr, "parent: child done\n");
  return 0;
}
