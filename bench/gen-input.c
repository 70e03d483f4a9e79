/* gen-input.c - write the fixed input of make bench's zlib workload.

   Usage: gen-input BYTES
   Writes BYTES bytes to standard output: lines of words drawn from a
   made-up vocabulary, with numbers, by a xorshift generator with a fixed
   seed.  The text compresses about as well as prose (3 to 4 times at
   zlib's level 6) and is the same on every machine.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint64_t
next (void)
{
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

int
main (int argc, char **argv)
{
  static const char *const syl[] = {
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "an", "el", "is", "or",
    "ul", "pre", "con", "der", "ment", "ing", "tion", "ver", "sto", "qua",
    "bri", "fel"
  };
  enum { NSYL = sizeof syl / sizeof syl[0], NWORDS = 400 };
  char words[NWORDS][16];
  long want, done = 0;
  int col = 0;

  if (argc != 2 || (want = strtol (argv[1], NULL, 10)) <= 0)
    {
      fprintf (stderr, "usage: %s BYTES\n", argv[0]);
      return 2;
    }
  /* The vocabulary: 400 words of one to four syllables.  */
  for (int w = 0; w < NWORDS; w++)
    {
      int n = 1 + (int) (next () % 4), len = 0;

      for (int s = 0; s < n; s++)
	len += snprintf (words[w] + len, sizeof words[w] - (size_t) len, "%s",
			 syl[next () % NSYL]);
    }
  while (done < want)
    {
      char buf[32];
      uint64_t r = next ();
      int len;

      /* Frequent words are the first ones: a skewed choice.  */
      if (r % 16 == 0)
	len = snprintf (buf, sizeof buf, "%u", (unsigned) (r >> 40) % 100000);
      else
	len = snprintf (buf, sizeof buf, "%s",
			words[((r >> 8) % NWORDS) * ((r >> 20) % NWORDS)
			      / NWORDS]);
      if (col + len + 1 > 72)
	{
	  putchar ('\n');
	  done++;
	  col = 0;
	}
      else if (col > 0)
	{
	  putchar (' ');
	  done++;
	  col++;
	}
      for (int i = 0; i < len && done < want; i++, done++)
	putchar (buf[i]);
      col += len;
    }
  return ferror (stdout) || fflush (stdout) != 0;
}
