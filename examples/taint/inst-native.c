/* Byte-precise taint tracking: the native half.

   Sources.  event_before_syscall sees every system call of the process.
   For read, pread64, readv, preadv and recvfrom it makes the call itself,
   gives each byte the kernel filled the tag 1 << FD (descriptors 63 and
   above share bit 63) in libtag's dense store, and drops the program's
   call with that result.

   Sinks.  write, pwrite64, writev and sendto are counted per descriptor:
   bytes written, how many of them carry a tag, and the union of those
   tags.  The BPF half (inst-bpf.c) counts the conditional branches whose
   condition carries a tag.

   Silent unless asked: with TAINT_REPORT set in the environment, a
   report is written at exit to the file it names ("-": standard error),
   for example

     taint: fd 0 (pipe:[81921]): 412 bytes read
     taint: branches on tagged conditions: 9120 executions at 57 sites, tags {fd 0}
     taint: fd 1 (/dev/pts/3): 35 bytes written, 0 tagged

   The C library is not instrumented: bytes it copies (memcpy, stdio
   buffers, ...) get no tags on the way, so output made through stdio
   usually shows none.  A program that must keep them across such copies
   can move them itself with bpfinst_dense_get and bpfinst_dense_set
   (bpfinst/tagstore.h).  Counters are not atomic: with several threads
   the figures are approximate.  */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <bpfinst/native.h>
#include <bpfinst/tagstore.h>

#define SITE_MAP_SIZE 65536
#define NFD 64
#define NAME_LEN 128

/* Shared with the BPF half.  */
uint8_t taint_branch_sites[SITE_MAP_SIZE];
uint64_t taint_branches;
uint64_t taint_branch_tags;

/* Per descriptor (the last slot for every descriptor from NFD - 1 on).  */
static uint64_t bytes_read[NFD];
static uint64_t bytes_written[NFD];
static uint64_t tagged_written[NFD];
static uint64_t tags_written[NFD];
static char fd_name[NFD][NAME_LEN];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

static unsigned
slot (uint64_t fd)
{
  return fd < NFD - 1 ? (unsigned) fd : NFD - 1;
}

/* Remember what FD was open on when it was first used.  */
static void
note_name (uint64_t fd)
{
  char path[64];
  unsigned s = slot (fd);
  long n;

  if (fd_name[s][0])
    return;
  snprintf (path, sizeof path, "/proc/self/fd/%u", (unsigned) fd);
  n = syscall (SYS_readlinkat, AT_FDCWD, path, fd_name[s],
	       (long) NAME_LEN - 1);
  if (n <= 0)
    snprintf (fd_name[s], NAME_LEN, "?");
  else
    fd_name[s][n] = 0;
}

static void
source (uint64_t fd, uint64_t buf, uint64_t len)
{
  if (len == 0)
    return;
  note_name (fd);
  bytes_read[slot (fd)] += len;
  bpfinst_dense_set_range (buf, len, 1ull << slot (fd));
}

static void
sink (uint64_t fd, uint64_t buf, uint64_t len)
{
  unsigned s = slot (fd);
  uint64_t t;

  if ((int64_t) fd < 0)
    return;
  note_name (fd);
  bytes_written[s] += len;
  t = len ? bpfinst_dense_get_range (buf, len) : 0;
  if (t)
    {
      for (uint64_t i = 0; i < len; i++)
	tagged_written[s] += bpfinst_dense_get (buf + i) != 0;
      tags_written[s] |= t;
    }
}

/* Tag the first N bytes the kernel put into the buffers IOV[0..CNT).  */
static void
source_iov (uint64_t fd, const struct iovec *iov, uint64_t cnt, uint64_t n)
{
  for (uint64_t i = 0; i < cnt && n > 0; i++)
    {
      uint64_t k = iov[i].iov_len < n ? iov[i].iov_len : n;

      source (fd, (uintptr_t) iov[i].iov_base, k);
      n -= k;
    }
}

