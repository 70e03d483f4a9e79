/* bit_width1/2/res () of additions of 1000003 at several widths, and
   bit_width3 () of stores to the program's watched object.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3, watch;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  arg0 = a;
  arg1 = bit_width1 ();
  arg2 = bit_width2 ();
  arg3 = bit_width_res ();
  slow_call (1);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  uint64_t base = watch;

  (void) value;
  if (base == 0 || addr + offset - base >= 24)
    return;
  arg0 = addr + offset - base;
  arg1 = bit_width3 ();
  slow_call (2);
}
