/* Report the loads from the program's watched object: offset and width.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, watch;

void
inst_load (uint64_t addr, uint64_t offset)
{
  uint64_t base = watch;
  uint64_t at = addr + offset;

  if (base == 0 || at - base >= 24)
    return;
  arg0 = at - base;
  arg1 = bit_width_res ();
  slow_call (1);
}
