/* Reads standard input with read(2) until the end.  */
#include <stdio.h>
#include <unistd.h>

static char buf[7777];

int
main (void)
{
  for (;;)
    {
      ssize_t n = read (0, buf, sizeof buf);
      fprintf (stderr, "got %ld bytes\n", (long) n);
      if (n <= 0)
	return n < 0;
    }
}
