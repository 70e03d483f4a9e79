/* The program's own signal handling under interception: a SIGSYS handler
   of its own (installed with every signal blocked), all signals blocked,
   and a SIGUSR1 handler that makes system calls.  */
#define _GNU_SOURCE 1
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
on_sigsys (int sig, siginfo_t *si, void *uc)
{
  (void) uc;
  fprintf (stderr, "own SIGSYS handler: signal %s, from raise %s, "
	   "parent %ld\n", sig == SIGSYS ? "SIGSYS" : "other",
	   si->si_code == SI_TKILL ? "yes" : "no", (long) getppid ());
}

static void
on_usr1 (int sig)
{
  (void) sig;
  fprintf (stderr, "SIGUSR1 handler: parent %ld\n", (long) getppid ());
}

int
main (void)
{
  struct sigaction sa;
  sigset_t all, old;
  int n;

  if (scanf ("%d", &n) != 1)
    return 1;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sigsys;
  sa.sa_flags = SA_SIGINFO;
  sigfillset (&sa.sa_mask);
  if (sigaction (SIGSYS, &sa, NULL) != 0)
    return 1;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigfillset (&sa.sa_mask);
  if (sigaction (SIGUSR1, &sa, NULL) != 0)
    return 1;

  sigfillset (&all);
  sigprocmask (SIG_BLOCK, &all, &old);
  fprintf (stderr, "all signals blocked: parent %ld\n", (long) getppid ());
  sigprocmask (SIG_SETMASK, &old, NULL);

  for (int i = 0; i < n; i++)
    {
      raise (SIGSYS);
      raise (SIGUSR1);
    }

  struct sigaction cur;
  if (sigaction (SIGSYS, NULL, &cur) != 0 || cur.sa_sigaction != on_sigsys)
    return 1;
  fprintf (stderr, "SIGSYS handler reads back; parent %ld\n",
	   (long) getppid ());
  return 0;
}
