/* Record the condition code and outcome of comparisons.  */
#include <bpfinst/bpf.h>

extern uint64_t cmp_cond, cmp_result, cmp_a, cmp_b;

void
inst_cmp (uint64_t a, uint64_t b)
{
  cmp_cond = condition ();
  cmp_result = condition_result ();
  cmp_a = a;
  cmp_b = b;
  slow_call (1);
}