uint64_t
event_before_syscall (uint32_t num, uint32_t *drop_syscall, uint64_t a1,
		      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		      uint64_t a6)
{
  long r;

  switch (num)
    {
    case SYS_read:
    case SYS_pread64:
    case SYS_readv:
    case SYS_preadv:
    case SYS_recvfrom:
      r = syscall (num, a1, a2, a3, a4, a5, a6);
      if (r < 0)
	r = -errno;
      else if (num == SYS_readv || num == SYS_preadv)
	source_iov (a1, (const struct iovec *) a2, a3, (uint64_t) r);
      else
	source (a1, a2, (uint64_t) r);
      *drop_syscall = 1;
      return (uint64_t) r;
    case SYS_write:
    case SYS_pwrite64:
    case SYS_sendto:
      sink (a1, a2, a3);
      return 0;
    case SYS_writev:
      for (uint64_t i = 0; i < a3; i++)
	{
	  const struct iovec *v = (const struct iovec *) a2 + i;

	  sink (a1, (uintptr_t) v->iov_base, v->iov_len);
	}
      return 0;
    default:
      return 0;
    }
}

/* Append "{fd 0, fd 3}" for the tag T to BUF (of SIZE, N used).  */
static size_t
tag_names (char *buf, size_t size, size_t n, uint64_t t)
{
  const char *sep = "";

  n += (size_t) snprintf (buf + n, size - n, "{");
  for (unsigned b = 0; b < NFD && n < size; b++)
    if (t & (1ull << b))
      {
	n += (size_t) snprintf (buf + n, size - n, "%sfd %u%s", sep, b,
				b == NFD - 1 ? "+" : "");
	sep = ", ";
      }
  if (n < size)
    n += (size_t) snprintf (buf + n, size - n, "}");
  return n < size ? n : size - 1;
}

static void __attribute__ ((destructor))
report (void)
{
  static char buf[32768];
  const char *path = getenv ("TAINT_REPORT");
  size_t n = 0, size = sizeof buf;
  unsigned sites = 0;
  int fd;

  if (!path || !*path)
    return;
  /* The whole text first: the writes below are system calls too.  */
  for (unsigned s = 0; s < NFD && n < size - 512; s++)
    if (bytes_read[s])
      n += (size_t) snprintf (buf + n, size - n,
			      "taint: fd %u%s (%s): %llu bytes read\n", s,
			      s == NFD - 1 ? "+" : "", fd_name[s],
			      (unsigned long long) bytes_read[s]);
  for (unsigned i = 0; i < SITE_MAP_SIZE; i++)
    sites += taint_branch_sites[i];
  n += (size_t) snprintf (buf + n, size - n,
			  "taint: branches on tagged conditions: %llu "
			  "executions at %u site%s, tags ",
			  (unsigned long long) taint_branches, sites,
			  sites == 1 ? "" : "s");
  n = tag_names (buf, size, n, taint_branch_tags);
  n += (size_t) snprintf (buf + n, size - n, "\n");
  for (unsigned s = 0; s < NFD && n < size - 512; s++)
    if (bytes_written[s])
      {
	n += (size_t) snprintf (buf + n, size - n,
				"taint: fd %u%s (%s): %llu bytes written, "
				"%llu tagged", s, s == NFD - 1 ? "+" : "",
				fd_name[s],
				(unsigned long long) bytes_written[s],
				(unsigned long long) tagged_written[s]);
	if (tags_written[s])
	  {
	    n += (size_t) snprintf (buf + n, size - n, " ");
	    n = tag_names (buf, size, n, tags_written[s]);
	  }
	n += (size_t) snprintf (buf + n, size - n, "\n");
      }
  if (n >= size)
    n = size - 1;
  if (strcmp (path, "-") == 0)
    fd = 2;
  else
    fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 || write (fd, buf, n) != (ssize_t) n)
    perror (path);
  if (fd > 2)
    close (fd);
}
