/* A pointer's tag follows its index's tag through the address arithmetic
   of array indexing and of pointer addition.  Additions of 1000003 are
   tagged 0x77; every other addition, subtraction, multiplication and left
   shift passes on the union of its operands' tags.  Loads from the
   watched array report the tag of their address.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, watch;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (0x77);
  else
    set_tag (tag1 () | tag2 ());
}

void
inst_sub (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}

void
inst_mul (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}

void
inst_shl (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  uint64_t base = watch;

  if (base == 0 || addr + offset - base >= 64)
    return;
  arg0 = addr + offset - base;
  arg1 = tag1 ();
  slow_call (3);
}
