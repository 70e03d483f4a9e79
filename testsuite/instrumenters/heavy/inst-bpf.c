/* The heavy instrumenter: the BPF half.

   Every hook is defined, and each one does real work that must never
   change what the program computes: it reads the operand tags, mixes its
   operands into a static accumulator, gives every result a nonzero tag
   derived from the operands' tags and the operation, and calls the native
   half for about one operation in 64 (chosen by pseudo_pc, so the choice
   folds at compile time).  The memory hooks keep tags in a small hashed
   shadow table and read the first byte of the memory about to be
   accessed (valid memory for both loads and stores).  GCCInst's
   extension hooks (function entry and exit, calls) and helpers are used
   too: they count, and mix the function's identity, its name's first
   byte, the value returned, its tag and the address called.

   The torture and csmith tests build programs with and without it and
   compare their behaviour.  */
#include <bpfinst/bpf.h>

#define SHADOW_SIZE 4096

static uint64_t count[40];
static uint64_t mix;
static uint64_t shadow[SHADOW_SIZE];

/* Defined by the native half: the argument of a slow call.  */
extern uint64_t heavy_slow_arg;
extern uint64_t heavy_slow_result;

static inline uint64_t
combine (uint64_t t1, uint64_t t2, uint64_t pc)
{
  uint64_t t = (t1 * 3) ^ (t2 << 1) ^ (pc & 0xffff);
  return t | 1;
}

static inline void
note (int op, uint64_t a, uint64_t b)
{
  uint64_t pc = pseudo_pc ();
  uint64_t t1 = tag1 ();
  uint64_t t2 = tag2 ();

  count[op]++;
  mix = (mix ^ a) * 31 + b + pc + bit_width_res () + bit_width1 ();
  if (pc % 64 == 0)
    {
      heavy_slow_arg = a ^ t1;
      heavy_slow_result += slow_call (op);
    }
  set_tag (combine (t1, t2, pc + op));
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
  condition_op_t c = condition ();

  if (COND_IS_SIGNED (c))
    count[30]++;
  note (25, a ^ c, b + condition_result ());
}

void
inst_br (uint64_t cond)
{
  note (26, cond, condition_result ());
}

void
inst_indirectbr (void)
{
  note (27, branch_target (), 0);
}

void
inst_func_entry (void)
{
  count[31]++;
  mix = (mix ^ func_id ()) * 31 + func_addr ()
	+ *(const uint8_t *) func_name ();
}

void
inst_func_exit (uint64_t retval)
{
  count[32]++;
  mix = (mix ^ retval) * 31 + tag1 () + bit_width1 ();
}

void
inst_call (uint64_t target)
{
  count[33]++;
  if (call_kind () == CALL_INDIRECT)
    mix = (mix ^ target) * 31;
}

static inline uint64_t
slot (uint64_t where)
{
  return (where ^ (where >> 12)) % SHADOW_SIZE;
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  uint64_t where = addr + offset;
  uint8_t first = *(const uint8_t *) where;

  count[28]++;
  mix = (mix ^ first) * 31 + offset + bit_width_res ();
  if (pseudo_pc () % 64 == 0)
    {
      heavy_slow_arg = where;
      heavy_slow_result += slow_call (28);
    }
  set_tag (shadow[slot (where)] | (tag1 () & 2) | 1);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  uint64_t where = addr + offset;
  uint8_t first = *(const uint8_t *) where;

  count[29]++;
  mix = (mix ^ first) * 31 + value + bit_width3 ();
  if (pseudo_pc () % 64 == 0)
    {
      heavy_slow_arg = value;
      heavy_slow_result += slow_call (29);
    }
  shadow[slot (where)] = tag3 () ^ tag1 ();
}
