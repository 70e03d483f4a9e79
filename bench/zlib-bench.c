/* zlib-bench.c - the zlib workload of make bench: read FILE, compress it
   at level 6, uncompress the result and check that it is the input
   again.  Prints the sizes and the CRC-32 of the compressed bytes, which
   every correct build prints the same.  The input is read with read (),
   so an instrumenter that watches system calls sees it come in.  */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zlib.h"

int
main (int argc, char **argv)
{
  size_t cap = 1 << 20, len = 0;
  unsigned char *in, *z, *out;
  uLongf zlen, olen;
  ssize_t n;
  int fd;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }
  fd = open (argv[1], O_RDONLY);
  if (fd < 0)
    {
      perror (argv[1]);
      return 1;
    }
  in = malloc (cap);
  while (in && (n = read (fd, in + len, cap - len)) > 0)
    {
      len += (size_t) n;
      if (len == cap)
	{
	  unsigned char *p = realloc (in, cap *= 2);

	  if (!p)
	    free (in);
	  in = p;
	}
    }
  close (fd);
  if (!in)
    {
      fprintf (stderr, "out of memory\n");
      return 1;
    }

  zlen = compressBound (len);
  z = malloc (zlen);
  out = malloc (len + 1);
  if (!z || !out || compress2 (z, &zlen, in, len, 6) != Z_OK)
    {
      fprintf (stderr, "compression failed\n");
      return 1;
    }
  olen = len + 1;
  if (uncompress (out, &olen, z, zlen) != Z_OK || olen != len
      || memcmp (in, out, len) != 0)
    {
      fprintf (stderr, "round trip failed\n");
      return 1;
    }
  printf ("%lu bytes -> %lu bytes, crc32 %08lx, round trip ok\n",
	  (unsigned long) len, (unsigned long) zlen,
	  (unsigned long) crc32 (0, z, zlen));
  free (in);
  free (z);
  free (out);
  return 0;
}
