/* tag-signals.c - keep the tag slots of interrupted code intact across
   signal handlers.

   The per-thread slots of tag-slots.c hold a value only briefly: between
   a caller writing the argument tags and the callee reading them, and
   between a callee writing its return tag and the caller reading it.  A
   signal handler built with the engine that runs in such a window makes
   calls of its own, which rewrite the slots.  So the program's handlers
   are installed through a wrapper that saves the slots before the handler
   and puts them back after it.

   This file defines sigaction and signal; the runtime archive comes before
   the C library on the link line, so a program that installs handlers
   gets these, which call the C library's.  The program always sees its
   own handler (in the old action it gets back), never the wrapper.  */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>

#include "bpfinst-abi.h"

typedef int (*sigaction_fn) (int, const struct sigaction *,
			     struct sigaction *);

/* The program's own actions, for the signals whose handler is wrapped.  */
static struct sigaction program_action[NSIG];
static volatile sig_atomic_t wrapped[NSIG];

static sigaction_fn
libc_sigaction (void)
{
  static sigaction_fn fn;
  if (!fn)
    fn = (sigaction_fn) dlsym (RTLD_NEXT, "sigaction");
  return fn;
}

static void
handler_wrapper (int sig, siginfo_t *info, void *uctx)
{
  uint64_t saved[BPFINST_TAG_SLOTS_SIZE];
  _Static_assert (sizeof saved == sizeof BPFINST_TAG_SLOTS,
		  "the handler saves every slot");
  memcpy (saved, BPFINST_TAG_SLOTS, sizeof saved);
  const struct sigaction *act = &program_action[sig];
  if (act->sa_flags & SA_SIGINFO)
    act->sa_sigaction (sig, info, uctx);
  else
    act->sa_handler (sig);
  memcpy (BPFINST_TAG_SLOTS, saved, sizeof saved);
}

int
sigaction (int sig, const struct sigaction *act, struct sigaction *oldact)
{
  sigaction_fn real = libc_sigaction ();
  if (!real)
    {
      errno = ENOSYS;
      return -1;
    }
  if (sig <= 0 || sig >= NSIG)
    return real (sig, act, oldact);

  struct sigaction previous = program_action[sig];
  int was_wrapped = wrapped[sig];
  struct sigaction mine;
  int r;
  if (act && act->sa_handler != SIG_DFL && act->sa_handler != SIG_IGN)
    {
      struct sigaction program = *act;	/* ACT may be OLDACT */
      mine = program;
      mine.sa_sigaction = handler_wrapper;
      mine.sa_flags |= SA_SIGINFO;
      program_action[sig] = program;
      wrapped[sig] = 1;
      r = real (sig, &mine, oldact);
      if (r != 0)
	{
	  program_action[sig] = previous;
	  wrapped[sig] = was_wrapped;
	}
    }
  else
    {
      r = real (sig, act, oldact);
      if (r == 0 && act)
	wrapped[sig] = 0;
    }
  if (r == 0 && oldact && was_wrapped)
    *oldact = previous;
  return r;
}

sighandler_t
signal (int sig, sighandler_t handler)
{
  struct sigaction act, old;
  memset (&act, 0, sizeof act);
  act.sa_handler = handler;
  sigemptyset (&act.sa_mask);
  if (sig > 0 && sig < NSIG)
    sigaddset (&act.sa_mask, sig);
  act.sa_flags = SA_RESTART;
  if (sigaction (sig, &act, &old) != 0)
    return SIG_ERR;
  return old.sa_handler;
}
