/* Pass each addition's pseudo_pc () to the native half.  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  slow_call (pseudo_pc ());
}
