/* The counters outline.bpf.c updates.  */
#include <bpfinst/native.h>

uint64_t outl_sum, outl_calls, outl_wide;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}

void
test_counts (uint64_t *sum, uint64_t *calls, uint64_t *wide)
{
  *sum = outl_sum;
  *calls = outl_calls;
  *wide = outl_wide;
}
