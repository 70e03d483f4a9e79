/* Each addition of 0x5eed runs the hook of idioms.bpf.c, which stores
   bswap32 and popcount of the other operand.  Exits 0 when the values
   are right.  */
#include <stdint.h>
#include <stdio.h>

extern uint64_t idiom_out[4];
extern uint64_t idiom_slow_calls (void);

__attribute__ ((noipa)) uint32_t
add_seed (uint32_t x)
{
  return x + 0x5eed;
}

static int
check (uint32_t x, uint64_t n)
{
  uint32_t r = add_seed (x);
  int ok = r - x == 0x5eedu
	   && idiom_out[0] == __builtin_bswap32 (x)
	   && idiom_out[1] == (uint64_t) __builtin_popcountll (x)
	   && idiom_out[2] == n && idiom_out[3] == 32
	   && idiom_slow_calls () == n;
  if (!ok)
    fprintf (stderr, "x=%#x: r=%#x out={%#llx, %llu, %llu, %llu} calls=%llu\n",
	     x, r, (unsigned long long) idiom_out[0],
	     (unsigned long long) idiom_out[1],
	     (unsigned long long) idiom_out[2],
	     (unsigned long long) idiom_out[3],
	     (unsigned long long) idiom_slow_calls ());
  return ok;
}

int
main (void)
{
  if (!check (0x12345678u, 1))
    return 1;
  if (!check (0xff00ff01u, 2))
    return 2;
  if (!check (0, 3))
    return 3;
  return 0;
}
