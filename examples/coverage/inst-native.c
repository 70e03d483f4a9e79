/* The native half of the edge-coverage instrumenter: owns the map and, at
   exit, prints how many distinct branch edges the run reached and how
   many branches it executed (the sum of the counters).  With
   BPFINST_COV_FILE set, the map is also written there (65536 32-bit
   counters in the machine's byte order), so runs can be compared or
   merged, and tools/bpfinst-cov reports them at source lines.  */
#include <stdio.h>
#include <stdlib.h>
#include <bpfinst/native.h>

#define MAP_SIZE 65536

uint32_t bpfinst_cov_map[MAP_SIZE];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

static void __attribute__ ((destructor))
report (void)
{
  unsigned edges = 0;
  unsigned long long branches = 0;
  fflush (stdout);
  for (unsigned i = 0; i < MAP_SIZE; i++)
    {
      edges += bpfinst_cov_map[i] != 0;
      branches += bpfinst_cov_map[i];
    }
  fprintf (stderr, "coverage: %u branch edges reached, %llu branches executed\n",
	   edges, branches);
  const char *path = getenv ("BPFINST_COV_FILE");
  if (path)
    {
      FILE *f = fopen (path, "wb");
      if (!f || fwrite (bpfinst_cov_map, sizeof bpfinst_cov_map[0], MAP_SIZE, f)
		!= MAP_SIZE)
	perror (path);
      if (f)
	fclose (f);
    }
}
