/* Reads standard input through the C library in six ways, and divides
   1000 by a number made from each piece: the taint tracker must find in
   each divisor the tags of the line it was read from.  refill.in puts
   long runs of blanks in front of the numbers, so that they straddle the
   places where the C library refills its stream buffer.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct rec
{
  char digits[3];
  char nl;
};

static struct rec rec, copy;
static char raw[8], word[8], text[8192], number[8192];
static char *line;
static size_t cap;
static int seven;
static long sum;

int
main (int argc, char **argv)
{
  (void) argv;
  /* read, strncpy, strlen: "hello".  */
  if (read (0, raw, 6) != 6)
    return 1;
  strncpy (word, raw, 5);
  sum += 1000 / strlen (word);

  /* fgets, strtol.  */
  if (!fgets (text, sizeof text, stdin))
    return 1;
  sum += 1000 / strtol (text, NULL, 10);

  /* scanf.  */
  if (scanf ("%d ", &seven) != 1)
    return 1;
  sum += 1000 / seven;

  /* fread into a struct, then a struct assignment.  */
  if (fread (&rec, sizeof rec, 1, stdin) != 1)
    return 1;
  copy = rec;
  int d = ((copy.digits[0] - '0') * 100 + (copy.digits[1] - '0') * 10
	   + (copy.digits[2] - '0'));
  sum += 1000 / d;

  /* getline, memcpy, atoi.  */
  if (getline (&line, &cap, stdin) < 0)
    return 1;
  memcpy (number, line, strlen (line) + 1);
  sum += 1000 / atoi (number);

  /* getc.  */
  sum += 1000 / (getc (stdin) - '0');

  /* Nothing read: no tag.  */
  sum += 1000 / (argc + 3);

  fprintf (stderr, "sum %ld\n", sum);
  free (line);
  return 0;
}
