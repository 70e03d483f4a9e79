/* Taint through memory with a per-byte tag store in the native half
   (libtag's dense store, bpfinst/tagstore.h).  A store into the watched
   buffer sets the tags of the bytes it writes to the stored value's tag; a
   load from it gets the union of the tags of the bytes it reads.
   Additions of 1000003 are tagged 0x77, additions of 2000003 0x100;
   multiplications by 1009 report their operand tags.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, watch, watch_size;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (0x77);
  else if (b == 2000003)
    set_tag (0x100);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  uint64_t p = addr + offset;

  (void) value;
  if (p - watch >= watch_size)
    return;
  arg0 = p;
  arg1 = (bit_width3 () + 7) / 8;
  arg2 = tag3 ();
  slow_call (6);
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  uint64_t p = addr + offset;

  if (p - watch >= watch_size)
    return;
  arg0 = p;
  arg1 = (bit_width_res () + 7) / 8;
  set_tag (slow_call (7));
}

void
inst_mul (uint64_t a, uint64_t b)
{
  if (a != 1009 && b != 1009)
    return;
  arg0 = a;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (1);
}
