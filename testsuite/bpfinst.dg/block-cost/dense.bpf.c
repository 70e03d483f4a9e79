/* Tags through arithmetic and memory, in libtag's dense store, inline.  */
#include <bpfinst/bpf.h>

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
  set_tag (dense_tag_get (addr + offset));
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  (void) value;
  dense_tag_set (addr + offset, tag3 ());
}
