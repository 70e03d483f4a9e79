/* Nested loops of a million iterations in all: bounded, but more than a
   hook may run.  */
#include <bpfinst/bpf.h>

extern uint64_t total;

void
inst_add (uint64_t a, uint64_t b)
{
  for (int i = 0; i < 1000; i++)
    for (int j = 0; j < 1000; j++)
      total += slow_call (a ^ (uint64_t) (i * j));
}
