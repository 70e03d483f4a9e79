/* libc-string.c - the runtime's wrappers of the C library's string,
   number, character, allocation and read functions (see libc-wrap.h; what
   each does to tags is in README.md, "Tags through the C library").

   Conventions: a byte copied keeps its tag; a value computed from bytes
   (a length, a comparison, a number) gets the union of their tags; a
   pointer into an argument's bytes gets that argument's tag.  The block
   copies themselves (memcpy, memmove, memset, ...) are not here: the
   plugin handles them where they are called (bpfinst_dense_copy).  */

#define _GNU_SOURCE 1

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "bpfinst/native.h"
#include "libc-wrap.h"


/* The system-call hook, when the native half has one: it then gives the
   bytes read their tags.  */
#pragma weak event_before_syscall

/* glibc's checking variants (-D_FORTIFY_SOURCE).  */
extern char *__strcpy_chk (char *, const char *, size_t);
extern char *__stpcpy_chk (char *, const char *, size_t);
extern char *__strncpy_chk (char *, const char *, size_t, size_t);
extern char *__stpncpy_chk (char *, const char *, size_t, size_t);
extern char *__strcat_chk (char *, const char *, size_t);
extern char *__strncat_chk (char *, const char *, size_t, size_t);
extern ssize_t __read_chk (int, void *, size_t, size_t);

/* The wrappers and helpers are local to each executable or shared
   object (every one links its own copy of the runtime).  */
#pragma GCC visibility push(hidden)

/* ---------------------------------------------------------------------- */
/* Helpers.  */

void
libc_tags_save (const void *p, size_t n, uint64_t *out)
{
  const char *b = p;
  if (memtags_own_store ())
    for (size_t i = 0; i < n; i++)
      out[i] = memtags_get (b + i, 1);
  else
    for (size_t i = 0; i < n; i++)
      out[i] = bpfinst_dense_get (memtags_addr (b + i));
}

void
libc_tags_restore (const void *p, size_t n, const uint64_t *tags)
{
  const char *b = p;
  size_t i = 0;
  while (i < n)
    {
      size_t j = i + 1;
      while (j < n && tags[j] == tags[i])
	j++;
      memtags_set (b + i, j - i, tags[i]);
      i = j;
    }
}

void *
libc_tagged_realloc (void *old, size_t n)
{
  if (old == NULL || n == 0)
    return realloc (old, n);
  size_t oldn = malloc_usable_size (old);
  size_t keep = oldn < n ? oldn : n;
  /* The old block may be reused as soon as realloc frees it: copy its
     tags to a block of ours first (the copies of tags are made in
     bulk).  */
  void *saved = NULL;
  if (memtags_get (old, keep) != 0)
    {
      saved = malloc (keep);
      if (saved == NULL)
	return NULL;
      memtags_copy (saved, old, keep);
    }
  void *p = realloc (old, n);
  if (p != NULL && p != old)
    memtags_copy (p, saved, keep);
  if (saved != NULL)
    {
      memtags_set (saved, keep, 0);
      free (saved);
    }
  return p;
}

/* The number of bytes two strings (or blocks of at most N bytes, STR 0)
   have in common before they differ, plus the first that differs (or the
   terminating 0): the bytes a comparison reads.  FOLD compares
   case-insensitively.  */
static size_t
compared (const char *a, const char *b, size_t n, int str, int fold)
{
  size_t i = 0;
  while (i < n)
    {
      unsigned char x = a[i], y = b[i];
      if (fold)
	x = tolower (x), y = tolower (y);
      i++;
      if (x != y || (str && x == 0))
	break;
    }
  return i;
}

static uint64_t
compare_tag (const void *a, const void *b, size_t n, int str, int fold)
{
  size_t k = compared (a, b, n, str, fold);
  return memtags_get (a, k) | memtags_get (b, k);
}

/* Wrapper NAME, with parameters PARAMS and result type TYPE, that calls
   the C library first (with ARGS) and then, when tags matter, gives the
   result R the tag TAG (an expression of R and of the call C).  */

