/* The taint tracker's native half for bench-sqlite.sh, which runs the
   SQLite shell under valgrind: valgrind cannot run the system-call hook,
   so the bytes SQLite reads from its database get their tags here
   instead, in SQLite's own calls of pread64 and read (which the shell
   makes through pointers to the C library's functions: these definitions
   take their place).  Bytes read from file descriptor FD get tag 1 << FD.
   No report: run-sqlite.sh checks where the tags go.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpfinst/native.h>
#include <bpfinst/tagstore.h>

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

static void
tag_read (int fd, void *buf, long r)
{
  if (r > 0 && fd >= 0 && fd < 64)
    bpfinst_dense_set_range ((uintptr_t) buf, (uint64_t) r, 1ull << fd);
}

ssize_t
pread64 (int fd, void *buf, size_t n, off_t at)
{
  long r = syscall (SYS_pread64, fd, buf, n, at);
  tag_read (fd, buf, r);
  return r;
}

ssize_t
read (int fd, void *buf, size_t n)
{
  long r = syscall (SYS_read, fd, buf, n);
  tag_read (fd, buf, r);
  return r;
}
