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

   The C library is not instrumented, so the bytes it copies lose their
   tags.  The program is therefore built with its copy, input and output
   functions renamed to the taint_ versions below (-Dmemcpy=taint_memcpy,
   ..., see run-sqlite.sh), which do the work and carry the tags:
   - memcpy, memmove copy the tags with the bytes, memset clears them,
     realloc moves them with the block;
   - fgets gives the line it returns the union of the tags of the stream's
     buffer (filled by read (), so tagged by the hook above);
   - the output functions add the tags of the bytes they are handed (the
     strings of a format's %s conversions for the printf family) to a
     per-descriptor "pending" union, which the next write () on that
     descriptor reports with its own bytes' tags: the stream's buffer is
     copied by the C library and has no tags of its own.  */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpfinst/native.h>
#include <bpfinst/tagstore.h>

#define MAX_FD 1024
#define NAME_MAX_LEN 256

static uint64_t pending[MAX_FD];
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

  if (fd >= 0 && fd < MAX_FD)
    {
      t |= pending[fd];
      pending[fd] = 0;
    }
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

/* Copies, carrying tags.  */

static void
copy_tags (uint64_t dst, uint64_t src, size_t n)
{
  if (n == 0 || dst == src)
    return;
  if (bpfinst_dense_get_range (src, n) == 0)
    {
      bpfinst_dense_set_range (dst, n, 0);
      return;
    }
  if (dst < src)
    for (size_t i = 0; i < n; i++)
      bpfinst_dense_set (dst + i, bpfinst_dense_get (src + i));
  else
    for (size_t i = n; i-- > 0;)
      bpfinst_dense_set (dst + i, bpfinst_dense_get (src + i));
}

void *
taint_memcpy (void *dst, const void *src, size_t n)
{
  copy_tags ((uintptr_t) dst, (uintptr_t) src, n);
  return memcpy (dst, src, n);
}

void *
taint_memmove (void *dst, const void *src, size_t n)
{
  copy_tags ((uintptr_t) dst, (uintptr_t) src, n);
  return memmove (dst, src, n);
}

void *
taint_memset (void *dst, int c, size_t n)
{
  bpfinst_dense_set_range ((uintptr_t) dst, n, 0);
  return memset (dst, c, n);
}

void *
taint_realloc (void *old, size_t n)
{
  size_t oldn = old ? malloc_usable_size (old) : 0;
  uint64_t t = oldn ? bpfinst_dense_get_range ((uintptr_t) old, oldn) : 0;
  uint64_t *tags = NULL;
  void *p;

  /* Save the tags: the old block may be reused before they are copied.  */
  if (t)
    {
      tags = malloc (oldn * sizeof *tags);
      if (tags)
	for (size_t i = 0; i < oldn; i++)
	  tags[i] = bpfinst_dense_get ((uintptr_t) old + i);
    }
  p = realloc (old, n);
  if (p && p != old && tags)
    for (size_t i = 0; i < oldn && i < n; i++)
      bpfinst_dense_set ((uintptr_t) p + i, tags[i]);
  free (tags);
  return p;
}

/* Input.  */

static uint64_t
stream_buffer_tags (FILE *f)
{
  if (!f->_IO_buf_base || f->_IO_read_end <= f->_IO_buf_base)
    return 0;
  return bpfinst_dense_get_range ((uintptr_t) f->_IO_buf_base,
				  (uint64_t) (f->_IO_read_end
					      - f->_IO_buf_base));
}

char *
taint_fgets (char *s, int n, FILE *f)
{
  char *r = fgets (s, n, f);

  if (r)
    bpfinst_dense_set_range ((uintptr_t) r, strlen (r), stream_buffer_tags (f));
  return r;
}

size_t
taint_fread (void *p, size_t size, size_t n, FILE *f)
{
  size_t r = fread (p, size, n, f);

  bpfinst_dense_set_range ((uintptr_t) p, r * size, stream_buffer_tags (f));
  return r;
}

/* Output.  */

static void
add_pending (FILE *f, uint64_t t)
{
  int fd = fileno (f);

  if (t && fd >= 0 && fd < MAX_FD)
    pending[fd] |= t;
}

static uint64_t
string_tags (const char *s, long max)
{
  size_t n = max < 0 ? strlen (s) : strnlen (s, (size_t) max);

  return bpfinst_dense_get_range ((uintptr_t) s, n);
}

/* The union of the tags of FMT and of the strings its %s conversions
   print.  Other conversions print values whose tags the C library cannot
   see (they are not in memory).  */
static uint64_t
format_tags (const char *fmt, va_list ap0)
{
  va_list ap;
  uint64_t t = string_tags (fmt, -1);
  const char *p = fmt;

  va_copy (ap, ap0);
  while ((p = strchr (p, '%')))
    {
      long prec = -1;
      int lng = 0;

      p++;
      if (*p == '%')
	{
	  p++;
	  continue;
	}
      while (*p && strchr ("-+ #0'", *p))
	p++;
      if (*p == '*')
	{
	  (void) va_arg (ap, int);
	  p++;
	}
      else
	while (*p >= '0' && *p <= '9')
	  p++;
      if (*p == '.')
	{
	  p++;
	  prec = 0;
	  if (*p == '*')
	    {
	      prec = va_arg (ap, int);
	      p++;
	    }
	  else
	    while (*p >= '0' && *p <= '9')
	      prec = prec * 10 + (*p++ - '0');
	}
      while (*p && strchr ("hlLqjzt", *p))
	{
	  if (*p == 'l' || *p == 'q' || *p == 'j' || *p == 'z' || *p == 't')
	    lng++;
	  if (*p == 'L')
	    lng = 3;
	  p++;
	}
      switch (*p)
	{
	case 's':
	  {
	    const char *s = va_arg (ap, const char *);

	    if (s)
	      t |= string_tags (s, prec);
	    break;
	  }
	case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c':
	  if (lng)
	    (void) va_arg (ap, long);
	  else
	    (void) va_arg (ap, int);
	  break;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
	  if (lng == 3)
	    (void) va_arg (ap, long double);
	  else
	    (void) va_arg (ap, double);
	  break;
	case 'p': case 'n':
	  (void) va_arg (ap, void *);
	  break;
	case 0:
	  va_end (ap);
	  return t;
	default:
	  break;
	}
      p++;
    }
  va_end (ap);
  return t;
}

int
taint_vfprintf (FILE *f, const char *fmt, va_list ap)
{
  add_pending (f, format_tags (fmt, ap));
  return vfprintf (f, fmt, ap);
}

int
taint_vprintf (const char *fmt, va_list ap)
{
  return taint_vfprintf (stdout, fmt, ap);
}

int
taint_fprintf (FILE *f, const char *fmt, ...)
{
  va_list ap;
  int r;

  va_start (ap, fmt);
  r = taint_vfprintf (f, fmt, ap);
  va_end (ap);
  return r;
}

int
taint_printf (const char *fmt, ...)
{
  va_list ap;
  int r;

  va_start (ap, fmt);
  r = taint_vfprintf (stdout, fmt, ap);
  va_end (ap);
  return r;
}

int
taint_fputs (const char *s, FILE *f)
{
  add_pending (f, string_tags (s, -1));
  return fputs (s, f);
}

int
taint_puts (const char *s)
{
  add_pending (stdout, string_tags (s, -1));
  return puts (s);
}

size_t
taint_fwrite (const void *p, size_t size, size_t n, FILE *f)
{
  add_pending (f, bpfinst_dense_get_range ((uintptr_t) p, size * n));
  return fwrite (p, size, n, f);
}

/* A character argument is a value, not memory: its tag is not visible
   here.  */
int
taint_fputc (int c, FILE *f)
{
  return fputc (c, f);
}

int
taint_putc (int c, FILE *f)
{
  return putc (c, f);
}

int
taint_putchar (int c)
{
  return putchar (c);
}
