/* A byte-precise taint tracker: propagate.bpf.c's propagation, plus tags
   through memory in libtag's dense store, accessed inline: a load gets the
   union of the tags of the bytes it reads, a store sets the tags of the
   bytes it writes to the stored value's tag.  */
#include <bpfinst/bpf.h>

#include "propagate.bpf.c"

void
inst_load (uint64_t addr, uint64_t offset)
{
  uint64_t p = addr + offset, n = (bit_width_res () + 7) / 8, t = 0;

  for (uint64_t i = 0; i < 8; i++)
    if (i < n)
      t |= dense_tag_get (p + i);
  set_tag (t);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  uint64_t p = addr + offset, n = (bit_width3 () + 7) / 8, t = tag3 ();

  (void) value;
  for (uint64_t i = 0; i < 8; i++)
    if (i < n)
      dense_tag_set (p + i, t);
}
