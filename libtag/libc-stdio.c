/* libc-stdio.c - the runtime's wrappers of the C library's stream input
   and output (see libc-wrap.h; what each does to tags is in README.md).

   A stream's bytes pass through its buffer: read (2) fills the read area
   [_IO_read_ptr, _IO_read_end), where the system-call hook gives them
   their tags, and write (2) empties the write area [_IO_write_base,
   _IO_write_ptr), where the hook sees the tags of what it writes.  These
   fields are public in glibc's struct _IO_FILE.  So the wrappers copy
   bytes between the program and the buffer themselves, with their tags,
   and let the C library refill or flush the buffer only between two such
   copies: reading, they take what the read area holds, then one byte
   through getc_unlocked (which refills it) with the tag it has there;
   writing, they give each byte its tag at the place in the buffer where
   it goes, before the C library may flush it.  Each wrapper of a locking
   function holds the stream's lock throughout, so no other thread's
   reads or writes come between.

   A stream that is wide-oriented is left to the C library, and so is
   output to an unbuffered stream (the C library writes it from the
   program's own bytes, with their tags).  Memory streams (fmemopen,
   open_memstream, fopencookie: no file descriptor) are filled by the
   C library's own copies: their bytes get tag 0.  */

#define _GNU_SOURCE 1

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpfinst/native.h"
#include "libc-wrap.h"


#pragma weak event_before_syscall

extern char *__fgets_chk (char *, size_t, int, FILE *);
extern char *__fgets_unlocked_chk (char *, size_t, int, FILE *);
extern size_t __fread_chk (void *, size_t, size_t, size_t, FILE *);
extern size_t __fread_unlocked_chk (void *, size_t, size_t, size_t, FILE *);
extern void __chk_fail (void) __attribute__ ((noreturn));

/* The wrappers and helpers are local to each executable or shared
   object (every one links its own copy of the runtime).  */
#pragma GCC visibility push(hidden)

/* Is F one the wrappers leave to the C library: wide-oriented?  */
static int
wide_p (FILE *f)
{
  return f->_mode > 0;
}

/* ---------------------------------------------------------------------- */
/* Input.  */

/* The bytes the read area of F holds.  */
static size_t
readable (FILE *f)
{
  return f->_IO_read_ptr < f->_IO_read_end
	 ? (size_t) (f->_IO_read_end - f->_IO_read_ptr) : 0;
}

/* The tag of the byte just taken from F's read area.  */
static uint64_t
taken_tag (FILE *f)
{
  return f->_fileno < 0 ? 0 : memtags_get (f->_IO_read_ptr - 1, 1);
}

/* Take one byte from F, refilling its read area if it is empty; its tag
   into *TAG.  EOF at the end of the input or on an error.  */
static int
take_byte (FILE *f, uint64_t *tag)
{
  int ch = getc_unlocked (f);
  *tag = ch == EOF ? 0 : taken_tag (f);
  return ch;
}

/* Take one byte from F as take_byte does, and store it, with its tag, at
   DST.  The byte, or EOF (DST left alone).  */
static int
take_byte_to (FILE *f, char *dst)
{
  uint64_t tag;
  int ch = take_byte (f, &tag);
  if (ch != EOF)
    {
      *dst = (char) ch;
      memtags_set (dst, 1, tag);
    }
  return ch;
}

/* Copy the first N bytes of F's read area to DST, with their tags, and
   consume them.  */
static void
take_bytes (FILE *f, char *dst, size_t n)
{
  memcpy (dst, f->_IO_read_ptr, n);
  if (f->_fileno < 0)
    memtags_set (dst, n, 0);
  else
    memtags_copy (dst, f->_IO_read_ptr, n);
  f->_IO_read_ptr += n;
}

/* fgets on locked F, as glibc does it (the error indicator counts only
   for this call).  */
