/* Block copies and sets carry the tags of their bytes, one by one: an
   aggregate assignment, memcpy of a length read at run time, __builtin_
   memcpy of a constant length, an overlapping memmove, memset with a
   tagged and an untagged value, an aggregate set to zero.  Each value
   reported is loaded after the copy, and shows the tag of its bytes.  */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

struct pair
{
  int x;
  int y;
  char name[24];
};

static struct pair a, b, c;
static unsigned char buf[64], out[64];
static int value;
static long n;
static volatile long sink;

static void
tag (void *p, long len, long t)
{
  syscall (10001, p, len, t);
}

#define REPORT(v) (sink = (long) (v) * 1009)

int
main (void)
{
  if (scanf ("%ld", &n) != 1)
    return 1;

  a.x = 11;
  a.y = 22;
  tag (&a.x, sizeof a.x, 0x1);
  tag (&a.y, sizeof a.y, 0x2);
  b = a;
  REPORT (b.x);
  REPORT (b.y);

  memcpy (&c, &a, (size_t) n);
  REPORT (c.x);
  REPORT (c.y);

  for (int i = 0; i < 16; i++)
    buf[i] = (unsigned char) (i + 30);
  tag (buf, 8, 0x10);
  tag (buf + 8, 8, 0x20);
  memmove (buf + 1, buf, 8);
  REPORT (buf[8]);
  REPORT (buf[9]);

  __builtin_memcpy (out, buf, 24);
  REPORT (out[0]);
  REPORT (out[12]);

  value = 41;
  tag (&value, sizeof value, 0x40);
  memset (buf, value, 16);
  REPORT (buf[3]);
  memset (buf, 7, 16);
  REPORT (buf[3]);

  b = (struct pair) { 0 };
  REPORT (b.y + 5);
  return 0;
}
