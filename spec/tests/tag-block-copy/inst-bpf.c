/* Tags of memory in libtag's dense store, per byte: a load gets the union
   of the tags of its bytes, a store gives its bytes the value's tag;
   conversions pass tags on, and multiplications by 1009 report their
   first operand's tag.  No inst_memcpy or inst_memset hook: GCCInst
   copies the tags of block copies and sets in the dense store itself.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

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

void
inst_sext (uint64_t a)
{
  (void) a;
  set_tag (tag1 ());
}

void
inst_zext (uint64_t a)
{
  (void) a;
  set_tag (tag1 ());
}

void
inst_trunc (uint64_t a)
{
  (void) a;
  set_tag (tag1 ());
}

void
inst_mul (uint64_t a, uint64_t b)
{
  set_tag (tag1 () | tag2 ());
  if (b != 1009)
    return;
  arg0 = a;
  arg1 = tag1 ();
  slow_call (1);
}
