/* Calls the library of taint-lib.c with a tagged value (see
   taint.bpf.c) and checks which tags each side saw.  The checks use
   subtractions and constants: an addition of a marker constant here would
   run the hook once more.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t seen_in_lib, seen_back, serials[3];
extern int lib_mark (int);
extern int lib_call (int (*) (int), int);

__attribute__ ((noipa)) int
source (int v)
{
  return v + 1000003;
}

__attribute__ ((noipa)) int
back (int v)
{
  return v + 55555;
}

static int
via_callback (int x)
{
  return lib_mark (x);
}

int
main (void)
{
  int x = source (1);
  int y = lib_mark (x);
  int z = back (y);
  if (x != 1000004 || y - x != 77777 || z - y != 55555)
    return 1;
  printf ("lib %llu back %llu serials %llu %llu %llu\n",
	  (unsigned long long) seen_in_lib, (unsigned long long) seen_back,
	  (unsigned long long) serials[0], (unsigned long long) serials[1],
	  (unsigned long long) serials[2]);
  if (seen_in_lib != 1 || seen_back != 3)
    return 2;
  if (serials[0] != 1 || serials[1] != 2 || serials[2] != 3)
    return 3;

  /* Program -> library -> program (callback) -> library, and back.  */
  seen_in_lib = seen_back = 99;
  int w = back (lib_call (via_callback, source (2)));
  printf ("callback: lib %llu back %llu\n", (unsigned long long) seen_in_lib,
	  (unsigned long long) seen_back);
  if (w != 1133338)		/* 2 + 1000003 + 77777 + 1 + 55555 */
    return 4;
  if (seen_in_lib != 1 || seen_back != 3)
    return 5;
  return 0;
}
