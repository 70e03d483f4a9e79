/* Record the operands of count-leading-zeros and count-trailing-zeros
   operations.  */
#include <bpfinst/bpf.h>

extern uint64_t clz_a, clz_width, ctz_a, ctz_width;

void
inst_clz (uint64_t a, uint64_t if0)
{
  clz_a = a;
  clz_width = bit_width1 ();
  slow_call (1);
}

void
inst_ctz (uint64_t a, uint64_t if0)
{
  ctz_a = a;
  ctz_width = bit_width1 ();
  slow_call (2);
}
