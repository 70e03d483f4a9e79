/* Report the stores to the program's watched object: offset, value (an
   address inside the object as its offset) and width.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, watch;

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  uint64_t base = watch;
  uint64_t at = addr + offset;

  if (base == 0 || at - base >= 24)
    return;
  arg0 = at - base;
  arg1 = bit_width3 ();
  arg2 = value - base < 24 ? value - base : value;
  slow_call (2);
}
