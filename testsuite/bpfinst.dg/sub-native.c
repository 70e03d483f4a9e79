#include <bpfinst/native.h>

uint64_t sub_a, sub_b, sub_width;
static uint64_t subs;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 2)
    subs++;
  return 0;
}

/* Was there exactly one subtraction of B from A (WIDTH bits) since the
   last call?  */
int
test_sub (uint64_t a, uint64_t b, uint64_t width)
{
  int ok = subs == 1 && sub_a == a && sub_b == b && sub_width == width;
  subs = 0;
  return ok;
}
