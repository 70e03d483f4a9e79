/* Eight values live across the slow call: both BPF compilers spill some
   of them to the BPF stack (stores and loads through r10).  */
#include <bpfinst/bpf.h>

extern uint64_t sink[8];

void
inst_add (uint64_t a, uint64_t b)
{
  uint64_t x1 = a * 3, x2 = b * 5, x3 = a ^ b, x4 = a + 7;
  uint64_t x5 = b - 9, x6 = a | b, x7 = a & b, x8 = a << 3;
  slow_call (x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8);
  sink[0] = x1;
  sink[1] = x2;
  sink[2] = x3;
  sink[3] = x4;
  sink[4] = x5;
  sink[5] = x6;
  sink[6] = x7;
  sink[7] = x8;
}
