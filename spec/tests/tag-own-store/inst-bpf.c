/* Taint tracking with a store of the native half's own for the tags of
   memory (here libtag's sparse store), reached by slow calls: loads,
   stores, block copies and block sets.  Tags follow values through
   arithmetic; divisions of 1000 report their divisor's tag.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2;

#define BINARY(op)							\
  void									\
  inst_##op (uint64_t a, uint64_t b)					\
  {									\
    (void) a;								\
    (void) b;								\
    set_tag (tag1 () | tag2 ());					\
  }

#define UNARY(op)							\
  void									\
  inst_##op (uint64_t a)						\
  {									\
    (void) a;								\
    set_tag (tag1 ());							\
  }

BINARY (add) BINARY (sub) BINARY (mul) BINARY (and) BINARY (or)
BINARY (shl) BINARY (lshr) BINARY (ashr) BINARY (cmp)
UNARY (neg) UNARY (trunc) UNARY (zext) UNARY (sext)

static void
division (uint64_t a, uint64_t b)
{
  set_tag (tag1 () | tag2 ());
  if (a != 1000)
    return;
  arg0 = b;
  arg1 = tag2 ();
  slow_call (5);
}

void
inst_sdiv (uint64_t a, uint64_t b)
{
  division (a, b);
}

void
inst_udiv (uint64_t a, uint64_t b)
{
  division (a, b);
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  arg0 = addr + offset;
  arg1 = (bit_width_res () + 7) / 8;
  set_tag (slow_call (1));
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  (void) value;
  arg0 = addr + offset;
  arg1 = (bit_width3 () + 7) / 8;
  arg2 = tag3 ();
  slow_call (2);
}

void
inst_memcpy (uint64_t dst, uint64_t src, uint64_t len)
{
  arg0 = dst;
  arg1 = src;
  arg2 = len;
  slow_call (3);
}

void
inst_memset (uint64_t dst, uint64_t value, uint64_t len)
{
  (void) value;
  arg0 = dst;
  arg1 = len;
  arg2 = tag2 ();
  slow_call (4);
}