#define RESULT(name, type, params, args, tag)				\
  type									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    type r = name args;							\
    if (libc_begin (&c, LIBC_##name))					\
      libc_end (&c, tag);						\
    return r;								\
  }

/* ---------------------------------------------------------------------- */
/* Searching: a pointer into S has S's tag.  */

#define SEARCH(name, type, params, args)				\
  RESULT (name, type, params, args, r ? libc_arg (&c, 0) : 0)

SEARCH (memchr, void *, (const void *s, int ch, size_t n), (s, ch, n))
SEARCH (memrchr, void *, (const void *s, int ch, size_t n), (s, ch, n))
SEARCH (rawmemchr, void *, (const void *s, int ch), (s, ch))
SEARCH (strchr, char *, (const char *s, int ch), (s, ch))
SEARCH (strrchr, char *, (const char *s, int ch), (s, ch))
SEARCH (strchrnul, char *, (const char *s, int ch), (s, ch))
SEARCH (strstr, char *, (const char *s, const char *t), (s, t))
SEARCH (strpbrk, char *, (const char *s, const char *t), (s, t))

/* ---------------------------------------------------------------------- */
/* Comparing: the union of the tags of the bytes compared.  */

#define COMPARE(name, params, args, a, b, n, str, fold)			\
  RESULT (name, int, params, args, compare_tag (a, b, n, str, fold))

COMPARE (memcmp, (const void *a, const void *b, size_t n), (a, b, n),
	 a, b, n, 0, 0)
COMPARE (bcmp, (const void *a, const void *b, size_t n), (a, b, n),
	 a, b, n, 0, 0)
COMPARE (strcmp, (const char *a, const char *b), (a, b), a, b, SIZE_MAX, 1, 0)
COMPARE (strncmp, (const char *a, const char *b, size_t n), (a, b, n),
	 a, b, n, 1, 0)
COMPARE (strcasecmp, (const char *a, const char *b), (a, b),
	 a, b, SIZE_MAX, 1, 1)
COMPARE (strncasecmp, (const char *a, const char *b, size_t n), (a, b, n),
	 a, b, n, 1, 1)

/* ---------------------------------------------------------------------- */
/* Measuring: the union of the tags of the bytes read, those counted and
   the one that stopped the count (READ: their number, from the result
   R).  */

#define MEASURE(name, params, args, read)				\
  RESULT (name, size_t, params, args, memtags_get (s, read))

MEASURE (strlen, (const char *s), (s), r + 1)
MEASURE (strnlen, (const char *s, size_t max), (s, max),
	 r < max ? r + 1 : r)
MEASURE (strspn, (const char *s, const char *accept), (s, accept), r + 1)
MEASURE (strcspn, (const char *s, const char *reject), (s, reject), r + 1)

/* ---------------------------------------------------------------------- */
/* Copying strings: each byte keeps its tag, padding gets tag 0; the
   result (a pointer into the destination) has the destination's tag.  */

/* Copy the tags of the string SRC (N bytes, then its 0) to DST, then
   give tag 0 to PAD more bytes.  */
static void
copy_string_tags (char *dst, const char *src, size_t n, int nul, size_t pad)
{
  memtags_copy (dst, src, n + (nul ? 1 : 0));
  if (!nul)
    memtags_set (dst + n, pad, 0);
}

/* Wrapper NAME copies the N bytes of string S to D + AT (N and AT are
   measured before the copy), then S's 0 if NUL, else tag 0 to PAD more
   bytes (PAD may use N_, the value of N).  */
#define COPY(name, params, args, at, n, nul, pad)			\
  char *								\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    if (!libc_begin (&c, LIBC_##name))					\
      return name args;							\
    size_t at_ = at, n_ = n;						\
    char *r = name args;						\
    copy_string_tags (d + at_, s, n_, nul, pad);			\
    libc_end (&c, libc_arg (&c, 0));					\
    return r;								\
  }

#define CPY_PARAMS (char *d, const char *s)
#define CPY_CHK_PARAMS (char *d, const char *s, size_t size)
#define NCPY_PARAMS (char *d, const char *s, size_t max)
#define NCPY_CHK_PARAMS (char *d, const char *s, size_t max, size_t size)

COPY (strcpy, CPY_PARAMS, (d, s), 0, strlen (s), 1, 0)
COPY (__strcpy_chk, CPY_CHK_PARAMS, (d, s, size), 0, strlen (s), 1, 0)
COPY (stpcpy, CPY_PARAMS, (d, s), 0, strlen (s), 1, 0)
COPY (__stpcpy_chk, CPY_CHK_PARAMS, (d, s, size), 0, strlen (s), 1, 0)
COPY (strncpy, NCPY_PARAMS, (d, s, max), 0, strnlen (s, max), 0, max - n_)
COPY (__strncpy_chk, NCPY_CHK_PARAMS, (d, s, max, size),
      0, strnlen (s, max), 0, max - n_)
COPY (stpncpy, NCPY_PARAMS, (d, s, max), 0, strnlen (s, max), 0, max - n_)
COPY (__stpncpy_chk, NCPY_CHK_PARAMS, (d, s, max, size),
      0, strnlen (s, max), 0, max - n_)
COPY (strcat, CPY_PARAMS, (d, s), strlen (d), strlen (s), 1, 0)
COPY (__strcat_chk, CPY_CHK_PARAMS, (d, s, size), strlen (d), strlen (s), 1, 0)
COPY (strncat, NCPY_PARAMS, (d, s, max), strlen (d), strnlen (s, max), 0, 1)
COPY (__strncat_chk, NCPY_CHK_PARAMS, (d, s, max, size),
      strlen (d), strnlen (s, max), 0, 1)

void *
WRAP (memccpy) (void *d, const void *s, int ch, size_t max)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_memccpy))
    return memccpy (d, s, ch, max);
  void *r = memccpy (d, s, ch, max);
  memtags_copy (d, s, r ? (size_t) ((char *) r - (char *) d) : max);
  libc_end (&c, r ? libc_arg (&c, 0) : 0);
  return r;
}

