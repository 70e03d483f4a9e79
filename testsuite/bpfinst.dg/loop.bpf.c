/* A hook with a loop whose trip count depends on the operand: count the
   steps of the Collatz sequence from A (at most 100).  */
#include <bpfinst/bpf.h>

extern uint64_t steps;

void
inst_add (uint64_t a, uint64_t b)
{
  uint64_t x = a, i;
  for (i = 0; i < 100 && x > 1; i++)
    x = (x & 1) ? 3 * x + 1 : x / 2;
  steps = i;
  slow_call (1);
}
