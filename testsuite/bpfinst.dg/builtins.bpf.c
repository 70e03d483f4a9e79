/* A hook using bit builtins.  bpf-gcc turns clz, ctz and popcount into
   libgcc calls (__clzdi2, __ctzdi2, __popcountdi2) that the engine maps
   back to GCC's builtins; clang expands popcount and bswap inline (clang
   14 cannot compile clz/ctz for BPF, so they are built from popcount
   there).  */
#include <bpfinst/bpf.h>

extern uint64_t bits[4];

void
inst_add (uint64_t a, uint64_t b)
{
#ifdef __clang__
  uint64_t s = a;
  s |= s >> 1;
  s |= s >> 2;
  s |= s >> 4;
  s |= s >> 8;
  s |= s >> 16;
  s |= s >> 32;
  bits[0] = 64 - __builtin_popcountll (s);
  bits[1] = __builtin_popcountll ((a & -a) - 1);
#else
  bits[0] = a ? __builtin_clzll (a) : 64;
  bits[1] = a ? __builtin_ctzll (a) : 64;
#endif
  bits[2] = __builtin_popcountll (a);
  bits[3] = __builtin_bswap64 (b);
  slow_call (1);
}
