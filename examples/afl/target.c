/* A program to fuzz with the afl instrumenter (README.md, "Fuzzing with
   afl-fuzz"; the afl tests; make bench): it reads up to 64 bytes from
   standard input and crashes when they begin with "FUZZ", each byte
   checked by a branch of its own.  DEPTH, how far the input got, is
   printed, which keeps the comparisons apart: a compiler cannot merge
   them into one 4-byte comparison, which no fuzzer would guess.  */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int depth;

int
main (void)
{
  unsigned char buf[64];
  ssize_t n = read (0, buf, sizeof buf);

  if (n >= 4 && buf[0] == 'F')
    {
      depth = 1;
      if (buf[1] == 'U')
	{
	  depth = 2;
	  if (buf[2] == 'Z')
	    {
	      depth = 3;
	      if (buf[3] == 'Z')
		abort ();
	    }
	}
    }
  printf ("%zd bytes read, depth %d\n", n, depth);
  return 0;
}
