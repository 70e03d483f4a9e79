/* Prints the calls of the functions the program registered, by name.  */
#include <stdio.h>
#include <string.h>
#include <bpfinst/native.h>

uint64_t arg_target, arg_kind, arg_caller;

static struct
{
  const char *name;
  uint64_t addr;
} known[8];
static int nknown;

void
note_function (const char *name, void (*fn) (void))
{
  if (nknown < 8)
    {
      known[nknown].name = name;
      known[nknown].addr = (uintptr_t) fn;
      nknown++;
    }
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  for (int i = 0; i < nknown; i++)
    if (known[i].addr == arg_target)
      fprintf (stderr, "%s: %s call of %s\n",
	       (const char *) (uintptr_t) arg_caller,
	       arg_kind == CALL_DIRECT ? "direct"
	       : arg_kind == CALL_INDIRECT ? "indirect" : "unknown",
	       known[i].name);
  return 0;
}
