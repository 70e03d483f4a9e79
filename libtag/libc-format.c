/* libc-format.c - the runtime's wrappers of the printf and scanf families
   (see libc-wrap.h; what they do to tags is in README.md).

   Both cut the format into pieces of one conversion each and let the C
   library do each piece (snprintf of one value, or scanf of one
   conversion followed by our own %n), so the results are the C
   library's; what the pieces tell (which output bytes a conversion
   produced, which input bytes it consumed) places the tags.

   printf: the bytes of the format's text keep the format's tags; a %s
   conversion's bytes keep the string's; the bytes of any other conversion
   get the tag of its argument (for arguments among the first eight of
   the call; the v* functions have no argument tags, only the bytes of
   their %s strings).  The output is made in a buffer of ours, with its
   tags, then copied (sprintf, snprintf, asprintf) or written (printf,
   fprintf: into the stream's buffer, libc-stdio.c; dprintf: by write (2),
   which the system-call hook sees).  A format with numbered arguments
   (%1$d) or conversions the wrappers do not know is formatted whole by
   the C library, every byte getting the union of the tags of the format
   and of the arguments.

   scanf: a number stored gets the union of the tags of the bytes the
   conversion consumed (with the literal text and white space before it);
   each byte of a string (%s, %[, %c) gets the tag of the byte it came
   from.  From a stream, the bytes are found in its read area
   (libc_scan_mark, libc_scan_tags).  A format with numbered arguments is
   left to the C library: what it stores gets no tags.  */

#define _GNU_SOURCE 1

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "libc-wrap.h"


/* The C library's functions, by their symbols: <stdio.h> renames some of
   them depending on the feature macros.  */
extern int c_fscanf (FILE *, const char *, ...) __asm__ ("fscanf");
extern int c_sscanf (const char *, const char *, ...) __asm__ ("sscanf");
extern int c_vfscanf (FILE *, const char *, va_list) __asm__ ("vfscanf");
extern int c_vsscanf (const char *, const char *, va_list)
  __asm__ ("vsscanf");
extern int c99_fscanf (FILE *, const char *, ...)
  __asm__ ("__isoc99_fscanf");
extern int c99_sscanf (const char *, const char *, ...)
  __asm__ ("__isoc99_sscanf");
extern int c99_vfscanf (FILE *, const char *, va_list)
  __asm__ ("__isoc99_vfscanf");
extern int c99_vsscanf (const char *, const char *, va_list)
  __asm__ ("__isoc99_vsscanf");
extern int __vfprintf_chk (FILE *, int, const char *, va_list);
extern int __vdprintf_chk (int, int, const char *, va_list);
extern int __vsprintf_chk (char *, int, size_t, const char *, va_list);
extern int __vsnprintf_chk (char *, size_t, int, size_t, const char *,
			    va_list);
extern int __vasprintf_chk (char **, int, const char *, va_list);
extern void __chk_fail (void) __attribute__ ((noreturn));

/* The wrappers and helpers are local to each executable or shared
   object (every one links its own copy of the runtime).  */
#pragma GCC visibility push(hidden)

/* ---------------------------------------------------------------------- */
/* Conversion specifications, as both families write them.  */

struct spec
{
  const char *start, *end;	/* from the '%' to past the conversion */
  int conv;			/* the conversion character */
  char len[3];			/* the length modifier: "", "h", "hh", "l",
				   "ll", "L", "j", "z", "t" */
  int width, prec;		/* -1 when not given */
  int width_star, prec_star;	/* printf: given as '*' */
  int left;			/* printf: the '-' flag */
  int suppress;			/* scanf: '*' */
  int alloc;			/* scanf: the 'm' (or GNU 'a') flag */
};

/* Does FMT number its arguments (%1$d)?  */
static int
numbered_p (const char *fmt)
{
  for (const char *p = strchr (fmt, '%'); p; p = strchr (p, '%'))
    {
      p++;
      if (*p == '%')
	{
	  p++;
	  continue;
	}
      while (isdigit ((unsigned char) *p))
	p++;
      if (*p == '$')
	return 1;
    }
  return 0;
}

/* Read the length modifier at *P into S.  */
static void
parse_length (const char **p, struct spec *s)
{
  const char *q = *p;
  size_t n = 0;
  if ((q[0] == 'h' && q[1] == 'h') || (q[0] == 'l' && q[1] == 'l'))
    n = 2;
  else if (strchr ("hlLqjzZt", q[0]) != NULL && q[0] != 0)
    n = 1;
  memcpy (s->len, q, n);
  s->len[n] = 0;
  if (s->len[0] == 'q')
    strcpy (s->len, "ll");
  if (s->len[0] == 'Z')
    strcpy (s->len, "z");
  *p = q + n;
}

/* The size of the integer a conversion with length modifier LEN
   stores.  */
