/* One counter, in the instrumenter's own static data, shared by two
   hooks and by every function they are inlined into.  */
#include <bpfinst/bpf.h>

static uint64_t counter;

void
inst_add (uint64_t a, uint64_t b)
{
  counter++;
  slow_call (counter);
}

void
inst_sub (uint64_t a, uint64_t b)
{
  counter += 100;
  slow_call (counter);
}
