/* Runs mix () on every addition whose second operand is 1000003 and
   hands the result to the native half, which computes it natively.  */
#include <bpfinst/bpf.h>
#include "mix.h"

extern uint64_t arg0, arg1;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  arg0 = a;
  arg1 = mix (a, a >> 3);
  slow_call (1);
}
