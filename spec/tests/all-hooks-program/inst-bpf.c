/* Every hook, each doing a little work that uses its operands and the
   helpers but never changes the program: the program must compute exactly
   what it computes without instrumentation.  Memory hooks read the bytes
   the program is about to access.  */
#include <bpfinst/bpf.h>

static uint64_t count[32];
static uint64_t mix;

static inline void
note (int op, uint64_t a, uint64_t b)
{
  count[op]++;
  mix = (mix ^ a) * 31 + b + pseudo_pc () + bit_width_res ();
}

void inst_add (uint64_t a, uint64_t b) { note (0, a, b); }
void inst_sub (uint64_t a, uint64_t b) { note (1, a, b); }
void inst_neg (uint64_t a) { note (2, a, 0); }
void inst_mul (uint64_t a, uint64_t b) { note (3, a, b); }
void inst_udiv (uint64_t a, uint64_t b) { note (4, a, b); }
void inst_sdiv (uint64_t a, uint64_t b) { note (5, a, b); }
void inst_urem (uint64_t a, uint64_t b) { note (6, a, b); }
void inst_srem_1starg (uint64_t a, uint64_t b) { note (7, a, b); }
void inst_srem_2ndarg (uint64_t a, uint64_t b) { note (8, a, b); }
void inst_srem_nonneg (uint64_t a, uint64_t b) { note (9, a, b); }
void inst_and (uint64_t a, uint64_t b) { note (10, a, b); }
void inst_nand (uint64_t a, uint64_t b) { note (11, a, b); }
void inst_or (uint64_t a, uint64_t b) { note (12, a, b); }
void inst_nor (uint64_t a, uint64_t b) { note (13, a, b); }
void inst_xor (uint64_t a, uint64_t b) { note (14, a, b); }
void inst_eqv (uint64_t a, uint64_t b) { note (15, a, b); }
void inst_not (uint64_t a) { note (16, a, 0); }
void inst_clz (uint64_t a, uint64_t if0) { note (17, a, if0); }
void inst_ctz (uint64_t a, uint64_t if0) { note (18, a, if0); }
void inst_shl (uint64_t a, uint64_t b) { note (19, a, b); }
void inst_lshr (uint64_t a, uint64_t b) { note (20, a, b); }
void inst_ashr (uint64_t a, uint64_t b) { note (21, a, b); }
void inst_trunc (uint64_t a) { note (22, a, bit_width1 ()); }
void inst_zext (uint64_t a) { note (23, a, bit_width1 ()); }
void inst_sext (uint64_t a) { note (24, a, bit_width1 ()); }

void
inst_cmp (uint64_t a, uint64_t b)
{
  note (25, a ^ condition (), b + condition_result ());
}

void
inst_br (uint64_t cond)
{
  note (26, cond, condition_result ());
}

void
inst_indirectbr (void)
{
  note (27, 0, 0);
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  note (28, *(const uint8_t *) (addr + offset), offset);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  note (29, *(const uint8_t *) (addr + offset), value + bit_width3 ());
}
