/* Byte-precise taint tracking: the BPF half.

   A tag is a set of input sources, one bit each (the native half,
   inst-native.c, gives every byte read from file descriptor FD the bit
   1 << FD, FD 63 and above sharing bit 63).  Here the bits flow:
   - every integer result gets the union of its operands' tags
     (arithmetic, logic, shifts, conversions, comparisons, bit counts);
   - memory keeps one tag per byte in libtag's dense store, reached
     inline (dense_tag_get, dense_tag_set: a GCCInst extension): a load
     gets the union of the tags of the bytes it reads, a store gives each
     byte it writes the stored value's tag.  The address's own tag is not
     added (data flow only);
   - a conditional branch whose condition carries a tag is counted, with
     its site and its tag, in variables of the native half, which reports
     them at exit when asked.  */
#include <bpfinst/bpf.h>

#define SITE_MAP_SIZE 65536

extern uint8_t taint_branch_sites[SITE_MAP_SIZE];
extern uint64_t taint_branches;
extern uint64_t taint_branch_tags;

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
BINARY (srem_1starg) BINARY (srem_2ndarg) BINARY (srem_nonneg)
BINARY (and) BINARY (nand) BINARY (or) BINARY (nor)
BINARY (xor) BINARY (eqv)
BINARY (shl) BINARY (lshr) BINARY (ashr)
BINARY (cmp)
UNARY (neg) UNARY (not)
UNARY (trunc) UNARY (zext) UNARY (sext)

/* The second operand of clz and ctz is the constant result for 0.  */
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

/* Widths are constants: the loops fold to one dense-store access per
   byte of the access (up to 16, for __int128).  */
void
inst_load (uint64_t addr, uint64_t offset)
{
  uint64_t p = addr + offset, n = (bit_width_res () + 7) / 8, t = 0;

  for (uint64_t i = 0; i < 16; i++)
    if (i < n)
      t |= dense_tag_get (p + i);
  set_tag (t);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  uint64_t p = addr + offset, n = (bit_width3 () + 7) / 8, t = tag3 ();

  (void) value;
  for (uint64_t i = 0; i < 16; i++)
    if (i < n)
      dense_tag_set (p + i, t);
}

void
inst_br (uint64_t cond)
{
  uint64_t t = tag1 ();

  (void) cond;
  if (t)
    {
      taint_branch_sites[pseudo_pc () & (SITE_MAP_SIZE - 1)] = 1;
      taint_branches++;
      taint_branch_tags |= t;
    }
}
