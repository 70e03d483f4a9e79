/* Report every addition whose second operand is 1000003, with the
   operand and result widths.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3, arg4;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  arg0 = a;
  arg1 = b;
  arg2 = bit_width1 ();
  arg3 = bit_width2 ();
  arg4 = bit_width_res ();
  slow_call (1);
}