static size_t
int_size (const char *len)
{
  if (strcmp (len, "hh") == 0)
    return sizeof (char);
  if (strcmp (len, "h") == 0)
    return sizeof (short);
  if (strcmp (len, "l") == 0)
    return sizeof (long);
  if (strcmp (len, "ll") == 0 || strcmp (len, "L") == 0)
    return sizeof (long long);
  if (strcmp (len, "j") == 0)
    return sizeof (intmax_t);
  if (strcmp (len, "z") == 0)
    return sizeof (size_t);
  if (strcmp (len, "t") == 0)
    return sizeof (ptrdiff_t);
  return sizeof (int);
}

/* ---------------------------------------------------------------------- */
/* printf.  */

/* The output, in a buffer of ours whose bytes have their tags.  */
struct out
{
  char *buf;
  size_t len, cap;
  int failed;
};

static int
out_room (struct out *o, size_t n)
{
  if (o->failed)
    return -1;
  if (o->len + n + 1 <= o->cap)
    return 0;
  size_t cap = o->cap ? o->cap : 256;
  while (cap < o->len + n + 1)
    cap *= 2;
  char *b = libc_tagged_realloc (o->buf, cap);
  if (b == NULL)
    {
      o->failed = 1;
      return -1;
    }
  o->buf = b;
  o->cap = cap;
  return 0;
}

/* Append the N bytes at P, with the tags of the bytes at FROM, or tag TAG
   when FROM is NULL.  */
static void
out_add (struct out *o, const char *p, size_t n, const char *from,
	 uint64_t tag)
{
  if (n == 0 || out_room (o, n) != 0)
    return;
  memcpy (o->buf + o->len, p, n);
  if (from != NULL)
    memtags_copy (o->buf + o->len, from, n);
  else
    memtags_set (o->buf + o->len, n, tag);
  o->len += n;
}

static void
out_free (struct out *o)
{
  if (o->buf != NULL)
    memtags_set (o->buf, o->cap, 0);
  free (o->buf);
}

/* Parse the printf conversion at P ('%', not "%%").  False for a
   conversion the wrappers do not know.  */
static int
parse_printf (const char *p, struct spec *s)
{
  memset (s, 0, sizeof *s);
  s->start = p++;
  s->width = s->prec = -1;
  while (*p && strchr ("-+ #0'I", *p))
    s->left |= *p++ == '-';
  if (*p == '*')
    s->width_star = 1, p++;
  else if (isdigit ((unsigned char) *p))
    for (s->width = 0; isdigit ((unsigned char) *p); p++)
      s->width = s->width * 10 + (*p - '0');
  if (*p == '.')
    {
      p++;
      if (*p == '*')
	s->prec_star = 1, p++;
      else
	for (s->prec = 0; isdigit ((unsigned char) *p); p++)
	  s->prec = s->prec * 10 + (*p - '0');
    }
  parse_length (&p, s);
  s->conv = *p;
  if (*p == 0 || strchr ("diouxXcCsSpnmeEfFgGaA", *p) == NULL)
    return 0;
  s->end = p + 1;
  return 1;
}

/* Can the wrappers format FMT piece by piece?  */
static int
printf_known_p (const char *fmt)
{
  struct spec s;
  if (numbered_p (fmt))
    return 0;
  for (const char *p = strchr (fmt, '%'); p; p = strchr (p, '%'))
    {
      if (p[1] == '%')
	{
	  p += 2;
	  continue;
	}
      if (!parse_printf (p, &s))
	return 0;
      p = s.end;
    }
  return 1;
}

/* The conversion S with its '*' replaced by WIDTH and PREC (negative
   width: left-justified; negative precision: none), into BUF.  */
static int
piece_format (const struct spec *s, int width, int prec, char *buf,
	      size_t size)
{
  const char *p = s->start + 1;
  size_t n = 0;
  buf[n++] = '%';
  while (*p && strchr ("-+ #0'I", *p) && n < size - 40)
    buf[n++] = *p++;
  if (width < 0 && width != INT_MIN && s->width_star)
    {
      buf[n++] = '-';
      width = -width;
    }
  if (s->width_star || s->width >= 0)
    n += (size_t) snprintf (buf + n, size - n, "%d", s->width_star ? width
							: s->width);
  if (s->prec_star ? prec >= 0 : s->prec >= 0)
    n += (size_t) snprintf (buf + n, size - n, ".%d", s->prec_star ? prec
							 : s->prec);
  n += (size_t) snprintf (buf + n, size - n, "%s%c", s->len, s->conv);
  return n < size ? 0 : -1;
}

/* Append the output of one conversion: snprintf of FMT and the value V
   (its C type, by the macro's TYPE).  */
