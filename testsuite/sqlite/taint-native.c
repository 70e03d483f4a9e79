/* Byte-precise taint tracking for the SQLite check: the native half.

   Sources: every byte that read () or pread64 () brings in from file
   descriptor FD gets tag 1 << FD (FD < 64).  event_before_syscall runs
   before the call, so it makes the call itself, tags the bytes the kernel
   filled, and drops the program's call with that result.

   Sink: every write () and pwrite64 () is reported with the union of the
   tags of the bytes written, one line each, to the file named by the
   environment variable TAINT_LOG (appended to), or to standard error with
   the prefix "taint: ":

     write fd 1: 37 bytes, tags 0x9 {stdin, fd 3 /tmp/db}

   Bit 0 is standard input; a bit N of 3 or more names the descriptor and
   the file it was open on when it was read.

   The C library is not instrumented: the tags of the bytes it copies,
   reads through a stream or formats follow them through libtag's
   wrappers, which the plugin calls instead of the C library functions
   because the BPF half keeps tags in the dense store.  Bytes written
   through a stream carry their tags into the stream's buffer, so the
   write () that empties it reports them.  */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpfinst/native.h>
#include <bpfinst/tagstore.h>

#define NAME_MAX_LEN 256

static char fd_name[64][NAME_MAX_LEN];
static int log_fd = -2;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

/* Remember which file descriptor FD (3 to 63) was open on.  */
static void
note_fd_name (int fd)
{
  char path[64];
  long n;

  if (fd < 3 || fd >= 64)
    return;
  snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  n = syscall (SYS_readlinkat, AT_FDCWD, path, fd_name[fd],
	       (long) NAME_MAX_LEN - 1);
  fd_name[fd][n > 0 ? n : 0] = 0;
}

static void
log_line (const char *line, size_t len)
{
  if (log_fd == -2)
    {
      const char *f = getenv ("TAINT_LOG");

      log_fd = -1;
      if (f && *f)
	log_fd = (int) syscall (SYS_openat, AT_FDCWD, f,
				O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
				0644);
    }
  if (log_fd >= 0)
    syscall (SYS_write, log_fd, line, len);
  else
    {
      syscall (SYS_write, 2, "taint: ", (size_t) 7);
      syscall (SYS_write, 2, line, len);
    }
}

static void
report_write (const char *what, int fd, uint64_t buf, uint64_t len)
{
  char line[4096];
  size_t n;
  uint64_t t = len ? bpfinst_dense_get_range (buf, len) : 0;
  const char *sep = "";

  n = (size_t) snprintf (line, sizeof line, "%s fd %d: %llu bytes, tags %#llx {",
			 what, fd, (unsigned long long) len,
			 (unsigned long long) t);
  for (int b = 0; b < 64 && n < sizeof line - 300; b++)
    if (t & (1ull << b))
      {
	if (b == 0)
	  n += (size_t) snprintf (line + n, sizeof line - n, "%sstdin", sep);
	else if (b < 3)
	  n += (size_t) snprintf (line + n, sizeof line - n, "%sfd %d", sep,
				  b);
	else
	  n += (size_t) snprintf (line + n, sizeof line - n, "%sfd %d %s",
				  sep, b, fd_name[b]);
	sep = ", ";
      }
  n += (size_t) snprintf (line + n, sizeof line - n, "}\n");
  log_line (line, n);
}

uint64_t
event_before_syscall (uint32_t num, uint32_t *drop_syscall, uint64_t a1,
		      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		      uint64_t a6)
{
  long r;

  (void) a5;
  (void) a6;
  switch (num)
    {
    case SYS_read:
    case SYS_pread64:
      if (num == SYS_read)
	r = syscall (SYS_read, (int) a1, (void *) a2, (size_t) a3);
      else
	r = syscall (SYS_pread64, (int) a1, (void *) a2, (size_t) a3,
		     (off_t) a4);
      if (r < 0)
	r = -errno;
      else if (r > 0 && a1 < 64)
	{
	  note_fd_name ((int) a1);
	  bpfinst_dense_set_range (a2, (uint64_t) r, 1ull << a1);
	}
      *drop_syscall = 1;
      return (uint64_t) r;
    case SYS_write:
      report_write ("write", (int) a1, a2, a3);
      return 0;
    case SYS_pwrite64:
      report_write ("pwrite64", (int) a1, a2, a3);
      return 0;
    default:
      return 0;
    }
}
