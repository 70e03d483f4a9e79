/* A pointer loaded from memory carries the tag its load gets, and passes
   it on through field and element address arithmetic with an untagged
   index.  Loads of the watched pointer variable are tagged 0x5; every
   addition, subtraction, multiplication and left shift passes on the union
   of its operands' tags.  Loads from the watched array report the tag of
   their address; subtractions of two pointers into it report their
   operand tags.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, watch, watch_size, watch_ptr;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}

void
inst_sub (uint64_t a, uint64_t b)
{
  uint64_t base = watch;

  set_tag (tag1 () | tag2 ());
  if (base == 0 || a - base >= watch_size || b - base >= watch_size)
    return;
  arg0 = a - b;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (5);
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

  if (watch_ptr != 0 && addr + offset == watch_ptr)
    {
      set_tag (0x5);
      return;
    }
  if (base == 0 || addr + offset - base >= watch_size)
    return;
  arg0 = addr + offset - base;
  arg1 = tag1 ();
  slow_call (3);
}
