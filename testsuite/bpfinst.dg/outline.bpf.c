/* A hook that stays big after folding: it goes out of line with
   -fplugin-arg-bpfinst-outline=0.  It mixes its operands and the
   operation's facts into counters of the native half.  */
#include <bpfinst/bpf.h>

extern uint64_t outl_sum, outl_calls, outl_wide;

void
inst_add (uint64_t a, uint64_t b)
{
  outl_sum += a ^ (b << 1);
  outl_calls++;
  if (bit_width_res () == 64)
    outl_wide++;
  if (pseudo_pc () == 0)
    outl_calls += 1000;
  set_tag (tag1 () | tag2 () | (a == 12345));
}
