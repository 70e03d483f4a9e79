/* Maps three pages at offset 8192 of a five-page file on descriptor 37
   and reads the mapping.  */
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int
main (void)
{
  char word[64];
  FILE *f = tmpfile ();

  if (!f || scanf ("%63s", word) != 1)
    return 1;
  int fd = dup2 (fileno (f), 37);
  if (fd != 37 || ftruncate (fd, 5 * 4096) != 0
      || pwrite (fd, word, strlen (word) + 1, 8192 + 4096) < 0)
    return 1;
  char *p = mmap (NULL, 12288, PROT_READ, MAP_SHARED, fd, 8192);
  if (p == MAP_FAILED)
    return 1;
  fprintf (stderr, "mapped: %s\n", p + 4096);
  return 0;
}
