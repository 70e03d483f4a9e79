/* Native half of dense-tag.c: where the hook leaves what it read.  */
#include <bpfinst/native.h>

uint64_t dense_seen[3];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}
