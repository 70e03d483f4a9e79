/* switch.c - the run-time switch of the instrumentation.

   Code built with guards (-fplugin-arg-bpfinst-switch=on) copies the flag
   BPFINST_ENABLED into a register on entry to each function and again
   after each call, and skips every hook while the copy is 0; code built
   without them never reads it.  The flag starts as BPFINST_ENABLED_INIT;
   BPFINST_DISABLE in the environment clears it at start-up, and
   bpfinst/control.h is the interface.  Plain C with getenv only, so that
   it builds for bare-metal targets too.  */

#include <stdlib.h>

#include "bpfinst/control.h"
#include "bpfinst-abi.h"

/* Default visibility: every instrumented object of the process uses the
   one definition the dynamic linker binds first.  */
int BPFINST_ENABLED = BPFINST_ENABLED_INIT;

/* The plugin declares the flag as an int.  */
_Static_assert (__builtin_types_compatible_p (__typeof__ (BPFINST_ENABLED),
					      int),
		"the switch is an int");

/* Early, so that the constructors of the program mostly see the state
   the environment asks for.  */
static void __attribute__ ((constructor (101)))
switch_init (void)
{
  const char *v = getenv ("BPFINST_DISABLE");
  if (v != NULL && v[0] != '\0' && !(v[0] == '0' && v[1] == '\0'))
    BPFINST_ENABLED = 0;
}

int
bpfinst_set_enabled (int on)
{
  int prev = BPFINST_ENABLED != 0;
  BPFINST_ENABLED = on != 0;
  return prev;
}

int
bpfinst_enabled (void)
{
  return BPFINST_ENABLED != 0;
}
