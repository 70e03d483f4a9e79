/* Native half of taint.bpf.c: what the hooks saw.  */
#include <bpfinst/native.h>

uint64_t seen_in_lib = 99, seen_back = 99, serials[3];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}
