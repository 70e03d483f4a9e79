/* inst_add folds to nothing but for 8-bit additions; inst_br always
   counts.  */
#include <bpfinst/bpf.h>

extern uint64_t stats_hits;

void
inst_add (uint64_t a, uint64_t b)
{
  if (bit_width_res () == 8)
    stats_hits++;
}

void
inst_br (uint64_t cond)
{
  stats_hits += cond;
}
