#include <bpfinst/native.h>

uint64_t cmp_cond, cmp_result, cmp_a, cmp_b;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return 0;
}

/* Was the last comparison COND of A and B, with outcome RESULT?  */
int
test_cmp (uint64_t cond, uint64_t result, uint64_t a, uint64_t b)
{
  return cmp_cond == cond && cmp_result == result && cmp_a == a
	 && cmp_b == b;
}
