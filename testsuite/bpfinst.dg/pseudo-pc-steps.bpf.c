/* Tags on (set and read), and each addition and multiplication passes
   its pseudo_pc () to the native half.  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  set_tag (tag1 () | tag2 ());
  slow_call (pseudo_pc ());
}

void
inst_mul (uint64_t a, uint64_t b)
{
  set_tag (tag1 () | tag2 ());
  slow_call (pseudo_pc ());
}

/* Reads the address, so that its steps are computed (and instrumented).  */
void
inst_load (uint64_t addr, uint64_t offset)
{
  set_tag (tag1 ());
  if (addr == 1)
    slow_call (1);
}
