/* Each way of writing a block of memory runs inst_memcpy or inst_memset
   with the right destination, source or value, and length: an aggregate
   assignment, memcpy, memmove, mempcpy, bcopy, memset, bzero, and an
   aggregate set to zero.  Lengths are read at run time, so that GCC keeps
   the calls.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct msg
{
  char text[16];
  int n;
};

static struct msg m1 = { "first message", 0x21212121 };
static struct msg m2 = { "second one", 0x22222222 };
static char buf[32] = "0123456789abcdefghijklmnopqrstu";
static char src[16] = "ABCDEFGHIJKLMNO";
static int len, v;

int
main (void)
{
  if (scanf ("%d %d", &len, &v) != 2)
    return 1;
  m2 = m1;
  memcpy (buf, src, (size_t) len);
  memmove (buf + 2, buf, (size_t) len);
  mempcpy (buf + 20, src + 5, (size_t) len);
  bcopy (src + 10, buf + 10, (size_t) len);
  memset (buf, v + 1000, (size_t) len);
  bzero (buf + 4, (size_t) len);
  m1 = (struct msg) { 0 };
  fprintf (stderr, "%s|%s|%d\n", m2.text, buf + 10, m1.n);
  return 0;
}
