/* Tags of the native half's own store follow input through fgets and
   strtol, sprintf and sscanf, memcpy, a struct assignment and atoi.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word
{
  char s[8];
};

static struct word a, b;
static char text[64], num[32];
static int w;
static long sum;

int
main (int argc, char **argv)
{
  (void) argv;
  if (!fgets (text, sizeof text, stdin))
    return 1;
  long v = strtol (text, NULL, 10);
  sum += 1000 / v;

  sprintf (num, "%ld", v * 2);
  if (sscanf (num, "%d", &w) != 1)
    return 1;
  sum += 1000 / w;

  memcpy (a.s, num, strlen (num) + 1);
  b = a;
  sum += 1000 / (atoi (b.s) - 100);

  sum += 1000 / (argc + 1);
  fprintf (stderr, "sum %ld\n", sum);
  return 0;
}
