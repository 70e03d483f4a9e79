/* Signal handlers installed by the program run inside a wrapper that keeps
   the interrupted code's tag slots (libtag/tag-signals.c).  */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bpfinst-abi.h"

static int failures;
static volatile int ran;

#define CHECK(c)							\
  do { if (!(c)) { fprintf (stderr, "FAIL: %s (line %d)\n", #c, __LINE__);	\
		   failures++; } } while (0)

static void
scribble (int sig)
{
  (void) sig;
  /* What instrumented calls inside a handler do to the slots.  */
  for (int i = 0; i < BPFINST_TAG_SLOTS_SIZE; i++)
    BPFINST_TAG_SLOTS[i] = 0xdead;
  ran++;
}

static void
scribble_info (int sig, siginfo_t *info, void *uctx)
{
  (void) uctx;
  CHECK (info != NULL && info->si_signo == sig);
  scribble (sig);
}

static void
fill (void)
{
  for (int i = 0; i < BPFINST_TAG_SLOTS_SIZE; i++)
    BPFINST_TAG_SLOTS[i] = 0x100 + i;
}

static int
intact (void)
{
  for (int i = 0; i < BPFINST_TAG_SLOTS_SIZE; i++)
    if (BPFINST_TAG_SLOTS[i] != (uint64_t) (0x100 + i))
      return 0;
  return 1;
}

int
main (void)
{
  struct sigaction act, old;

  /* sigaction with a plain handler.  */
  memset (&act, 0, sizeof act);
  act.sa_handler = scribble;
  sigemptyset (&act.sa_mask);
  CHECK (sigaction (SIGUSR1, &act, NULL) == 0);
  fill ();
  raise (SIGUSR1);
  CHECK (ran == 1);
  CHECK (intact ());

  /* The old action is the program's handler, not the wrapper.  */
  CHECK (sigaction (SIGUSR1, NULL, &old) == 0);
  CHECK (old.sa_handler == scribble);

  /* SA_SIGINFO handlers get their arguments.  */
  memset (&act, 0, sizeof act);
  act.sa_sigaction = scribble_info;
  act.sa_flags = SA_SIGINFO;
  CHECK (sigaction (SIGUSR2, &act, &old) == 0);
  fill ();
  raise (SIGUSR2);
  CHECK (ran == 2);
  CHECK (intact ());

  /* signal () too, and it returns the previous program handler.  */
  CHECK (signal (SIGUSR1, SIG_IGN) == scribble);
  raise (SIGUSR1);		/* ignored */
  CHECK (ran == 2);
  CHECK (signal (SIGUSR1, scribble) == SIG_IGN);
  fill ();
  raise (SIGUSR1);
  CHECK (ran == 3);
  CHECK (intact ());

  /* Back to the default.  */
  CHECK (signal (SIGUSR1, SIG_DFL) == scribble);
  CHECK (sigaction (SIGUSR1, NULL, &old) == 0 && old.sa_handler == SIG_DFL);

  printf ("%s: %d failures\n", failures ? "FAIL" : "PASS", failures);
  return failures != 0;
}
