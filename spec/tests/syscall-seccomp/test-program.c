/* The seccomp fallback, forced through BPFINST_SYSCALL_MECHANISM: the
   program runs itself again with the variable set, and the second image
   checks that the hook answers its calls (from its main thread, a thread
   and a forked child) and that it added one seccomp filter.  */
#define _GNU_SOURCE 1
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The Seccomp_filters count of /proc/self/status, or -1.  */
static long
filters (void)
{
  char line[256];
  long n = -1;
  FILE *f = fopen ("/proc/self/status", "r");
  if (!f)
    return -1;
  while (fgets (line, sizeof line, f))
    if (strncmp (line, "Seccomp_filters:", 16) == 0)
      n = strtol (line + 16, NULL, 10);
  fclose (f);
  return n;
}

static void *
worker (void *arg)
{
  (void) arg;
  return (void *) (long) getppid ();
}

int
main (void)
{
  const char *before = getenv ("FILTERS_BEFORE");

  if (!before)
    {
      char n[32];
      snprintf (n, sizeof n, "%ld", filters ());
      setenv ("FILTERS_BEFORE", n, 1);
      setenv ("BPFINST_SYSCALL_MECHANISM", "seccomp", 1);
      execl ("/proc/self/exe", "test-program", (char *) NULL);
      perror ("exec");
      return 1;
    }

  long added = filters () - strtol (before, NULL, 10);
  fprintf (stderr, "seccomp filters added: %ld\n", added);

  int a;
  while (scanf ("%d", &a) == 1)
    fprintf (stderr, "%d: parent %ld\n", a, (long) getppid ());

  pthread_t t;
  void *p;
  if (pthread_create (&t, NULL, worker, NULL) != 0)
    return 1;
  pthread_join (t, &p);
  fprintf (stderr, "thread: parent %ld\n", (long) p);

  pid_t child = fork ();
  if (child == 0)
    {
      fprintf (stderr, "child: parent %ld\n", (long) getppid ());
      _exit (0);
    }
  int status;
  if (child < 0 || waitpid (child, &status, 0) != child || status != 0)
    return 1;
  fprintf (stderr, "hook saw %ld\n", (long) getpgid (7777));
  return 0;
}
