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

/* ---------------------------------------------------------------------- */
/* Searching: a pointer into S has S's tag.  */

#define SEARCH(name, type, params, args)				\
  type									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    type r = name args;							\
    if (libc_begin (&c, LIBC_##name))					\
      libc_end (&c, r ? libc_arg (&c, 0) : 0);				\
    return r;								\
  }

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
  int									\
  WRAP (name) params							\
  {									\
    struct libc_call c;							\
    int r = name args;							\
    if (libc_begin (&c, LIBC_##name))					\
      libc_end (&c, compare_tag (a, b, n, str, fold));		\
    return r;								\
  }

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
/* Measuring: the union of the tags of the bytes read.  */

size_t
WRAP (strlen) (const char *s)
{
  struct libc_call c;
  size_t n = strlen (s);
  if (libc_begin (&c, LIBC_strlen))
    libc_end (&c, memtags_get (s, n + 1));
  return n;
}

size_t
WRAP (strnlen) (const char *s, size_t max)
{
  struct libc_call c;
  size_t n = strnlen (s, max);
  if (libc_begin (&c, LIBC_strnlen))
    libc_end (&c, memtags_get (s, n < max ? n + 1 : n));
  return n;
}

size_t
WRAP (strspn) (const char *s, const char *accept)
{
  struct libc_call c;
  size_t n = strspn (s, accept);
  if (libc_begin (&c, LIBC_strspn))
    libc_end (&c, memtags_get (s, n + 1));
  return n;
}

size_t
WRAP (strcspn) (const char *s, const char *reject)
{
  struct libc_call c;
  size_t n = strcspn (s, reject);
  if (libc_begin (&c, LIBC_strcspn))
    libc_end (&c, memtags_get (s, n + 1));
  return n;
}

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

char *
WRAP (strcpy) (char *d, const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_strcpy))
    return strcpy (d, s);
  size_t n = strlen (s);
  char *r = strcpy (d, s);
  copy_string_tags (d, s, n, 1, 0);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (__strcpy_chk) (char *d, const char *s, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC___strcpy_chk))
    return __strcpy_chk (d, s, size);
  size_t n = strlen (s);
  char *r = __strcpy_chk (d, s, size);
  copy_string_tags (d, s, n, 1, 0);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (stpcpy) (char *d, const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_stpcpy))
    return stpcpy (d, s);
  size_t n = strlen (s);
  char *r = stpcpy (d, s);
  copy_string_tags (d, s, n, 1, 0);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (__stpcpy_chk) (char *d, const char *s, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC___stpcpy_chk))
    return __stpcpy_chk (d, s, size);
  size_t n = strlen (s);
  char *r = __stpcpy_chk (d, s, size);
  copy_string_tags (d, s, n, 1, 0);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (strncpy) (char *d, const char *s, size_t max)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_strncpy))
    return strncpy (d, s, max);
  size_t n = strnlen (s, max);
  char *r = strncpy (d, s, max);
  copy_string_tags (d, s, n, 0, max - n);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (__strncpy_chk) (char *d, const char *s, size_t max, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC___strncpy_chk))
    return __strncpy_chk (d, s, max, size);
  size_t n = strnlen (s, max);
  char *r = __strncpy_chk (d, s, max, size);
  copy_string_tags (d, s, n, 0, max - n);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (stpncpy) (char *d, const char *s, size_t max)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_stpncpy))
    return stpncpy (d, s, max);
  size_t n = strnlen (s, max);
  char *r = stpncpy (d, s, max);
  copy_string_tags (d, s, n, 0, max - n);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (__stpncpy_chk) (char *d, const char *s, size_t max, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC___stpncpy_chk))
    return __stpncpy_chk (d, s, max, size);
  size_t n = strnlen (s, max);
  char *r = __stpncpy_chk (d, s, max, size);
  copy_string_tags (d, s, n, 0, max - n);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (strcat) (char *d, const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_strcat))
    return strcat (d, s);
  size_t at = strlen (d), n = strlen (s);
  char *r = strcat (d, s);
  copy_string_tags (d + at, s, n, 1, 0);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (__strcat_chk) (char *d, const char *s, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC___strcat_chk))
    return __strcat_chk (d, s, size);
  size_t at = strlen (d), n = strlen (s);
  char *r = __strcat_chk (d, s, size);
  copy_string_tags (d + at, s, n, 1, 0);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (strncat) (char *d, const char *s, size_t max)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_strncat))
    return strncat (d, s, max);
  size_t at = strlen (d), n = strnlen (s, max);
  char *r = strncat (d, s, max);
  copy_string_tags (d + at, s, n, 0, 1);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

