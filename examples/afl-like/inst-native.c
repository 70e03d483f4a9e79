/* AFL-style edge coverage: the native half.  Owns the 64 KiB map the BPF
   half counts edges in.  Silent: when the environment variable
   AFL_LIKE_MAP names a file, the map is written there at exit (65536
   bytes, one hit counter per edge slot, wrapping at 256), so that runs
   can be compared or merged; otherwise nothing is done.  */
#include <stdio.h>
#include <stdlib.h>
#include <bpfinst/native.h>

#define MAP_SIZE 65536

uint8_t afl_like_map[MAP_SIZE];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

static void __attribute__ ((destructor))
write_map (void)
{
  const char *path = getenv ("AFL_LIKE_MAP");
  FILE *f;
  int ok;

  if (!path || !*path)
    return;
  f = fopen (path, "wb");
  ok = f && fwrite (afl_like_map, 1, MAP_SIZE, f) == MAP_SIZE;
  if (f && fclose (f) != 0)
    ok = 0;
  if (!ok)
    perror (path);
}
