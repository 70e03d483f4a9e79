/* The counters br-edges.bpf.c updates.  */
#include <bpfinst/native.h>

uint64_t br_counts[2];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}

uint64_t
test_count (int taken)
{
  return br_counts[taken];
}