char *
WRAP (__strncat_chk) (char *d, const char *s, size_t max, size_t size)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC___strncat_chk))
    return __strncat_chk (d, s, max, size);
  size_t at = strlen (d), n = strnlen (s, max);
  char *r = __strncat_chk (d, s, max, size);
  copy_string_tags (d + at, s, n, 0, 1);
  libc_end (&c, libc_arg (&c, 0));
  return r;
}

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

static uint64_t
number_tag (const struct libc_call *c, const char *s, const char *end,
	    char **endptr, uint64_t base_tag)
{
  if (endptr != NULL)
    memtags_set (endptr, sizeof *endptr, libc_arg (c, 0));
  return memtags_get (s, (size_t) (end - s)) | base_tag;
}

#define STRTO(name, type)						\
  type									\
  WRAP (name) (const char *s, char **endptr, int base)			\
  {									\
    struct libc_call c;							\
    if (!libc_begin (&c, LIBC_##name))					\
      return name (s, endptr, base);					\
    char *end;								\
    type r = name (s, &end, base);					\
    if (endptr != NULL)							\
      *endptr = end;							\
    libc_end (&c, number_tag (&c, s, end, endptr, libc_arg (&c, 2)));	\
    return r;								\
  }

STRTO (strtol, long)
STRTO (strtoul, unsigned long)
STRTO (strtoll, long long)
STRTO (strtoull, unsigned long long)
STRTO (strtoimax, intmax_t)
STRTO (strtoumax, uintmax_t)

#define STRTOF(name, type)						\
  type									\
  WRAP (name) (const char *s, char **endptr)				\
  {									\
    struct libc_call c;							\
    if (!libc_begin (&c, LIBC_##name))					\
      return name (s, endptr);						\
    char *end;								\
    type r = name (s, &end);						\
    if (endptr != NULL)							\
      *endptr = end;							\
    libc_end (&c, number_tag (&c, s, end, endptr, 0));			\
    return r;								\
  }

STRTOF (strtod, double)
STRTOF (strtof, float)
STRTOF (strtold, long double)

/* atoi and friends are strtol and friends without an end pointer.  */

int
WRAP (atoi) (const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_atoi))
    return atoi (s);
  char *end;
  int r = (int) strtol (s, &end, 10);
  libc_end (&c, number_tag (&c, s, end, NULL, 0));
  return r;
}

long
WRAP (atol) (const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_atol))
    return atol (s);
  char *end;
  long r = strtol (s, &end, 10);
  libc_end (&c, number_tag (&c, s, end, NULL, 0));
  return r;
}

long long
WRAP (atoll) (const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_atoll))
    return atoll (s);
  char *end;
  long long r = strtoll (s, &end, 10);
  libc_end (&c, number_tag (&c, s, end, NULL, 0));
  return r;
}

double
WRAP (atof) (const char *s)
{
  struct libc_call c;
  if (!libc_begin (&c, LIBC_atof))
    return atof (s);
  char *end;
  double r = strtod (s, &end);
  libc_end (&c, number_tag (&c, s, end, NULL, 0));
  return r;
}

/* Characters: the result has the argument's tag.  */

int
WRAP (toupper) (int ch)
{
  struct libc_call c;
  int r = toupper (ch);
  if (libc_begin (&c, LIBC_toupper))
    libc_end (&c, libc_arg (&c, 0));
  return r;
}

int
WRAP (tolower) (int ch)
{
  struct libc_call c;
  int r = tolower (ch);
  if (libc_begin (&c, LIBC_tolower))
    libc_end (&c, libc_arg (&c, 0));
  return r;
}

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

ssize_t
WRAP (read) (int fd, void *buf, size_t n)
{
  struct libc_call c;
  ssize_t r = read (fd, buf, n);
  if (libc_begin (&c, LIBC_read))
    {
      read_tags (buf, r);
      libc_end (&c, 0);
    }
  return r;
}

ssize_t
WRAP (__read_chk) (int fd, void *buf, size_t n, size_t size)
{
  struct libc_call c;
  ssize_t r = __read_chk (fd, buf, n, size);
  if (libc_begin (&c, LIBC___read_chk))
    {
      read_tags (buf, r);
      libc_end (&c, 0);
    }
  return r;
}

ssize_t
WRAP (pread) (int fd, void *buf, size_t n, off_t at)
{
  struct libc_call c;
  ssize_t r = pread (fd, buf, n, at);
  if (libc_begin (&c, LIBC_pread))
    {
      read_tags (buf, r);
      libc_end (&c, 0);
    }
  return r;
}

ssize_t
WRAP (pread64) (int fd, void *buf, size_t n, off64_t at)
{
  struct libc_call c;
  ssize_t r = pread64 (fd, buf, n, at);
  if (libc_begin (&c, LIBC_pread64))
    {
      read_tags (buf, r);
      libc_end (&c, 0);
    }
  return r;
}

#pragma GCC visibility pop
