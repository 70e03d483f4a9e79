/* A switch is one equality comparison and one branch per case label, in
   label order, before the jump.  */
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

/* Set by a reported comparison: the branch on it comes next.  */
static uint64_t armed;

void
inst_cmp (uint64_t a, uint64_t b)
{
  if (b == 1000003 || b == 1000033 || b == 1000333)
    {
      armed = 1;
      REPORT_CMP (a, b);
    }
}

void
inst_br (uint64_t cond)
{
  if (!armed)
    return;
  armed = 0;
  REPORT_BR (cond);
}
