/* Native half of switch-tags.c.  */
#include <bpfinst/native.h>

uint64_t switch_seen_tag;
uint64_t switch_xor_runs;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}
