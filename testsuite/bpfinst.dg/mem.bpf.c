/* Record the last load and store: effective address, width, value.  */
#include <bpfinst/bpf.h>

extern uint64_t load_addr, load_width, store_addr, store_width, store_value;

void
inst_load (uint64_t addr, uint64_t offset)
{
  load_addr = addr + offset;
  load_width = bit_width_res ();
  slow_call (1);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  store_addr = addr + offset;
  store_width = bit_width3 ();
  store_value = value;
  slow_call (2);
}