#define PIECE(o, fmt, v)						\
  ({									\
    char small_[128];							\
    int n_ = snprintf (small_, sizeof small_, fmt, v);			\
    char *p_ = small_;							\
    if (n_ >= (int) sizeof small_)					\
      {									\
	p_ = malloc ((size_t) n_ + 1);					\
	if (p_ != NULL)							\
	  snprintf (p_, (size_t) n_ + 1, fmt, v);			\
      }									\
    if (n_ < 0 || p_ == NULL)						\
      (o)->failed = 1;							\
    else								\
      out_add (o, p_, (size_t) n_, NULL, 0);				\
    if (p_ != small_)							\
      free (p_);							\
    n_ < 0 || p_ == NULL ? -1 : n_;					\
  })

/* Append the output of an integer conversion of length modifier LEN:
   its value, from AP, is of type L, LL, J, Z or T by the modifier, else
   INT.  */
#define INT_PIECE(o, fmt, len, ap, int_, l, ll, j, z, t)		\
  do									\
    {									\
      if (strcmp (len, "l") == 0)					\
	PIECE (o, fmt, va_arg (ap, l));					\
      else if (strcmp (len, "ll") == 0 || strcmp (len, "L") == 0)	\
	PIECE (o, fmt, va_arg (ap, ll));				\
      else if (strcmp (len, "j") == 0)					\
	PIECE (o, fmt, va_arg (ap, j));					\
      else if (strcmp (len, "z") == 0)					\
	PIECE (o, fmt, va_arg (ap, z));					\
      else if (strcmp (len, "t") == 0)					\
	PIECE (o, fmt, va_arg (ap, t));					\
      else								\
	PIECE (o, fmt, va_arg (ap, int_));				\
    }									\
  while (0)

/* Format FMT with AP into O, piece by piece.  ARG is the index of the
   first argument in AP among the call's (for its tag; past the slots
   when there are none).  SAVED_ERRNO is errno on entry (for %m).  */
static void
format_pieces (struct out *o, const struct libc_call *c, unsigned arg,
	       const char *fmt, va_list ap, int saved_errno)
{
  const char *p = fmt;
  while (*p && !o->failed)
    {
      const char *lit = p;
      while (*p && !(p[0] == '%' && p[1] != '%'))
	p += p[0] == '%' ? 2 : 1;
      /* The text, with "%%" as one '%'.  */
      for (const char *q = lit; q < p;)
	{
	  const char *pct = memchr (q, '%', (size_t) (p - q));
	  const char *stop = pct ? pct + 1 : p;
	  out_add (o, q, (size_t) (stop - q), q, 0);
	  q = pct ? pct + 2 : p;
	}
      if (!*p)
	break;
      struct spec s;
      parse_printf (p, &s);
      p = s.end;
      int width = 0, prec = -1;
      uint64_t tag = 0;
      if (s.width_star)
	width = va_arg (ap, int), arg++;
      if (s.prec_star)
	prec = va_arg (ap, int), arg++;
      char f[96];
      if (piece_format (&s, width, prec, f, sizeof f) != 0)
	{
	  o->failed = 1;
	  break;
	}
      size_t at = o->len;
      int wide = s.len[0] == 'l' || s.conv == 'C' || s.conv == 'S';
      switch (s.conv)
	{
	case 'd': case 'i':
	  tag = libc_arg (c, arg++);
	  INT_PIECE (o, f, s.len, ap, int, long, long long, intmax_t, ssize_t,
		     ptrdiff_t);
	  break;
	case 'o': case 'u': case 'x': case 'X':
	  tag = libc_arg (c, arg++);
	  INT_PIECE (o, f, s.len, ap, unsigned, unsigned long,
		     unsigned long long, uintmax_t, size_t, ptrdiff_t);
	  break;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
	  tag = libc_arg (c, arg++);
	  if (strcmp (s.len, "L") == 0)
	    PIECE (o, f, va_arg (ap, long double));
	  else
	    PIECE (o, f, va_arg (ap, double));
	  break;
	case 'p':
	  tag = libc_arg (c, arg++);
	  PIECE (o, f, va_arg (ap, void *));
	  break;
	case 'c': case 'C':
	  tag = libc_arg (c, arg++);
	  if (wide)
	    PIECE (o, f, va_arg (ap, wint_t));
	  else
	    PIECE (o, f, va_arg (ap, int));
	  break;
	case 'm':
	  errno = saved_errno;
	  PIECE (o, f, 0);
	  break;
	case 'n':
	  {
	    void *d = va_arg (ap, void *);
	    arg++;
	    size_t size = int_size (s.len);
	    long long v = (long long) o->len;
	    /* Little- or big-endian: store through the right type.  */
	    switch (size)
	      {
	      case 1: *(signed char *) d = (signed char) v; break;
	      case 2: *(short *) d = (short) v; break;
	      case 4: *(int *) d = (int) v; break;
	      default: *(long long *) d = v; break;
	      }
	    memtags_set (d, size, 0);
	  }
	  break;
	case 's': case 'S':
	  {
	    const void *str = va_arg (ap, const void *);
	    uint64_t ptag = libc_arg (c, arg++);
	    if (wide)
	      {
		size_t n = str ? wcslen (str) : 0;
		tag = (str ? memtags_get (str, (n + 1) * sizeof (wchar_t))
		       : 0) | ptag;
		PIECE (o, f, (const wchar_t *) str);
		break;
	      }
	    int n = PIECE (o, f, (const char *) str);
	    if (n < 0 || str == NULL)
	      break;
	    /* The string's bytes, then or after the padding.  */
	    size_t len = s.prec_star ? (prec >= 0 ? strnlen (str, (size_t) prec)
					: strlen (str))
			 : s.prec >= 0 ? strnlen (str, (size_t) s.prec)
			 : strlen (str);
	    if (len > (size_t) n)
	      len = (size_t) n;
	    int left = s.left || (s.width_star && width < 0);
	    memtags_copy (o->buf + at + (left ? 0 : (size_t) n - len), str,
			  len);
	    continue;
	  }
	}
      if (tag != 0 && o->len > at)
	memtags_set (o->buf + at, o->len - at, tag);
    }
}