static char *
tagged_fgets (char *s, int n, FILE *f)
{
  if (n <= 1)
    {
      char *r = fgets_unlocked (s, n, f);
      if (r != NULL)
	memtags_set (s, 1, 0);
      return r;
    }
  int old_error = f->_flags & _IO_ERR_SEEN;
  f->_flags &= ~_IO_ERR_SEEN;
  size_t done = 0, max = (size_t) n - 1;
  while (done < max)
    {
      size_t k = readable (f);
      if (k == 0)
	{
	  int ch = take_byte_to (f, s + done);
	  if (ch == EOF)
	    break;
	  done++;
	  if (ch == '\n')
	    break;
	  continue;
	}
      if (k > max - done)
	k = max - done;
      const char *nl = memchr (f->_IO_read_ptr, '\n', k);
      if (nl != NULL)
	k = (size_t) (nl - f->_IO_read_ptr) + 1;
      take_bytes (f, s + done, k);
      done += k;
      if (nl != NULL)
	break;
    }
  char *r = s;
  if (done == 0 || ((f->_flags & _IO_ERR_SEEN) && errno != EAGAIN))
    r = NULL;
  else
    {
      s[done] = 0;
      memtags_set (s + done, 1, 0);
    }
  f->_flags |= old_error;
  return r;
}

/* fread on locked F: N bytes into P.  Returns the number of bytes
   read.  */
static size_t
tagged_fread (void *p, size_t n, FILE *f)
{
  char *d = p;
  size_t done = 0;
  while (done < n)
    {
      size_t k = readable (f);
      if (k == 0)
	{
	  /* Unbuffered: the C library reads into the program's bytes, where
	     the system-call hook tags them.  */
	  if (f->_flags & LIBC_IO_UNBUFFERED)
	    {
	      size_t r = fread_unlocked (d + done, 1, n - done, f);
	      if (!event_before_syscall)
		memtags_set (d + done, r, 0);
	      done += r;
	      break;
	    }
	  if (take_byte_to (f, d + done) == EOF)
	    break;
	  done++;
	  continue;
	}
      if (k > n - done)
	k = n - done;
      take_bytes (f, d + done, k);
      done += k;
    }
  return done;
}

/* Make room for NEED bytes (and a 0) in *LINE of capacity *CAP, moving
   the tags of its bytes with them.  */
static int
line_room (char **line, size_t *cap, size_t need)
{
  if (need <= *cap)
    return 0;
  size_t ncap = *cap * 2 > need ? *cap * 2 : need;
  char *p = libc_tagged_realloc (*line, ncap);
  if (p == NULL)
    {
      errno = ENOMEM;
      return -1;
    }
  *line = p;
  *cap = ncap;
  return 0;
}

/* getdelim on locked F, as glibc does it.  */
static ssize_t
tagged_getdelim (char **line, size_t *cap, int delim, FILE *f)
{
  if (line == NULL || cap == NULL)
    {
      errno = EINVAL;
      return -1;
    }
  if (*line == NULL || *cap == 0)
    {
      char *p = realloc (*line, 120);
      if (p == NULL)
	{
	  errno = ENOMEM;
	  return -1;
	}
      *line = p;
      *cap = 120;
    }
  size_t len = 0;
  for (;;)
    {
      size_t k = readable (f);
      if (k == 0)
	{
	  uint64_t tag;
	  int ch = take_byte (f, &tag);
	  if (ch == EOF)
	    break;
	  if (line_room (line, cap, len + 2) != 0)
	    return -1;
	  (*line)[len] = (char) ch;
	  memtags_set (*line + len++, 1, tag);
	  if (ch == (unsigned char) delim)
	    break;
	  continue;
	}
      const char *e = memchr (f->_IO_read_ptr, delim, k);
      if (e != NULL)
	k = (size_t) (e - f->_IO_read_ptr) + 1;
      if (len + k + 1 > (size_t) SSIZE_MAX)
	{
	  errno = EOVERFLOW;
	  return -1;
	}
      if (line_room (line, cap, len + k + 1) != 0)
	return -1;
      take_bytes (f, *line + len, k);
      len += k;
      if (e != NULL)
	break;
    }
  (*line)[len] = 0;
  memtags_set (*line + len, 1, 0);
  return len ? (ssize_t) len : -1;
}

