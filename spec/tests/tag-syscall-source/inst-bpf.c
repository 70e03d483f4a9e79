/* A taint source declared through a system call: the native half answers
   the made-up system call 10001 (address, length, tag) by tagging those
   bytes in libtag's dense store.  Loads take the tag of their bytes from
   the store, stores write their value's tag there, arithmetic passes tags
   on, and multiplications by 1009 report their operands' tags.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2;

void
inst_load (uint64_t addr, uint64_t offset)
{
  set_tag (dense_tag_get (addr + offset));
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  (void) value;
  dense_tag_set (addr + offset, tag3 ());
}

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}

void
inst_mul (uint64_t a, uint64_t b)
{
  set_tag (tag1 () | tag2 ());
  if (b != 1009)
    return;
  arg0 = a;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (1);
}
