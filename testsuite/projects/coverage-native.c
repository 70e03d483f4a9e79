/* The edge-coverage instrumenter's native half for the project builds
   (run-projects.sh): owns the map examples/coverage/inst-bpf.c updates,
   like examples/coverage/inst-native.c, and prints nothing either; at exit
   it appends one line, naming the program, to the file named by
   BPFINST_COUNTS:

     coverage PROGRAM branches=N edges=N

   BRANCHES is how many conditional branches ran (the sum of the
   counters), EDGES how many distinct map entries they reached.  */
#include <bpfinst/native.h>
#include "counts.h"

#define MAP_SIZE 65536

uint32_t bpfinst_cov_map[MAP_SIZE];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

static void __attribute__ ((destructor))
append_counts (void)
{
  const char *path = counts_file ();
  char line[256], name[64];
  unsigned edges = 0;
  unsigned long long branches = 0;
  int len;

  if (!path)
    return;
  for (unsigned i = 0; i < MAP_SIZE; i++)
    {
      edges += bpfinst_cov_map[i] != 0;
      branches += bpfinst_cov_map[i];
    }
  program_name (name, sizeof name);
  len = snprintf (line, sizeof line, "coverage %s branches=%llu edges=%u\n",
		  name, branches, edges);
  if (len >= (int) sizeof line)
    len = sizeof line - 1;
  counts_append (path, line, len);
}
