/* Tags and the run-time switch: an addition of 1000003 tags its result
   5, other additions pass their operands' tags on; an exclusive or with
   0x7777 records the tag of its first operand in the native half's
   switch_seen_tag and counts itself in switch_xor_runs.  */
#include <bpfinst/bpf.h>

extern uint64_t switch_seen_tag;
extern uint64_t switch_xor_runs;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (5);
  else
    set_tag (tag1 () | tag2 ());
}

void
inst_xor (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 0x7777)
    {
      switch_seen_tag = tag1 ();
      switch_xor_runs++;
    }
}
