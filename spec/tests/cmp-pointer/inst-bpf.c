/* Pointer comparisons are unsigned 64-bit comparisons.  */
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

/* Address of the program's buffer, set by the program.  */
extern uint64_t watch;

void
inst_cmp (uint64_t a, uint64_t b)
{
  uint64_t base = watch;

  if (base != 0 && a - base < 64 && b - base < 64)
    REPORT_CMP (a - base, b - base);
}