/* Format FMT with AP into O: piece by piece when the wrappers know every
   conversion, else whole by the C library, every byte then getting the
   union of the tags of the format and of the arguments.  */
static void
format (struct out *o, const struct libc_call *c, unsigned arg,
	const char *fmt, va_list ap)
{
  int saved_errno = errno;
  if (printf_known_p (fmt))
    format_pieces (o, c, arg, fmt, ap, saved_errno);
  else
    {
      va_list aq;
      va_copy (aq, ap);
      char small[256];
      int n = vsnprintf (small, sizeof small, fmt, aq);
      va_end (aq);
      if (n < 0 || out_room (o, (size_t) n) != 0)
	o->failed = 1;
      else
	{
	  errno = saved_errno;
	  vsnprintf (o->buf + o->len, (size_t) n + 1, fmt, ap);
	  uint64_t tag = memtags_get (fmt, strlen (fmt));
	  for (unsigned i = arg; i < BPFINST_SLOT_NARGS; i++)
	    tag |= libc_arg (c, i);
	  memtags_set (o->buf + o->len, (size_t) n, tag);
	  o->len += (size_t) n;
	}
    }
  if (!o->failed)
    errno = saved_errno;
  else if (errno == saved_errno)
    errno = EOVERFLOW;
}

/* Where the output goes.  */
enum sink { TO_STREAM, TO_FD, TO_BUFFER, TO_NEW };

struct dest
{
  enum sink sink;
  FILE *f;
  int fd;
  char *buf;
  size_t size;		/* TO_BUFFER: room in BUF (SIZE_MAX: unknown) */
  size_t chk;		/* TO_BUFFER: the object's size for _chk (or
			   SIZE_MAX) */
  char **newp;		/* TO_NEW */
};

/* printf of FMT with AP to D, for call C whose first argument in AP is
   its ARG-th.  */
static int
tagged_printf (struct libc_call *c, unsigned arg, struct dest d,
	       const char *fmt, va_list ap)
{
  struct out o = { NULL, 0, 0, 0 };
  format (&o, c, arg, fmt, ap);
  int r = o.failed || o.len > INT_MAX ? -1 : (int) o.len;
  if (r >= 0)
    switch (d.sink)
      {
      case TO_STREAM:
	flockfile (d.f);
	if (libc_tagged_write (d.f, o.buf, o.len) != o.len)
	  r = -1;
	funlockfile (d.f);
	break;
      case TO_FD:
	for (size_t done = 0; done < o.len;)
	  {
	    ssize_t w = write (d.fd, o.buf + done, o.len - done);
	    if (w < 0 && errno == EINTR)
	      continue;
	    if (w <= 0)
	      {
		r = -1;
		break;
	      }
	    done += (size_t) w;
	  }
	break;
      case TO_BUFFER:
	{
	  if (d.chk != SIZE_MAX && o.len + 1 > d.chk && d.size == SIZE_MAX)
	    __chk_fail ();
	  if (d.size == 0)
	    break;
	  size_t n = o.len < d.size - 1 ? o.len : d.size - 1;
	  memcpy (d.buf, o.buf, n);
	  d.buf[n] = 0;
	  memtags_copy (d.buf, o.buf, n);
	  memtags_set (d.buf + n, 1, 0);
	}
	break;
      case TO_NEW:
	{
	  char *p = malloc (o.len + 1);
	  if (p == NULL)
	    {
	      r = -1;
	      break;
	    }
	  memcpy (p, o.buf, o.len);
	  p[o.len] = 0;
	  memtags_copy (p, o.buf, o.len);
	  memtags_set (p + o.len, 1, 0);
	  *d.newp = p;
	}
	break;
      }
  out_free (&o);
  libc_end (c, 0);
  return r;
}

