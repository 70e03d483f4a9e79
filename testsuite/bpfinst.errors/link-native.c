/* The native half of victim.bpf.c, for link-errors.exp.  */
#include <bpfinst/native.h>

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}
