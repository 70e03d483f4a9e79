/* A program for the bundled instrumenters (bundled.exp): reads its
   standard input, counts its lines, digits and letters with a few
   branches, and prints the counts.  */
#include <stdio.h>
#include <unistd.h>

int
main (void)
{
  char buf[256];
  unsigned lines = 0, digits = 0, letters = 0;
  ssize_t n;

  while ((n = read (0, buf, sizeof buf)) > 0)
    for (ssize_t i = 0; i < n; i++)
      {
	if (buf[i] == '\n')
	  lines++;
	else if (buf[i] >= '0' && buf[i] <= '9')
	  digits++;
	else if ((buf[i] | 0x20) >= 'a' && (buf[i] | 0x20) <= 'z')
	  letters++;
      }
  printf ("%u lines, %u digits, %u letters\n", lines, digits, letters);
  return 0;
}
