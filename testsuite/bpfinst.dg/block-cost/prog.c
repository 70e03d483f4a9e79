/* A program with block copies and sets (aggregate assignments, memcpy,
   memmove, memset, an aggregate set to zero) and calls of C library
   functions that libtag wraps (strlen, strtol, fgets, sprintf, getc).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec
{
  long a, b;
  char name[40];
};

struct rec g1, g2;
char buf[128];

__attribute__ ((noinline)) long
work (struct rec *r, const char *s, size_t n)
{
  struct rec local = *r;
  g2 = local;
  memcpy (buf, s, n);
  memmove (buf + 1, buf, n);
  memset (buf + 64, r->name[0], n);
  *r = (struct rec) { 0 };
  return (long) strlen (buf) + strtol (s, NULL, 10) + local.a;
}

int
main (void)
{
  char line[64];
  if (fgets (line, sizeof line, stdin) == NULL)
    return 1;
  sprintf (g1.name, "%d", getc (stdin));
  return (int) work (&g1, line, strlen (line));
}
