/* Byte-precise taint tracking for the SQLite check: the BPF half.

   Every integer result gets the union of its operands' tags (arithmetic,
   logic, shifts, conversions, comparisons, bit counts).  Tags of memory
   live in libtag's dense store, one tag per byte, reached inline: a load
   gets the union of the tags of the bytes it reads, a store gives each
   byte it writes the stored value's tag.  The native half (taint-native.c)
   tags the bytes that read () brings in and reports the tags of the bytes
   that write () sends out.  */
#include <bpfinst/bpf.h>

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

BINARY (add) BINARY (sub) BINARY (mul)
BINARY (udiv) BINARY (sdiv) BINARY (urem)
BINARY (srem_1starg) BINARY (srem_2ndarg)
BINARY (and) BINARY (or) BINARY (xor)
BINARY (shl) BINARY (lshr) BINARY (ashr)
BINARY (cmp)
UNARY (neg) UNARY (not)
UNARY (trunc) UNARY (zext) UNARY (sext)

/* The second operand of clz/ctz is the constant result for 0.  */
void
inst_clz (uint64_t a, uint64_t if0)
{
  (void) a;
  (void) if0;
  set_tag (tag1 ());
}

void
inst_ctz (uint64_t a, uint64_t if0)
{
  (void) a;
  (void) if0;
  set_tag (tag1 ());
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
