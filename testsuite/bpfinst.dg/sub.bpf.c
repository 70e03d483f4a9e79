/* Record the operands and width of subtractions.  */
#include <bpfinst/bpf.h>

extern uint64_t sub_a, sub_b, sub_width;

void
inst_sub (uint64_t a, uint64_t b)
{
  sub_a = a;
  sub_b = b;
  sub_width = bit_width_res ();
  slow_call (2);
}
