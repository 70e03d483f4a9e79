/* A loop bounded by an operand: nothing bounds its trip count.  */
#include <bpfinst/bpf.h>

extern uint64_t total;

void
inst_add (uint64_t a, uint64_t b)
{
  for (uint64_t i = 0; i < a; i++)
    total += slow_call (i + b);
}
