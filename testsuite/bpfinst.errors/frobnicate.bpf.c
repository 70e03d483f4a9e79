/* Calls an extern function that is no engine helper.  */
#include <bpfinst/bpf.h>

extern uint64_t frobnicate (void);

void
inst_add (uint64_t a, uint64_t b)
{
  slow_call (frobnicate ());
}