/* The wrappers.  A function that locks the stream holds the lock while it
   reads; the _unlocked ones (and __uflow) leave it to the
   caller, as the C library's do.  */

#define LOCKED(f, expr)							\
  ({									\
    flockfile (f);							\
    __typeof__ (expr) r_ = (expr);					\
    funlockfile (f);							\
    r_;									\
  })

/* Wrapper NAME, with parameters PARAMS and result type TYPE, of a
   function on stream F: when tags matter and F is not wide-oriented, it
   returns TAGGED (an expression of the call C, which ends it); else the
   C library's PLAIN.  */
#define STREAM(type, name, params, f, plain, tagged)			\
  type									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    if (!libc_begin (&c, LIBC_##name) || wide_p (f))			\
      return plain;							\
    return tagged;							\
  }

/* A line: the result (S) has the tag of S.  CHK: a checking variant,
   for S of SIZE bytes.  */

static char *
get_line (struct libc_call *c, char *s, int n, FILE *f, int lock,
	  int chk, size_t size)
{
  if (chk && (size_t) n > size)
    __chk_fail ();
  char *r = lock ? LOCKED (f, tagged_fgets (s, n, f)) : tagged_fgets (s, n, f);
  libc_end (c, r ? libc_arg (c, 0) : 0);
  return r;
}

STREAM (char *, fgets, (char *s, int n, FILE *f), f,
	fgets (s, n, f), get_line (&c, s, n, f, 1, 0, 0))
STREAM (char *, fgets_unlocked, (char *s, int n, FILE *f), f,
	fgets_unlocked (s, n, f), get_line (&c, s, n, f, 0, 0, 0))
STREAM (char *, __fgets_chk, (char *s, size_t size, int n, FILE *f), f,
	__fgets_chk (s, size, n, f), get_line (&c, s, n, f, 1, 1, size))
STREAM (char *, __fgets_unlocked_chk,
	(char *s, size_t size, int n, FILE *f), f,
	__fgets_unlocked_chk (s, size, n, f),
	get_line (&c, s, n, f, 0, 1, size))

/* fread: a whole number of elements (the bytes of a last, partial one
   are read too, as the C library does).  */
static size_t
fread_elems (void *p, size_t size, size_t n, FILE *f, int lock)
{
  size_t total;
  if (__builtin_mul_overflow (size, n, &total) || total == 0)
    return lock ? fread (p, size, n, f) : fread_unlocked (p, size, n, f);
  size_t got = lock ? LOCKED (f, tagged_fread (p, total, f))
		    : tagged_fread (p, total, f);
  return got == total ? n : got / size;
}

/* Blocks: the result has no tag.  CHK: a checking variant, for P of
   PSIZE bytes.  */

static size_t
get_elems (struct libc_call *c, void *p, size_t size, size_t n, FILE *f,
	   int lock, int chk, size_t psize)
{
  size_t total;
  if (chk && (__builtin_mul_overflow (size, n, &total) || total > psize))
    __chk_fail ();
  size_t r = fread_elems (p, size, n, f, lock);
  libc_end (c, 0);
  return r;
}

STREAM (size_t, fread, (void *p, size_t size, size_t n, FILE *f), f,
	fread (p, size, n, f), get_elems (&c, p, size, n, f, 1, 0, 0))
STREAM (size_t, fread_unlocked, (void *p, size_t size, size_t n, FILE *f),
	f, fread_unlocked (p, size, n, f),
	get_elems (&c, p, size, n, f, 0, 0, 0))
STREAM (size_t, __fread_chk,
	(void *p, size_t psize, size_t size, size_t n, FILE *f), f,
	__fread_chk (p, psize, size, n, f),
	get_elems (&c, p, size, n, f, 1, 1, psize))
STREAM (size_t, __fread_unlocked_chk,
	(void *p, size_t psize, size_t size, size_t n, FILE *f), f,
	__fread_unlocked_chk (p, psize, size, n, f),
	get_elems (&c, p, size, n, f, 0, 1, psize))

/* Delimited lines: the result has no tag.  */

static ssize_t
get_delim (struct libc_call *c, char **line, size_t *cap, int delim, FILE *f)
{
  ssize_t r = LOCKED (f, tagged_getdelim (line, cap, delim, f));
  libc_end (c, 0);
  return r;
}

STREAM (ssize_t, getdelim, (char **line, size_t *cap, int delim, FILE *f), f,
	getdelim (line, cap, delim, f), get_delim (&c, line, cap, delim, f))
STREAM (ssize_t, __getdelim,
	(char **line, size_t *cap, int delim, FILE *f), f,
	getdelim (line, cap, delim, f), get_delim (&c, line, cap, delim, f))
STREAM (ssize_t, getline, (char **line, size_t *cap, FILE *f), f,
	getline (line, cap, f), get_delim (&c, line, cap, '\n', f))

/* One byte: the result has the byte's tag.  */

static int
get_byte (struct libc_call *c, FILE *f, int lock)
{
  uint64_t tag;
  int ch = lock ? LOCKED (f, take_byte (f, &tag)) : take_byte (f, &tag);
  libc_end (c, tag);
  return ch;
}

STREAM (int, fgetc, (FILE *f), f, fgetc (f), get_byte (&c, f, 1))
STREAM (int, getc, (FILE *f), f, getc (f), get_byte (&c, f, 1))
STREAM (int, getchar, (void), stdin, getchar (), get_byte (&c, stdin, 1))
STREAM (int, fgetc_unlocked, (FILE *f), f,
	fgetc_unlocked (f), get_byte (&c, f, 0))
STREAM (int, getc_unlocked, (FILE *f), f,
	getc_unlocked (f), get_byte (&c, f, 0))
STREAM (int, getchar_unlocked, (void), stdin,
	getchar_unlocked (), get_byte (&c, stdin, 0))

/* What the inline getc_unlocked of <stdio.h> calls when the read area is
   empty (the bytes it takes from the read area itself are loads of
   instrumented code, which find their tags there).  */
int
WRAP (__uflow) (FILE *f)
{
  struct libc_call c;
  int ch = __uflow (f);
  if (libc_begin (&c, LIBC___uflow))
    libc_end (&c, ch == EOF ? 0 : taken_tag (f));
  return ch;
}

/* The byte pushed back has the tag of CH.  */
int
WRAP (ungetc) (int ch, FILE *f)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_ungetc))
    return ungetc (ch, f);
  flockfile (f);
  int r = ungetc (ch, f);
  if (r != EOF && !wide_p (f))
    memtags_set (f->_IO_read_ptr, 1, libc_arg (&c, 0));
  funlockfile (f);
  libc_end (&c, r == EOF ? 0 : libc_arg (&c, 0));
  return r;
}

