/* A hook that never returns: a loop with no exit.  */
#include <bpfinst/bpf.h>

static volatile uint64_t spins;

void
inst_add (uint64_t a, uint64_t b)
{
  for (;;)
    spins += a;
}
