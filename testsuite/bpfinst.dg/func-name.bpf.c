/* inst_func_entry reads the first byte of the function's name; inst_load
   keeps tags, so that at -O0 the name's address becomes the base of the
   memory reference that reads it.  */
#include <bpfinst/bpf.h>

extern uint64_t name_bytes;

void
inst_func_entry (void)
{
  name_bytes += *(const uint8_t *) func_name ();
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  set_tag (tag1 ());
}
