/* bench.c - a CPU-bound workload for measuring the cost of tags: compress
   a file with zlib (level 6), uncompress it, check the round trip.  When
   the instrumenter's native half defines bench_taint, the input bytes are
   handed to it first (a taint tracker marks them), and bench_report gets
   the compressed bytes at the end.  Prints the sizes.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zlib.h"

extern void bench_taint (void *buf, unsigned long len) __attribute__ ((weak));
extern void bench_report (void *buf, unsigned long len)
  __attribute__ ((weak));

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }
  FILE *f = fopen (argv[1], "rb");
  if (!f)
    {
      perror (argv[1]);
      return 1;
    }
  size_t cap = 1 << 20, len = 0;
  unsigned char *in = malloc (cap);
  size_t n;
  while (in && (n = fread (in + len, 1, cap - len, f)) > 0)
    {
      len += n;
      if (len == cap)
	in = realloc (in, cap *= 2);
    }
  fclose (f);
  if (!in)
    return 1;
  if (bench_taint)
    bench_taint (in, len);

  uLongf zlen = compressBound (len);
  unsigned char *z = malloc (zlen);
  unsigned char *out = malloc (len + 1);
  if (!z || !out || compress2 (z, &zlen, in, len, 6) != Z_OK)
    return 1;
  uLongf olen = len + 1;
  if (uncompress (out, &olen, z, zlen) != Z_OK || olen != len
      || memcmp (in, out, len) != 0)
    {
      fprintf (stderr, "round trip failed\n");
      return 1;
    }
  printf ("%lu -> %lu bytes\n", (unsigned long) len, (unsigned long) zlen);
  if (bench_report)
    bench_report (z, zlen);
  return 0;
}
