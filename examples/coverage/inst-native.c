/* The native half of the edge-coverage instrumenter: owns the map the
   BPF half counts in.  Silent unless asked; at exit:

   - with BPFINST_COV_REPORT=1 (or "-"), one line on standard error

       coverage: 58 branch edges reached, 1042 branches executed

     (the distinct branch edges the run reached, and the branches it
     executed: the sum of the counters); with BPFINST_COV_REPORT=FILE, the
     same line is appended to FILE, so that every process of a build or a
     test suite adds its own; empty or 0: no report;
   - with BPFINST_COV_FILE=FILE, the map is written to FILE (65536 32-bit
     counters in the machine's byte order), so that runs can be compared
     or merged, and tools/bpfinst-cov reports them at source lines.

   Built with -DBPFINST_COV_REPORT_ALWAYS (for a bare-metal program, which
   has no environment), the line goes to standard error at every exit.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpfinst/native.h>

#define MAP_SIZE 65536

uint32_t bpfinst_cov_map[MAP_SIZE];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

/* Where the report goes: stderr, a file name, or NULL for none.  */
static const char *
report_target (void)
{
#ifdef BPFINST_COV_REPORT_ALWAYS
  return "-";
#else
  const char *v = getenv ("BPFINST_COV_REPORT");

  if (!v || !*v || strcmp (v, "0") == 0)
    return NULL;
  if (strcmp (v, "1") == 0)
    return "-";
  return v;
#endif
}

static void
report (const char *to)
{
  unsigned edges = 0;
  unsigned long long branches = 0;
  char line[128];
  FILE *f;

  for (unsigned i = 0; i < MAP_SIZE; i++)
    {
      edges += bpfinst_cov_map[i] != 0;
      branches += bpfinst_cov_map[i];
    }
  snprintf (line, sizeof line,
	    "coverage: %u branch edges reached, %llu branches executed\n",
	    edges, branches);
  if (strcmp (to, "-") == 0)
    {
      fputs (line, stderr);
      return;
    }
  f = fopen (to, "a");
  if (!f || fputs (line, f) == EOF)
    perror (to);
  if (f && fclose (f) != 0)
    perror (to);
}

static void
write_map (const char *path)
{
  FILE *f = fopen (path, "wb");

  if (!f || fwrite (bpfinst_cov_map, sizeof bpfinst_cov_map[0], MAP_SIZE, f)
	    != MAP_SIZE)
    perror (path);
  if (f && fclose (f) != 0)
    perror (path);
}

static void __attribute__ ((destructor))
at_exit (void)
{
  const char *to = report_target ();
  const char *path = getenv ("BPFINST_COV_FILE");

  if (to)
    {
      fflush (stdout);
      report (to);
    }
  if (path && *path)
    write_map (path);
}
