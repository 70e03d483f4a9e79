/* slow_call passes its argument to event_dispatch_slow_call and returns
   that function's result.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0;

void
inst_mul (uint64_t a, uint64_t b)
{
  uint64_t r;

  if (b != 1000003)
    return;
  /* FUNCT is the program's value; the result comes back.  */
  r = slow_call (a);
  arg0 = r * 3;
  slow_call (1000);
}
