/* switch.c - the run-time switch of the instrumentation.

   Instrumented code (unless built with -fplugin-arg-bpfinst-switch=off)
   copies __bpfinst_enabled into a register on entry to each function and
   again after each call, and skips every hook while the copy is 0.
   bpfinst/control.h is the interface; BPFINST_DISABLE in the environment
   clears the flag at start-up.  Plain C with getenv only, so that it
   builds for bare-metal targets too.  */

#include <stdlib.h>

#include "bpfinst/control.h"

/* Default visibility: every instrumented object of the process uses the
   one definition the dynamic linker binds first.  */
int __bpfinst_enabled = 1;

/* Early, so that the constructors of the program mostly see the state
   the environment asks for.  */
static void __attribute__ ((constructor (101)))
switch_init (void)
{
  const char *v = getenv ("BPFINST_DISABLE");
  if (v != NULL && v[0] != '\0' && !(v[0] == '0' && v[1] == '\0'))
    __bpfinst_enabled = 0;
}

int
bpfinst_set_enabled (int on)
{
  int prev = __bpfinst_enabled != 0;
  __bpfinst_enabled = on != 0;
  return prev;
}

int
bpfinst_enabled (void)
{
  return __bpfinst_enabled != 0;
}
