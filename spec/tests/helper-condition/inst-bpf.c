/* condition () decoded with the COND_* macros, in inst_cmp and in inst_br,
   and condition_result ().  Comparisons with the operand 0x5eed, and the
   branch on each, are reported.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3, arg4;

/* Set by a reported comparison: the branch on it comes next.  */
static uint64_t armed;

static inline void
report (uint64_t what)
{
  condition_op_t c = condition ();

  arg0 = COND_IF_LT (c);
  arg1 = COND_IF_EQ (c);
  arg2 = COND_IF_GT (c);
  arg3 = COND_IS_SIGNED (c);
  arg4 = condition_result ();
  slow_call (what);
}

void
inst_cmp (uint64_t a, uint64_t b)
{
  if (a != 0x5eed && b != 0x5eed)
    return;
  armed = 1;
  report (1);
}

void
inst_br (uint64_t cond)
{
  (void) cond;
  if (!armed)
    return;
  armed = 0;
  report (2);
}
