/* A write the hook drops, whose faked result the program checks, between
   two that go through.  */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int
main (void)
{
  char line[100];

  while (fgets (line, sizeof line, stdin))
    {
      size_t len = strlen (line);
      ssize_t r = write (2, line, len);
      if (strncmp (line, "secret", 6) == 0)
	fprintf (stderr, "dropped write: result %ld\n", (long) r);
      else if (r != (ssize_t) len)
	return 1;
    }
  return 0;
}
