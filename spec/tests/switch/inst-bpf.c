/* A switch is one comparison of the index with each case label, in label
   order, before it (a range: >= its low bound, then <= its high bound),
   and one branch per execution, on the edge taken: cond 1 for a case
   label, 0 for the default, each edge with a pseudo_pc of its own.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3, arg4, arg5;

/* Report comparison A, B to the native half.  */
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

/* Set by the comparison with the last label: the switch's branch comes
   next.  */
static uint64_t armed;

void
inst_cmp (uint64_t a, uint64_t b)
{
  if (b == 1000003 || b == 1000033 || b == 1000333 || b == 1000400
      || b == 1000402)
    {
      armed = b == 1000402;
      REPORT_CMP (a, b);
    }
}

void
inst_br (uint64_t cond)
{
  if (!armed)
    return;
  armed = 0;
  arg0 = cond;
  arg1 = pseudo_pc ();
  arg2 = condition ();
  arg3 = condition_result ();
  slow_call (2);
}
