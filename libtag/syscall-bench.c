/* syscall-bench.c - the cost of system-call interception.

   Times N calls of getppid and of a one-byte write to /dev/null and prints
   nanoseconds per call.  The interception mechanism is the one
   BPFINST_SYSCALL_MECHANISM selects (none, sud, seccomp); `make
   bench-syscall` runs all three.  The hook counts the calls it sees and
   lets them through (a second run also has it answer getppid itself).  */

#define _GNU_SOURCE 1

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "bpfinst/native.h"

static volatile uint64_t seen;
static int answer_getppid;

uint64_t
event_before_syscall (uint32_t num, uint32_t *drop_syscall, uint64_t a1,
		      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		      uint64_t a6)
{
  (void) a1;
  (void) a2;
  (void) a3;
  (void) a4;
  (void) a5;
  (void) a6;
  seen++;
  if (answer_getppid && num == SYS_getppid)
    {
      *drop_syscall = 1;
      return 1;
    }
  return 0;
}

static double
now (void)
{
  struct timespec ts;
  /* vDSO: not a system call, not intercepted.  */
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int
main (int argc, char **argv)
{
  const char *label = argc > 1 ? argv[1] : "run";
  long n = argc > 2 ? atol (argv[2]) : 1000000;
  int fd = open ("/dev/null", O_WRONLY);
  if (fd < 0 || n <= 0)
    return 1;

  uint64_t s0 = seen;
  double t0 = now ();
  for (long i = 0; i < n; i++)
    syscall (SYS_getppid);
  double t1 = now ();
  for (long i = 0; i < n; i++)
    if (write (fd, "x", 1) != 1)
      return 1;
  double t2 = now ();
  answer_getppid = 1;
  for (long i = 0; i < n; i++)
    syscall (SYS_getppid);
  double t3 = now ();
  uint64_t hooked = seen - s0;

  printf ("%-8s getppid %7.1f ns/call   write(/dev/null) %7.1f ns/call   "
	  "getppid answered by the hook %7.1f ns/call   (hook saw %llu of "
	  "%ld calls)\n", label, (t1 - t0) / n, (t2 - t1) / n, (t3 - t2) / n,
	  (unsigned long long) hooked, 3 * n);
  return 0;
}
