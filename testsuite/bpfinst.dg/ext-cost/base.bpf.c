/* Contract hooks only: edge counts by pseudo_pc () and tags through
   additions.  */
#include <bpfinst/bpf.h>

extern uint8_t counts[65536];

void
inst_br (uint64_t cond)
{
  counts[(pseudo_pc () ^ cond) & 0xffff]++;
}

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}
