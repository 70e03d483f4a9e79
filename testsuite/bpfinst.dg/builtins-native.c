#include <bpfinst/native.h>

uint64_t bits[4];

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return 0;
}

int
test_bits (uint64_t a, uint64_t b)
{
  return bits[0] == (a ? (uint64_t) __builtin_clzll (a) : 64)
	 && bits[1] == (a ? (uint64_t) __builtin_ctzll (a) : 64)
	 && bits[2] == (uint64_t) __builtin_popcountll (a)
	 && bits[3] == __builtin_bswap64 (b);
}