static struct dest
to_stream (FILE *f)
{
  struct dest d = { TO_STREAM, f, -1, NULL, 0, SIZE_MAX, NULL };
  return d;
}

static struct dest
to_fd (int fd)
{
  struct dest d = { TO_FD, NULL, fd, NULL, 0, SIZE_MAX, NULL };
  return d;
}

static struct dest
to_buffer (char *buf, size_t size, size_t chk)
{
  struct dest d = { TO_BUFFER, NULL, -1, buf, size, chk, NULL };
  return d;
}

static struct dest
to_new (char **p)
{
  struct dest d = { TO_NEW, NULL, -1, NULL, 0, SIZE_MAX, p };
  return d;
}

/* The wrappers.  NO_ARGS: the v* functions, whose arguments have no
   tags.  */
#define NO_ARGS BPFINST_SLOT_NARGS

/* A variadic wrapper of NAME whose last named parameter is LAST: PLAIN
   when tags do not matter, else TAGGED, both expressions of the call C
   and the va_list AP.  */
#define VARIADIC(name, params, last, plain, tagged)			\
  int									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    va_list ap;								\
    int r;								\
    va_start (ap, last);						\
    if (!libc_begin (&c, LIBC_##name))					\
      r = plain;							\
    else								\
      r = tagged;							\
    va_end (ap);							\
    return r;								\
  }

/* A variadic wrapper of NAME, doing CALL_PLAIN (with the va_list AP)
   when tags do not matter, else tagged_printf to TARGET.  */
#define PRINTF(name, params, last, arg, target, call_plain)		\
  VARIADIC (name, params, last, call_plain,				\
	    tagged_printf (&c, arg, target, last, ap))

#define VPRINTF(name, params, fmt, target, call_plain)			\
  int									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    if (!libc_begin (&c, LIBC_##name))					\
      return call_plain;						\
    return tagged_printf (&c, NO_ARGS, target, fmt, ap);		\
  }

PRINTF (printf, (const char *fmt, ...), fmt, 1, to_stream (stdout),
	vfprintf (stdout, fmt, ap))
PRINTF (fprintf, (FILE *f, const char *fmt, ...), fmt, 2, to_stream (f),
	vfprintf (f, fmt, ap))
PRINTF (dprintf, (int fd, const char *fmt, ...), fmt, 2, to_fd (fd),
	vdprintf (fd, fmt, ap))
PRINTF (sprintf, (char *buf, const char *fmt, ...), fmt, 2,
	to_buffer (buf, SIZE_MAX, SIZE_MAX), vsprintf (buf, fmt, ap))
PRINTF (snprintf, (char *buf, size_t n, const char *fmt, ...), fmt, 3,
	to_buffer (buf, n, SIZE_MAX), vsnprintf (buf, n, fmt, ap))
PRINTF (asprintf, (char **p, const char *fmt, ...), fmt, 2, to_new (p),
	vasprintf (p, fmt, ap))
PRINTF (__printf_chk, (int flag, const char *fmt, ...), fmt, 2,
	to_stream (stdout), __vfprintf_chk (stdout, flag, fmt, ap))
PRINTF (__fprintf_chk, (FILE *f, int flag, const char *fmt, ...), fmt, 3,
	to_stream (f), __vfprintf_chk (f, flag, fmt, ap))
PRINTF (__dprintf_chk, (int fd, int flag, const char *fmt, ...), fmt, 3,
	to_fd (fd), __vdprintf_chk (fd, flag, fmt, ap))
PRINTF (__sprintf_chk, (char *buf, int flag, size_t chk, const char *fmt,
			...), fmt, 4, to_buffer (buf, SIZE_MAX, chk),
	__vsprintf_chk (buf, flag, chk, fmt, ap))
PRINTF (__snprintf_chk, (char *buf, size_t n, int flag, size_t chk,
			 const char *fmt, ...), fmt, 5,
	to_buffer (buf, n <= chk ? n : (__chk_fail (), n), chk),
	__vsnprintf_chk (buf, n, flag, chk, fmt, ap))
PRINTF (__asprintf_chk, (char **p, int flag, const char *fmt, ...), fmt, 3,
	to_new (p), __vasprintf_chk (p, flag, fmt, ap))

VPRINTF (vprintf, (const char *fmt, va_list ap), fmt, to_stream (stdout),
	 vfprintf (stdout, fmt, ap))
VPRINTF (vfprintf, (FILE *f, const char *fmt, va_list ap), fmt,
	 to_stream (f), vfprintf (f, fmt, ap))
VPRINTF (vdprintf, (int fd, const char *fmt, va_list ap), fmt, to_fd (fd),
	 vdprintf (fd, fmt, ap))
VPRINTF (vsprintf, (char *buf, const char *fmt, va_list ap), fmt,
	 to_buffer (buf, SIZE_MAX, SIZE_MAX), vsprintf (buf, fmt, ap))
VPRINTF (vsnprintf, (char *buf, size_t n, const char *fmt, va_list ap), fmt,
	 to_buffer (buf, n, SIZE_MAX), vsnprintf (buf, n, fmt, ap))
VPRINTF (vasprintf, (char **p, const char *fmt, va_list ap), fmt,
	 to_new (p), vasprintf (p, fmt, ap))
VPRINTF (__vprintf_chk, (int flag, const char *fmt, va_list ap), fmt,
	 to_stream (stdout), __vfprintf_chk (stdout, flag, fmt, ap))
VPRINTF (__vfprintf_chk, (FILE *f, int flag, const char *fmt, va_list ap),
	 fmt, to_stream (f), __vfprintf_chk (f, flag, fmt, ap))
VPRINTF (__vdprintf_chk, (int fd, int flag, const char *fmt, va_list ap),
	 fmt, to_fd (fd), __vdprintf_chk (fd, flag, fmt, ap))
VPRINTF (__vsprintf_chk, (char *buf, int flag, size_t chk, const char *fmt,
			  va_list ap), fmt,
	 to_buffer (buf, SIZE_MAX, chk),
	 __vsprintf_chk (buf, flag, chk, fmt, ap))
VPRINTF (__vsnprintf_chk, (char *buf, size_t n, int flag, size_t chk,
			   const char *fmt, va_list ap), fmt,
	 to_buffer (buf, n <= chk ? n : (__chk_fail (), n), chk),
	 __vsnprintf_chk (buf, n, flag, chk, fmt, ap))
VPRINTF (__vasprintf_chk, (char **p, int flag, const char *fmt, va_list ap),
	 fmt, to_new (p), __vasprintf_chk (p, flag, fmt, ap))

/* ---------------------------------------------------------------------- */
/* scanf.  */

/* Where the input comes from: a stream, or a string (S, from POS).  */
struct src
{
  FILE *f;
  const char *s;
  size_t pos;
  int c99;		/* the ISO C functions (__isoc99_*), else GNU's:
			   'a' before s, S or [ allocates, as 'm' does */
};

/* Parse the scanf conversion at P ('%', not "%%").  False when it is not
   one (the C library will say).  */
static int
parse_scanf (const char *p, struct spec *s, int c99)
{
  memset (s, 0, sizeof *s);
  s->start = p++;
  s->width = s->prec = -1;
  if (*p == '*')
    s->suppress = 1, p++;
  if (isdigit ((unsigned char) *p))
    for (s->width = 0; isdigit ((unsigned char) *p); p++)
      s->width = s->width * 10 + (*p - '0');
  if (*p == 'm' || (!c99 && *p == 'a' && strchr ("sS[", p[1]) && p[1]))
    s->alloc = 1, p++;
  parse_length (&p, s);
  s->conv = *p;
  if (*p == 0)
    return 0;
  if (*p == '[')
    {
      p++;
      if (*p == '^')
	p++;
      if (*p == ']')
	p++;
      while (*p && *p != ']')
	p++;
      if (*p == 0)
	return 0;
    }
  s->end = p + 1;
  return 1;
}

/* May the piece [FROM, S->end) read past the N bytes at IN, the stream's
   read area (which the C library would then refill)?  A conservative
   look at the input: literal text must match, white space is skipped,
   and a conversion that skips white space ends, at the latest, at the
   white space after its first characters.  */
static int
may_refill (const char *from, const struct spec *s, const char *in, size_t n)
{
  const char *q = in, *end = in + n;
  for (const char *p = from; p < s->start; p++)
    {
      if (isspace ((unsigned char) *p))
	{
	  while (q < end && isspace ((unsigned char) *q))
	    q++;
	  if (q == end)
	    return 1;
	  continue;
	}
      if (*p == '%')
	{
	  /* "%%": white space, then a '%'.  */
	  p++;
	  while (q < end && isspace ((unsigned char) *q))
	    q++;
	}
      if (q == end)
	return 1;
      if (*q++ != *p)
	return 0;
    }
  int width = s->width > 0 ? s->width : -1;
  switch (s->conv)
    {
    case 'n':
      return 0;
    case 'c': case 'C':
      return end - q <= (width > 0 ? width : 1);
    case '[':
      return width < 0 || end - q <= width;
    default:
      while (q < end && isspace ((unsigned char) *q))
	q++;
      if (width > 0)
	return end - q <= width;
      while (q < end && !isspace ((unsigned char) *q))
	q++;
      return q == end;
    }
}

/* Run the piece FMT (ending with our "%n") on SRC, storing to DEST (none
   when NULL), the count into *N.  */
static int
scan_piece (struct src *src, const char *fmt, void *dest, int *n)
{
  const char *s = src->s ? src->s + src->pos : NULL;
  if (src->f)
    return src->c99 ? (dest ? c99_fscanf (src->f, fmt, dest, n)
			    : c99_fscanf (src->f, fmt, n))
		    : (dest ? c_fscanf (src->f, fmt, dest, n)
			    : c_fscanf (src->f, fmt, n));
  return src->c99 ? (dest ? c99_sscanf (s, fmt, dest, n)
			  : c99_sscanf (s, fmt, n))
		  : (dest ? c_sscanf (s, fmt, dest, n) : c_sscanf (s, fmt, n));
}

/* Give what conversion S stored at DEST the tags of the N bytes it
   consumed, TAGS.  */
static void
scan_store_tags (const struct spec *s, void *dest, const uint64_t *tags,
		 size_t n)
{
  uint64_t all = 0;
  for (size_t i = 0; i < n; i++)
    all |= tags[i];
  int wide = s->len[0] == 'l' || s->conv == 'C' || s->conv == 'S';
  void *obj = dest;
  if (s->alloc && strchr ("sSc[C", s->conv))
    {
      memtags_set (dest, sizeof (void *), 0);
      obj = *(void **) dest;
      if (obj == NULL)
	return;
    }
  switch (s->conv)
    {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
      memtags_set (obj, int_size (s->len), all);
      break;
    case 'p':
      memtags_set (obj, sizeof (void *), all);
      break;
    case 'a': case 'A': case 'e': case 'E': case 'f': case 'F':
    case 'g': case 'G':
      memtags_set (obj, strcmp (s->len, "L") == 0 ? sizeof (long double)
			: s->len[0] == 'l' ? sizeof (double) : sizeof (float),
		   all);
      break;
    case 's': case 'S': case '[':
      if (wide)
	memtags_set (obj, (wcslen (obj) + 1) * sizeof (wchar_t), all);
      else
	{
	  /* The string is the last bytes consumed.  */
	  size_t len = strlen (obj);
	  if (len > n)
	    len = n;
	  libc_tags_restore (obj, len, tags + n - len);
	  memtags_set ((char *) obj + len, 1, 0);
	}
      break;
    case 'c': case 'C':
      {
	size_t w = s->width > 0 ? (size_t) s->width : 1;
	if (w > n)
	  w = n;
	if (wide)
	  memtags_set (obj, w * sizeof (wchar_t), all);
	else
	  libc_tags_restore (obj, w, tags + n - w);
      }
      break;
    default:
      break;
    }
}

/* Store COUNT, the bytes consumed so far, for a %n of ours at DEST.  */
static void
scan_store_count (const struct spec *s, void *dest, size_t count)
{
  switch (int_size (s->len))
    {
    case 1: *(signed char *) dest = (signed char) count; break;
    case 2: *(short *) dest = (short) count; break;
    case 4: *(int *) dest = (int) count; break;
    default: *(long long *) dest = (long long) count; break;
    }
  memtags_set (dest, int_size (s->len), 0);
}

/* scanf of FMT with AP from SRC (a stream locked by the caller).  */
static int
tagged_scanf (struct src *src, const char *fmt, va_list ap)
{
  int assigned = 0;
  size_t count = 0;
  char small[256];
  const char *p = fmt;
  for (;;)
    {
      const char *from = p;
      while (*p && !(p[0] == '%' && p[1] != '%'))
	p += p[0] == '%' ? 2 : 1;
      struct spec s;
      int last = *p == 0;
      if (last && from == p)
	return assigned;
      if (last)
	{
	  memset (&s, 0, sizeof s);
	  s.start = s.end = p;
	  s.conv = 'n';
	}
      else if (!parse_scanf (p, &s, src->c99))
	{
	  /* Not a conversion: the C library's matching failure.  */
	  return assigned;
	}
      /* The piece: the text before the conversion, the conversion (none
	 for a %n of the program's, which is ours), our %n.  */
      size_t keep = (size_t) ((s.conv == 'n' ? s.start : s.end) - from);
      char *piece = keep + 3 <= sizeof small ? small : malloc (keep + 3);
      if (piece == NULL)
	return assigned ? assigned : EOF;
      memcpy (piece, from, keep);
      memcpy (piece + keep, "%n", 3);
      void *dest = s.suppress || last ? NULL : va_arg (ap, void *);
      struct libc_scan_mark mark = { NULL, NULL, NULL };
      if (src->f)
	{
	  size_t avail = src->f->_IO_read_ptr < src->f->_IO_read_end
			 ? (size_t) (src->f->_IO_read_end
				     - src->f->_IO_read_ptr) : 0;
	  libc_scan_mark (src->f, &mark,
			  may_refill (from, &s, src->f->_IO_read_ptr, avail));
	}
      int n = -1;
      int r = scan_piece (src, piece, s.conv == 'n' ? NULL : dest, &n);
      if (piece != small)
	free (piece);
      uint64_t few[256], *tags = few;
      size_t got = n > 0 ? (size_t) n : 0;
      if (got > sizeof few / sizeof few[0])
	tags = malloc (got * sizeof *tags);
      if (src->f)
	{
	  if (tags != NULL)
	    libc_scan_tags (src->f, &mark, got, tags);
	  else
	    free (mark.rest);
	}
      else if (tags != NULL)
	libc_tags_save (src->s + src->pos, got, tags);
      if (r == EOF && n < 0)
	{
	  if (tags != few)
	    free (tags);
	  return assigned ? assigned : EOF;
	}
      if (n < 0)
	{
	  if (tags != few)
	    free (tags);
	  return assigned;
	}
      count += got;
      if (!src->f)
	src->pos += got;
      if (s.conv == 'n')
	{
	  if (dest != NULL)
	    scan_store_count (&s, dest, count);
	}
      else if (r > 0)
	{
	  assigned += r;
	  if (tags != NULL)
	    scan_store_tags (&s, dest, tags, got);
	}
      if (tags != few)
	free (tags);
      if (last)
	return assigned;
      p = s.end;
    }
}

/* scanf of FMT with AP from stream F, or string STR.  */
static int
scan_stream (struct libc_call *c, FILE *f, int c99, const char *fmt,
	     va_list ap)
{
  int r;
  if (numbered_p (fmt) || f->_mode > 0)
    r = c99 ? c99_vfscanf (f, fmt, ap) : c_vfscanf (f, fmt, ap);
  else
    {
      struct src src = { f, NULL, 0, c99 };
      flockfile (f);
      r = tagged_scanf (&src, fmt, ap);
      funlockfile (f);
    }
  libc_end (c, 0);
  return r;
}

static int
scan_string (struct libc_call *c, const char *str, int c99, const char *fmt,
	     va_list ap)
{
  int r;
  if (numbered_p (fmt))
    r = c99 ? c99_vsscanf (str, fmt, ap) : c_vsscanf (str, fmt, ap);
  else
    {
      struct src src = { NULL, str, 0, c99 };
      r = tagged_scanf (&src, fmt, ap);
    }
  libc_end (c, 0);
  return r;
}

/* The plain call (when tags do not matter) and the tagged one, for input
   from standard input, stream F or string STR, ISO C or GNU.  */
#define PLAIN_stdin(c99) \
  ((c99) ? c99_vfscanf (stdin, fmt, ap) : c_vfscanf (stdin, fmt, ap))
#define PLAIN_stream(c99) \
  ((c99) ? c99_vfscanf (f, fmt, ap) : c_vfscanf (f, fmt, ap))
#define PLAIN_string(c99) \
  ((c99) ? c99_vsscanf (str, fmt, ap) : c_vsscanf (str, fmt, ap))
#define TAGGED_stdin(c99) scan_stream (&c, stdin, c99, fmt, ap)
#define TAGGED_stream(c99) scan_stream (&c, f, c99, fmt, ap)
#define TAGGED_string(c99) scan_string (&c, str, c99, fmt, ap)

#define SCANF(name, params, c99, from)					\
  VARIADIC (name, params, fmt, PLAIN_##from (c99), TAGGED_##from (c99))

SCANF (scanf, (const char *fmt, ...), 0, stdin)
SCANF (fscanf, (FILE *f, const char *fmt, ...), 0, stream)
SCANF (sscanf, (const char *str, const char *fmt, ...), 0, string)
SCANF (__isoc99_scanf, (const char *fmt, ...), 1, stdin)
SCANF (__isoc99_fscanf, (FILE *f, const char *fmt, ...), 1, stream)
SCANF (__isoc99_sscanf, (const char *str, const char *fmt, ...), 1, string)

#define VSCANF(name, params, c99, from)					\
  int									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    if (!libc_begin (&c, LIBC_##name))					\
      return PLAIN_##from (c99);					\
    return TAGGED_##from (c99);						\
  }

VSCANF (vscanf, (const char *fmt, va_list ap), 0, stdin)
VSCANF (vfscanf, (FILE *f, const char *fmt, va_list ap), 0, stream)
VSCANF (vsscanf, (const char *str, const char *fmt, va_list ap), 0, string)
VSCANF (__isoc99_vscanf, (const char *fmt, va_list ap), 1, stdin)
VSCANF (__isoc99_vfscanf, (FILE *f, const char *fmt, va_list ap), 1, stream)
VSCANF (__isoc99_vsscanf, (const char *str, const char *fmt, va_list ap), 1,
	string)

#pragma GCC visibility pop