/* ---------------------------------------------------------------------- */
/* Output.  */

/* The bytes that fit in F's write area before the C library flushes it,
   as its fwrite counts them: 0 when F is not writing yet.  */
static size_t
room (FILE *f)
{
  if (!(f->_flags & LIBC_IO_CURRENTLY_PUTTING) || f->_IO_write_base == NULL)
    return 0;
  char *end = (f->_flags & LIBC_IO_LINE_BUF) ? f->_IO_buf_end
					      : f->_IO_write_end;
  return f->_IO_write_ptr < end ? (size_t) (end - f->_IO_write_ptr) : 0;
}

/* Write the N bytes at P to locked F, each with its tag at its place in
   the buffer.  Returns the number written.  */
static size_t
put_bytes (FILE *f, const char *p, size_t n)
{
  if (f->_flags & LIBC_IO_UNBUFFERED)
    return fwrite_unlocked (p, 1, n, f);
  size_t done = 0;
  while (done < n)
    {
      size_t k = room (f);
      if (k == 0)
	{
	  /* Start writing (a buffer, write mode), or flush the full
	     buffer, whose bytes have their tags already.  */
	  if (__overflow (f, EOF) == EOF)
	    break;
	  k = room (f);
	  if (k == 0)
	    {
	      done += fwrite_unlocked (p + done, 1, n - done, f);
	      break;
	    }
	}
      if (k > n - done)
	k = n - done;
      /* A line-buffered stream is flushed after a newline.  */
      if (f->_flags & LIBC_IO_LINE_BUF)
	{
	  const char *nl = memchr (p + done, '\n', k);
	  if (nl != NULL)
	    k = (size_t) (nl - (p + done)) + 1;
	}
      memtags_copy (f->_IO_write_ptr, p + done, k);
      size_t w = fwrite_unlocked (p + done, 1, k, f);
      done += w;
      if (w < k)
	break;
    }
  return done;
}

