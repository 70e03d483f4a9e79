/* Report logical right shifts of 0x5eed5eed.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3, arg4;

/* Operation numbers understood by the native half.  */
enum { OP_ADD = 1, OP_SUB, OP_NEG, OP_MUL, OP_UDIV, OP_SDIV, OP_UREM,
       OP_SREM_1STARG, OP_SREM_2NDARG, OP_SREM_NONNEG, OP_AND, OP_NAND,
       OP_OR, OP_NOR, OP_XOR, OP_EQV, OP_NOT, OP_CLZ, OP_CTZ, OP_SHL,
       OP_LSHR, OP_ASHR, OP_TRUNC, OP_ZEXT, OP_SEXT };

/* Hand operation OP with operands A and B (and the widths) to the native
   half.  */
#define REPORT(op, a, b)			\
  do						\
    {						\
      arg0 = (a);				\
      arg1 = (b);				\
      arg2 = bit_width1 ();			\
      arg3 = bit_width2 ();			\
      arg4 = bit_width_res ();			\
      slow_call (op);				\
    }						\
  while (0)

/* The same for an operation with one operand.  */
#define REPORT1(op, a)				\
  do						\
    {						\
      arg0 = (a);				\
      arg1 = 0;					\
      arg2 = bit_width1 ();			\
      arg3 = 0;					\
      arg4 = bit_width_res ();			\
      slow_call (op);				\
    }						\
  while (0)

void
inst_lshr (uint64_t a, uint64_t sh)
{
  if (a == 0x5eed5eed)
    REPORT (OP_LSHR, a, sh);
}

/* Shifts of unsigned values must not arrive here.  */
void
inst_ashr (uint64_t a, uint64_t sh)
{
  if (a == 0x5eed5eed)
    REPORT (OP_ASHR, a, sh);
}
