/* Native half that remembers the argument of the last slow call.  */
#include <bpfinst/native.h>

static uint64_t last;
static uint64_t calls;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  last = funct;
  calls++;
  return 0;
}

uint64_t
test_last (void)
{
  return last;
}

uint64_t
test_calls (void)
{
  return calls;
}

/* The last argument minus START: lets an instrumented caller compare
   without doing arithmetic of its own.  */
uint64_t
test_last_since (uint64_t start)
{
  return last - start;
}
