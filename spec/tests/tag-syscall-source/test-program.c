/* Reads two numbers, asks for the first to be tagged 0x9 through a
   made-up system call, then computes with both.  */
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

static long x, y;

int
main (void)
{
  while (scanf ("%ld %ld", &x, &y) == 2)
    {
      long r = syscall (10001, &x, sizeof x, 0x9);
      long a = x + 1;
      long b = y + 1;
      long pa = a * 1009;
      long pb = b * 1009;
      fprintf (stderr, "syscall %ld, %ld %ld\n", r, pa, pb);
    }
  return 0;
}
