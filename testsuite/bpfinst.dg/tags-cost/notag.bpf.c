/* Hooks that use no tag helper: counters and a slow call.  */
#include <bpfinst/bpf.h>

static uint64_t adds, loads;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  adds += b;
}

void
inst_mul (uint64_t a, uint64_t b)
{
  if (a == 1009 || b == 1009)
    slow_call (pseudo_pc ());
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  (void) addr;
  (void) offset;
  loads++;
}
