/* The heavy instrumenter's native half for the project builds
   (run-projects.sh).  Same variables and slow call as
   testsuite/instrumenters/heavy/inst-native.c, but it also counts the slow
   calls per operation kind and, at exit, appends one line with the counts
   to the file named by BPFINST_COUNTS (nothing is printed, so tests that
   compare a program's output are not disturbed):

     heavy PROGRAM calls=N op0=N op1=N ... op31=N

   The BPF half calls slow_call (OP) for about one operation in 64, OP
   being its operation index (0 add ... 25 cmp, 26 br, 28 load,
   29 store).  */
#include <bpfinst/native.h>
#include "counts.h"

#define NOPS 32

uint64_t heavy_slow_arg;
uint64_t heavy_slow_result;
static uint64_t calls;
static uint64_t per_op[NOPS];
static uint64_t seen;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  calls++;
  per_op[funct % NOPS]++;
  seen ^= heavy_slow_arg + funct;
  return funct + 1;
}

static void __attribute__ ((destructor))
append_counts (void)
{
  const char *path = counts_file ();
  char line[1024], name[64];
  int len;

  if (!path)
    return;
  program_name (name, sizeof name);
  len = snprintf (line, sizeof line, "heavy %s calls=%llu", name,
		  (unsigned long long) calls);
  for (int i = 0; i < NOPS && len < (int) sizeof line; i++)
    len += snprintf (line + len, sizeof line - len, " op%d=%llu", i,
		     (unsigned long long) per_op[i]);
  if (len >= (int) sizeof line - 1)
    len = sizeof line - 2;
  line[len++] = '\n';
  counts_append (path, line, len);
}
