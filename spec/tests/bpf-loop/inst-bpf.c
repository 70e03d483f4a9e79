/* Bounded loops in a hook: a fixed trip count the compiler is asked not
   to unroll, and a trip count that depends on the operand (at most 7).  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

void
inst_xor (uint64_t a, uint64_t b)
{
  uint64_t h = 5381;
  uint64_t sum = 0;
  uint64_t n;

  if (b != 0x5eed0000)
    return;
  /* Hash the four low bytes of A.  */
#pragma GCC unroll 1
  for (int i = 0; i < 4; i++)
    h = h * 33 + ((a >> (i * 8)) & 0xff);
  /* Fold 1..N, N the low three bits of A, into SUM.  */
  n = a & 7;
  for (uint64_t k = 1; k <= n; k++)
    sum = sum * 3 + k;
  arg0 = h;
  arg1 = sum;
  slow_call (1);
}
