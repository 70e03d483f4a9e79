/* Native half of idioms.bpf.c: the values the hook computed.  */
#include <bpfinst/native.h>

uint64_t idiom_out[4];
static uint64_t slow_calls;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 7)
    slow_calls++;
  return 0;
}

uint64_t
idiom_slow_calls (void)
{
  return slow_calls;
}
