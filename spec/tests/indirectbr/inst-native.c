#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "indirectbr %llu\n", (unsigned long long) arg0);
  return 0;
}
