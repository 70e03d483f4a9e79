/* Tags through arithmetic and memory, in a store of the native half's
   (slow calls): no dense store, no block hook.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  arg0 = addr + offset;
  set_tag (slow_call (1));
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  (void) value;
  arg0 = addr + offset;
  arg1 = tag3 ();
  slow_call (2);
}
