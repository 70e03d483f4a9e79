/* main.c - textstat [-v] [-c] < FILE (see text.h).  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"

static void
usage (void)
{
  fputs ("usage: textstat [-v] [-c] < FILE\n", stderr);
  exit (2);
}

void
print_counts (const struct counts *c, int verbose)
{
  printf ("%lu lines, %lu words, %lu letters\n", c->lines, c->words,
	  c->letters);
  if (!verbose)
    return;
  printf ("vowels %lu, digits %lu, spaces %lu, punctuation %lu, other %lu\n",
	  c->vowels, c->digits, c->spaces, c->punct, c->other);
  printf ("longest word: %lu letters\n", c->longest_word);
  if (c->words != 0)
    printf ("average word: %lu letters\n", c->letters / c->words);
  if (c->letters != 0 && c->vowels * 2 > c->letters)
    puts ("mostly vowels");
}

int
main (int argc, char **argv)
{
  int verbose = 0, sum = 0;
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "-v") == 0)
      verbose = 1;
    else if (strcmp (argv[i], "-c") == 0)
      sum = 1;
    else
      usage ();

  static char buf[1 << 16];
  size_t len = fread (buf, 1, sizeof buf, stdin);
  if (len == sizeof buf)
    {
      fputs ("textstat: input too long\n", stderr);
      return 1;
    }
  /* Trailing blanks count for nothing.  */
  while (len > 0 && is_space (buf[len - 1]))
    len--;

  struct counts c;
  memset (&c, 0, sizeof c);
  count_text (buf, len, &c);
  print_counts (&c, verbose);
  if (sum)
    printf ("checksum %lx\n", checksum (buf, len));
  return 0;
}
