/* Every unsigned division and remainder hands its pseudo_pc () to the
   native half.  */
#include <bpfinst/bpf.h>

void
inst_udiv (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  slow_call (pseudo_pc ());
}

void
inst_urem (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  slow_call (pseudo_pc ());
}
