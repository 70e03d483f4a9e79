/* A dropped system call and a watched one.  */
#include <stdio.h>
#include <unistd.h>

int
main (void)
{
  long a;

  while (scanf ("%ld", &a) == 1)
    {
      long x = a + 1000003;
      pid_t p = getppid ();
      fprintf (stderr, "%ld parent %ld\n", x, (long) p);
      if (write (2, "hello\n", 6) != 6)
	return 1;
    }
  return 0;
}
