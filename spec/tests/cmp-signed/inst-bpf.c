/* Report signed comparisons with the operand -0x5eed: operands, condition
   code (with COND_SIGNED) and outcome.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3, arg4, arg5;

/* Hand comparison A, B to the native half.  */
#define REPORT_CMP(a, b)			\
  do						\
    {						\
      arg0 = (a);				\
      arg1 = (b);				\
      arg2 = condition ();			\
      arg3 = condition_result ();		\
      arg4 = bit_width1 ();			\
      arg5 = bit_width2 ();			\
      slow_call (1);				\
    }						\
  while (0)

/* Hand a branch on COND to the native half.  */
#define REPORT_BR(cond)				\
  do						\
    {						\
      arg0 = (cond);				\
      arg2 = condition ();			\
      arg3 = condition_result ();		\
      slow_call (2);				\
    }						\
  while (0)

void
inst_cmp (uint64_t a, uint64_t b)
{
  if (a == 0xffffffffffffa113 || b == 0xffffffffffffa113
      || a == 0xffffa113 || b == 0xffffa113)
    REPORT_CMP (a, b);
}
