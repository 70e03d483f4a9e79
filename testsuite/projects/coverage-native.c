/* The edge-coverage instrumenter's native half for the project builds
   (run-projects.sh): owns the map examples/coverage/inst-bpf.c updates,
   like examples/coverage/inst-native.c, but prints nothing; at exit it
   appends one line to the file named by BPFINST_COUNTS:

     coverage PROGRAM branches=N edges=N

   BRANCHES is how many conditional branches ran, EDGES how many distinct
   map entries they reached.  */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpfinst/native.h>

#define MAP_SIZE 65536

uint8_t bpfinst_cov_map[MAP_SIZE];
uint64_t bpfinst_cov_branches;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

static void
program_name (char *buf, size_t size)
{
  int fd = open ("/proc/self/comm", O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read (fd, buf, size - 1);
  if (fd >= 0)
    close (fd);
  if (n <= 0)
    n = snprintf (buf, size, "?");
  buf[n] = 0;
  buf[strcspn (buf, "\n ")] = 0;
}

static void __attribute__ ((destructor))
append_counts (void)
{
  const char *path = getenv ("BPFINST_COUNTS");
  char line[256], name[64];
  unsigned edges = 0;
  int len, fd;

  if (!path || !*path)
    return;
  for (unsigned i = 0; i < MAP_SIZE; i++)
    edges += bpfinst_cov_map[i] != 0;
  program_name (name, sizeof name);
  len = snprintf (line, sizeof line, "coverage %s branches=%llu edges=%u\n",
		  name, (unsigned long long) bpfinst_cov_branches, edges);
  if (len >= (int) sizeof line)
    len = sizeof line - 1;
  fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0)
    {
      if (write (fd, line, len) != len)
	{
	  /* Nothing useful to do at exit.  */
	}
      close (fd);
    }
}
