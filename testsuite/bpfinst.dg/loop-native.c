#include <bpfinst/native.h>

uint64_t steps;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return 0;
}

uint64_t
test_steps (void)
{
  return steps;
}
