/* Native half shared by several tests: counts slow calls by code.  */
#include <bpfinst/native.h>

static uint64_t counts[16];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  counts[funct & 15]++;
  return 0;
}

/* How many slow calls with code CODE happened so far.  */
uint64_t
test_count (uint64_t code)
{
  return counts[code & 15];
}
