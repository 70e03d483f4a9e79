/* A valid instrumenter with one of each thing the corruption tests
   damage: a stack access, a conditional jump, an ld_imm64 with a data
   relocation and a helper call.  */
#include <bpfinst/bpf.h>

static uint64_t counter;

void
inst_add (uint64_t a, uint64_t b)
{
  volatile uint64_t x = a;
  if (b == 3)
    counter++;
  slow_call (x);
}
