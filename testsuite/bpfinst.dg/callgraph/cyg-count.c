/* The caller-callee counts -finstrument-functions gives: a stack of the
   functions running, and at each entry a count for (the function on
   top, the function entered).  At exit, one line "CALLER CALLEE COUNT"
   per pair, each function as its offset in the executable (CALLER "-"
   for none), on standard error.  Built without the flag; the program
   has one thread.  */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>

#define MAX_DEPTH 4096
#define MAX_PAIRS 4096

static uintptr_t stack[MAX_DEPTH];
static unsigned depth;
static struct
{
  uintptr_t caller, callee;
  unsigned long count;
} pairs[MAX_PAIRS];
static unsigned npairs;

static uintptr_t
offset (void *fn)
{
  Dl_info info;
  if (dladdr (fn, &info) != 0)
    return (uintptr_t) fn - (uintptr_t) info.dli_fbase;
  return (uintptr_t) fn;
}

void
__cyg_profile_func_enter (void *fn, void *site)
{
  (void) site;
  uintptr_t self = offset (fn);
  uintptr_t caller = depth > 0 ? stack[depth - 1] : 0;
  unsigned i = 0;
  while (i < npairs && !(pairs[i].caller == caller && pairs[i].callee == self))
    i++;
  if (i == npairs && npairs < MAX_PAIRS)
    {
      pairs[i].caller = caller;
      pairs[i].callee = self;
      npairs++;
    }
  if (i < npairs)
    pairs[i].count++;
  if (depth < MAX_DEPTH)
    stack[depth] = self;
  depth++;
}

void
__cyg_profile_func_exit (void *fn, void *site)
{
  (void) fn;
  (void) site;
  if (depth > 0)
    depth--;
}

static void __attribute__ ((destructor))
report (void)
{
  for (unsigned i = 0; i < npairs; i++)
    {
      if (pairs[i].caller == 0)
	fprintf (stderr, "- %#lx %lu\n", (unsigned long) pairs[i].callee,
		 pairs[i].count);
      else
	fprintf (stderr, "%#lx %#lx %lu\n", (unsigned long) pairs[i].caller,
		 (unsigned long) pairs[i].callee, pairs[i].count);
    }
}
