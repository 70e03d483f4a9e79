#include <bpfinst/native.h>

uint64_t sink[8];
static uint64_t last;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  last = funct;
  return 0;
}

/* Did the last addition of A and B go through the hook intact?  */
int
test_check (uint64_t a, uint64_t b)
{
  uint64_t x[8] = { a * 3, b * 5, a ^ b, a + 7, b - 9, a | b, a & b, a << 3 };
  uint64_t sum = 0;
  for (int i = 0; i < 8; i++)
    {
      if (sink[i] != x[i])
	return 0;
      sum += x[i];
    }
  return last == sum;
}
