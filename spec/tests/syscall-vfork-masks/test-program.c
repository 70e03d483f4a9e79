/* vfork, signal handlers, and the temporary signal masks of sigsuspend
   and ppoll, under interception.  The hook answers getppid (4242), also
   in a vfork child (glibc makes vfork a clone on the caller's own stack on
   some architectures) and in a signal handler, and counts the returns
   from the program's signal handlers.  */
#define _GNU_SOURCE 1
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static volatile long seen_in_handler;

static void
on_usr1 (int sig)
{
  (void) sig;
  handled++;
  seen_in_handler = (long) getppid ();
}

int
main (void)
{
  int n, status;

  if (scanf ("%d", &n) != 1 || n < 0 || n > 100)
    return 1;

  pid_t child = vfork ();
  if (child == 0)
    _exit (getppid () == 4242 ? 7 : 8);
  if (child < 0 || waitpid (child, &status, 0) != child
      || !WIFEXITED (status))
    return 1;
  fprintf (stderr, "vfork child: status %d\n", WEXITSTATUS (status));

  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigemptyset (&sa.sa_mask);
  if (sigaction (SIGUSR1, &sa, NULL) != 0)
    return 1;
  for (int i = 0; i < n; i++)
    raise (SIGUSR1);
  fprintf (stderr, "handled %d, the handler saw parent %ld\n", (int) handled,
	   seen_in_handler);

  sigset_t block, old, none;
  sigemptyset (&block);
  sigaddset (&block, SIGUSR1);
  sigemptyset (&none);
  sigprocmask (SIG_BLOCK, &block, &old);
  raise (SIGUSR1);
  fprintf (stderr, "blocked: handled %d\n", (int) handled);
  sigsuspend (&none);
  fprintf (stderr, "after sigsuspend: handled %d\n", (int) handled);

  raise (SIGUSR1);
  struct timespec limit = { 5, 0 };
  int r = ppoll (NULL, 0, &limit, &none);
  fprintf (stderr, "ppoll: %s, handled %d\n",
	   r < 0 ? "interrupted" : "timed out", (int) handled);
  sigprocmask (SIG_SETMASK, &old, NULL);

  fprintf (stderr, "hook saw %ld signal returns\n", (long) getpgid (7777));
  return 0;
}
