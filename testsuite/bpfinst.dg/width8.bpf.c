/* Only 8-bit additions reach the native half; for every other width the
   test of bit_width_res () folds away with the call.  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  if (bit_width_res () == 8)
    slow_call (8);
}
