/* GCC's -finstrument-functions hooks: print "enter 0xOFFSET" and "exit
   0xOFFSET", the function's offset in its executable (which nm gives
   for a position-independent one).  Built without the flag.  */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>

static void
say (const char *what, void *fn)
{
  Dl_info info;
  uintptr_t base = 0;
  if (dladdr (fn, &info) != 0)
    base = (uintptr_t) info.dli_fbase;
  fprintf (stderr, "%s %#lx\n", what, (unsigned long) ((uintptr_t) fn - base));
}

void
__cyg_profile_func_enter (void *fn, void *site)
{
  (void) site;
  say ("enter", fn);
}

void
__cyg_profile_func_exit (void *fn, void *site)
{
  (void) site;
  say ("exit", fn);
}