/* New strings: their bytes keep their tags; the new pointer has none.  */

char *
WRAP (strdup) (const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_strdup))
    return strdup (s);
  char *r = strdup (s);
  if (r != NULL)
    memtags_copy (r, s, strlen (r) + 1);
  libc_end (&c, 0);
  return r;
}

char *
WRAP (strndup) (const char *s, size_t max)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_strndup))
    return strndup (s, max);
  char *r = strndup (s, max);
  if (r != NULL)
    copy_string_tags (r, s, strlen (r), 0, 1);
  libc_end (&c, 0);
  return r;
}

/* ---------------------------------------------------------------------- */
/* Numbers: the union of the tags of the bytes consumed (leading white
   space and sign included) and of the base; *ENDPTR has the string's
   tag.  */

/* The tag of the number of call C read from S up to END, in a base of
   tag BASE_TAG; END goes to *ENDPTR (unless ENDPTR is NULL).  */
static uint64_t
number_tag (const struct libc_call *c, const char *s, char *end,
	    char **endptr, uint64_t base_tag)
{
  if (endptr != NULL)
    {
      *endptr = end;
      memtags_set (endptr, sizeof *endptr, libc_arg (c, 0));
    }
  return memtags_get (s, (size_t) (end - s)) | base_tag;
}

/* Wrapper NAME converts S with CONVERT (an expression of S and of END,
   where the conversion stops), in a base of tag BASE_TAG; the end goes
   to ENDPTR.  */
#define NUMBER(name, type, params, args, convert, endptr, base_tag)	\
  type									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    if (!libc_begin (&c, LIBC_##name))					\
      return name args;							\
    char *end;								\
    type r = convert;							\
    libc_end (&c, number_tag (&c, s, end, endptr, base_tag));		\
    return r;								\
  }

#define STRTO(name, type)						\
  NUMBER (name, type, (const char *s, char **endptr, int base),		\
	  (s, endptr, base), name (s, &end, base), endptr,		\
	  libc_arg (&c, 2))

STRTO (strtol, long)
STRTO (strtoul, unsigned long)
STRTO (strtoll, long long)
STRTO (strtoull, unsigned long long)
STRTO (strtoimax, intmax_t)
STRTO (strtoumax, uintmax_t)

#define STRTOF(name, type)						\
  NUMBER (name, type, (const char *s, char **endptr), (s, endptr),	\
	  name (s, &end), endptr, 0)

STRTOF (strtod, double)
STRTOF (strtof, float)
STRTOF (strtold, long double)

/* atoi and friends are strtol and friends without an end pointer.  */

#define ATO(name, type, convert)					\
  NUMBER (name, type, (const char *s), (s), convert, NULL, 0)

ATO (atoi, int, (int) strtol (s, &end, 10))
ATO (atol, long, strtol (s, &end, 10))
ATO (atoll, long long, strtoll (s, &end, 10))
ATO (atof, double, strtod (s, &end))

/* Characters: the result has the argument's tag.  */

RESULT (toupper, int, (int ch), (ch), libc_arg (&c, 0))
RESULT (tolower, int, (int ch), (ch), libc_arg (&c, 0))

/* ---------------------------------------------------------------------- */
/* Allocation: a block's tags move with it; calloc's zeros have tag 0.  */

void *
WRAP (calloc) (size_t n, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_calloc))
    return calloc (n, size);
  void *r = calloc (n, size);
  if (r != NULL)
    memtags_set (r, n * size, 0);
  libc_end (&c, 0);
  return r;
}

void *
WRAP (realloc) (void *p, size_t n)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_realloc))
    return realloc (p, n);
  void *r = libc_tagged_realloc (p, n);
  libc_end (&c, 0);
  return r;
}

void *
WRAP (reallocarray) (void *p, size_t n, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_reallocarray))
    return reallocarray (p, n, size);
  void *r;
  if (size != 0 && n > SIZE_MAX / size)
    {
      errno = ENOMEM;
      r = NULL;
    }
  else
    r = libc_tagged_realloc (p, n * size);
  libc_end (&c, 0);
  return r;
}

/* ---------------------------------------------------------------------- */
/* Reading a file descriptor: without a system-call hook, the bytes read
   get tag 0 (with one, the hook gives them theirs).  */

static void
read_tags (void *buf, ssize_t r)
{
  if (r > 0 && !event_before_syscall)
    memtags_set (buf, (size_t) r, 0);
}

#define READ(name, params, args)					\
  ssize_t								\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    ssize_t r = name args;						\
    if (libc_begin (&c, LIBC_##name))					\
      {									\
	read_tags (buf, r);						\
	libc_end (&c, 0);						\
      }									\
    return r;								\
  }

READ (read, (int fd, void *buf, size_t n), (fd, buf, n))
READ (__read_chk, (int fd, void *buf, size_t n, size_t size),
      (fd, buf, n, size))
READ (pread, (int fd, void *buf, size_t n, off_t at), (fd, buf, n, at))
READ (pread64, (int fd, void *buf, size_t n, off64_t at), (fd, buf, n, at))

#pragma GCC visibility pop
