/* A taint tracker: tags follow values through arithmetic, and memory
   through libtag's dense store (inline); divisions of 1000 report the
   tag of their divisor.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

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

BINARY (add) BINARY (sub) BINARY (mul) BINARY (urem) BINARY (srem_1starg)
BINARY (and) BINARY (or) BINARY (xor) BINARY (shl) BINARY (lshr)
BINARY (ashr) BINARY (cmp)
UNARY (neg) UNARY (not) UNARY (trunc) UNARY (zext) UNARY (sext)

static void
division (uint64_t a, uint64_t b)
{
  if (a == 1000)
    {
      arg0 = b;
      arg1 = tag2 ();
      slow_call (1);
    }
  set_tag (tag1 () | tag2 ());
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
