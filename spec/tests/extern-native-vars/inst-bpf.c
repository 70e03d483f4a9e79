/* The BPF half reads and writes variables the native half defines, of
   several widths, and sees the native half's own updates.  */
#include <bpfinst/bpf.h>

extern uint64_t threshold, hits;
extern uint32_t calls32;
extern int64_t last_signed;

void
inst_mul (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  calls32++;
  if (a > threshold)
    hits++;
  last_signed = (int64_t) a - 100;
  slow_call (1);
}