size_t
libc_tagged_write (FILE *f, const char *p, size_t n)
{
  if (wide_p (f))
    return fwrite_unlocked (p, 1, n, f);
  return put_bytes (f, p, n);
}

/* Write byte CH with tag TAG to locked F, as putc_unlocked does.  */
static int
put_byte (FILE *f, int ch, uint64_t tag)
{
  if (!(f->_flags & LIBC_IO_CURRENTLY_PUTTING) || f->_IO_write_base == NULL
      || f->_IO_write_ptr >= f->_IO_buf_end)
    if (__overflow (f, EOF) == EOF)
      return EOF;
  if (f->_IO_write_ptr < f->_IO_buf_end)
    memtags_set (f->_IO_write_ptr, 1, tag);
  return putc_unlocked (ch, f);
}

/* One byte: it keeps the tag of CH, and so does the result.  */

static int
put_char (struct libc_call *c, int ch, FILE *f, int lock)
{
  int r = lock ? LOCKED (f, put_byte (f, ch, libc_arg (c, 0)))
	       : put_byte (f, ch, libc_arg (c, 0));
  libc_end (c, r == EOF ? 0 : libc_arg (c, 0));
  return r;
}

STREAM (int, fputc, (int ch, FILE *f), f,
	fputc (ch, f), put_char (&c, ch, f, 1))
STREAM (int, putc, (int ch, FILE *f), f,
	putc (ch, f), put_char (&c, ch, f, 1))
STREAM (int, fputc_unlocked, (int ch, FILE *f), f,
	fputc_unlocked (ch, f), put_char (&c, ch, f, 0))
STREAM (int, putc_unlocked, (int ch, FILE *f), f,
	putc_unlocked (ch, f), put_char (&c, ch, f, 0))
STREAM (int, putchar, (int ch), stdout,
	putchar (ch), put_char (&c, ch, stdout, 1))
STREAM (int, putchar_unlocked, (int ch), stdout,
	putchar_unlocked (ch), put_char (&c, ch, stdout, 0))

/* What the inline putc_unlocked of <stdio.h> calls when the write area
   is full (it stores the other bytes itself, with instrumented stores
   that give them their tags).  */
int
WRAP (__overflow) (FILE *f, int ch)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC___overflow) || wide_p (f) || ch == EOF)
    return __overflow (f, ch);
  int r = put_byte (f, ch, libc_arg (&c, 1));
  libc_end (&c, r == EOF ? 0 : libc_arg (&c, 1));
  return r;
}

/* Strings and blocks: the bytes keep their tags; the result has none.  */

static int
put_string (struct libc_call *c, const char *s, FILE *f, int lock)
{
  size_t n = strlen (s);
  int r = (lock ? LOCKED (f, put_bytes (f, s, n)) : put_bytes (f, s, n)) == n
	  ? 1 : EOF;
  libc_end (c, 0);
  return r;
}

STREAM (int, fputs, (const char *s, FILE *f), f,
	fputs (s, f), put_string (&c, s, f, 1))
