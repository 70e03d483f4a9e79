/* taint-bpf.c - the BPF half of the firmware's taint tracker.

   Two sources: bytes read from the received stream (the wire) get tag
   TAINT_WIRE, bytes read from the calibration table stored in the image
   get TAINT_CONFIG; the native half (taint-native.c) tells where both
   are.  Tags are bit sets: an operation's result carries the union of
   its operands' tags, a value loaded from memory the union of the tags of
   its bytes and of its address (a table lookup indexed by input depends
   on the input).  Tags of memory live in the native half's shadow
   arrays, one byte of tag per byte of RAM, over two windows: the start of
   RAM (data and bss) and the top of the stack.  Every conditional branch
   whose condition carries a tag is reported to the native half through
   slow_call, which records the branch site.  */
#include <bpfinst/bpf.h>

#include "taint.h"

extern uint64_t taint_wire_lo, taint_wire_hi;
extern uint64_t taint_config_lo, taint_config_hi;
extern uint64_t taint_low_base, taint_high_base;
extern uint8_t taint_low_shadow[TAINT_LOW_SIZE];
extern uint8_t taint_high_shadow[TAINT_HIGH_SIZE];
extern uint64_t taint_lost_stores;
extern uint64_t taint_arg_site, taint_arg_tag;

/* The union of the operands' tags: the result depends on every operand.  */
static inline void
propagate (void)
{
  stop_if_no_tags ();
  set_tag (tag1 () | tag2 () | tag3 ());
}

void inst_add (uint64_t a, uint64_t b) { propagate (); }
void inst_sub (uint64_t a, uint64_t b) { propagate (); }
void inst_neg (uint64_t a) { propagate (); }
void inst_mul (uint64_t a, uint64_t b) { propagate (); }
void inst_udiv (uint64_t a, uint64_t b) { propagate (); }
void inst_sdiv (uint64_t a, uint64_t b) { propagate (); }
void inst_urem (uint64_t a, uint64_t b) { propagate (); }
void inst_srem_1starg (uint64_t a, uint64_t b) { propagate (); }
void inst_srem_2ndarg (uint64_t a, uint64_t b) { propagate (); }
void inst_and (uint64_t a, uint64_t b) { propagate (); }
void inst_or (uint64_t a, uint64_t b) { propagate (); }
void inst_xor (uint64_t a, uint64_t b) { propagate (); }
void inst_not (uint64_t a) { propagate (); }
void inst_shl (uint64_t a, uint64_t b) { propagate (); }
void inst_lshr (uint64_t a, uint64_t b) { propagate (); }
void inst_ashr (uint64_t a, uint64_t b) { propagate (); }
void inst_clz (uint64_t a, uint64_t if0) { propagate (); }
void inst_ctz (uint64_t a, uint64_t if0) { propagate (); }
void inst_trunc (uint64_t a) { propagate (); }
void inst_zext (uint64_t a) { propagate (); }
void inst_sext (uint64_t a) { propagate (); }
void inst_cmp (uint64_t a, uint64_t b) { propagate (); }

/* The number of bytes of an access of BITS bits (a _Bool: one).  */
static inline uint64_t
access_bytes (uint64_t bits)
{
  return bits < 8 ? 1 : bits / 8;
}

void
inst_load (uint64_t base, uint64_t offset)
{
  uint64_t addr = base + offset;
  uint64_t n = access_bytes (bit_width_res ());
  uint64_t t = tag1 ();

  if (addr < taint_wire_hi && addr + n > taint_wire_lo)
    t |= TAINT_WIRE;
  if (addr < taint_config_hi && addr + n > taint_config_lo)
    t |= TAINT_CONFIG;
  for (uint64_t i = 0; i < 8; i++)
    {
      if (i == n)
	break;
      uint64_t lo = addr + i - taint_low_base;
      uint64_t hi = addr + i - taint_high_base;
      if (lo < TAINT_LOW_SIZE)
	t |= taint_low_shadow[lo];
      else if (hi < TAINT_HIGH_SIZE)
	t |= taint_high_shadow[hi];
    }
  set_tag (t);
}

void
inst_store (uint64_t base, uint64_t offset, uint64_t value)
{
  uint64_t addr = base + offset;
  uint64_t n = access_bytes (bit_width3 ());
  uint64_t t = tag3 ();

  for (uint64_t i = 0; i < 8; i++)
    {
      if (i == n)
	break;
      uint64_t lo = addr + i - taint_low_base;
      uint64_t hi = addr + i - taint_high_base;
      if (lo < TAINT_LOW_SIZE)
	taint_low_shadow[lo] = t;
      else if (hi < TAINT_HIGH_SIZE)
	taint_high_shadow[hi] = t;
      else if (t != 0)
	taint_lost_stores++;
    }
}

void
inst_br (uint64_t cond)
{
  stop_if_no_tags ();
  taint_arg_site = pseudo_pc ();
  taint_arg_tag = tag1 ();
  slow_call (TAINT_CALL_BRANCH);
}
