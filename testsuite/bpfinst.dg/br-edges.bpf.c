/* Count the branches by direction.  */
#include <bpfinst/bpf.h>

extern uint64_t br_counts[2];

void
inst_br (uint64_t cond)
{
  br_counts[cond & 1] += 1;
}