STREAM (int, fputs_unlocked, (const char *s, FILE *f), f,
	fputs_unlocked (s, f), put_string (&c, s, f, 0))

static int
tagged_puts (const char *s)
{
  size_t n = strlen (s);
  if (put_bytes (stdout, s, n) != n || put_byte (stdout, '\n', 0) == EOF)
    return EOF;
  return n < INT_MAX ? (int) n + 1 : INT_MAX;
}

static int
put_line (struct libc_call *c, const char *s)
{
  int r = LOCKED (stdout, tagged_puts (s));
  libc_end (c, 0);
  return r;
}

STREAM (int, puts, (const char *s), stdout, puts (s), put_line (&c, s))

static size_t
fwrite_elems (const void *p, size_t size, size_t n, FILE *f, int lock)
{
  size_t total;
  if (__builtin_mul_overflow (size, n, &total) || total == 0)
    return lock ? fwrite (p, size, n, f) : fwrite_unlocked (p, size, n, f);
  size_t w = lock ? LOCKED (f, put_bytes (f, p, total))
		  : put_bytes (f, p, total);
  return w == total ? n : w / size;
}

static size_t
put_elems (struct libc_call *c, const void *p, size_t size, size_t n,
	   FILE *f, int lock)
{
  size_t r = fwrite_elems (p, size, n, f, lock);
  libc_end (c, 0);
  return r;
}

STREAM (size_t, fwrite, (const void *p, size_t size, size_t n, FILE *f), f,
	fwrite (p, size, n, f), put_elems (&c, p, size, n, f, 1))
STREAM (size_t, fwrite_unlocked,
	(const void *p, size_t size, size_t n, FILE *f), f,
	fwrite_unlocked (p, size, n, f), put_elems (&c, p, size, n, f, 0))

/* ---------------------------------------------------------------------- */
/* For the scanf family (libc-format.c).  */

void
libc_scan_mark (FILE *f, struct libc_scan_mark *m, int whole)
{
  m->ptr = f->_IO_read_ptr;
  m->end = f->_IO_read_end;
  m->rest = NULL;
  size_t n = readable (f);
  if (whole && n > 0 && f->_fileno >= 0)
    {
      m->rest = malloc (n * sizeof *m->rest);
      if (m->rest != NULL)
	libc_tags_save (m->ptr, n, m->rest);
    }
}

void
libc_scan_tags (FILE *f, struct libc_scan_mark *m, size_t n, uint64_t *tags)
{
  size_t tail = m->ptr != NULL && m->end > m->ptr
		? (size_t) (m->end - m->ptr) : 0;
  if (f->_fileno < 0)
    memset (tags, 0, n * sizeof *tags);
  else if (n <= tail && f->_IO_read_end == m->end
	   && f->_IO_read_ptr == m->ptr + n)
    /* The read area was not refilled: the bytes are still there.  */
    libc_tags_save (m->ptr, n, tags);
  else
    {
      /* Refilled: the conversion read the rest of the old read area,
	 then (after more refills, if it is long) the start of the new
	 one.  A byte in between, or of the old area whose tags were not
	 kept, gets the union of the tags known.  */
      size_t fresh = f->_IO_read_ptr > f->_IO_read_base
		     ? (size_t) (f->_IO_read_ptr - f->_IO_read_base) : 0;
      if (fresh > n)
	fresh = n;
      size_t old = n - fresh;
      uint64_t known = 0;
      libc_tags_save (f->_IO_read_ptr - fresh, fresh, tags + old);
      for (size_t i = old; i < n; i++)
	known |= tags[i];
      size_t kept = m->rest != NULL ? (old < tail ? old : tail) : 0;
      for (size_t i = 0; i < kept; i++)
	known |= tags[i] = m->rest[i];
      for (size_t i = kept; i < old; i++)
	tags[i] = known;
    }
  free (m->rest);
  m->rest = NULL;
}

#pragma GCC visibility pop
