/* Hands the address of a stack slot to the native half.  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  uint64_t x = a;
  slow_call ((uint64_t) &x);
}
