/* Tags made by additions of two constants and reported by an exclusive or
   with a third: x + 1000003 is tagged 1, x + 1000033 is tagged 2, other
   additions and exclusive ors get their operands' tags combined, and
   "x ^ 777" reports the tag of x.  */
#include <bpfinst/bpf.h>

extern uint64_t tagflow_seen;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (1);
  else if (b == 1000033)
    set_tag (2);
  else
    set_tag (tag1 () | tag2 ());
}

void
inst_xor (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 777)
    {
      tagflow_seen = tag1 ();
      slow_call (1);
    }
  set_tag (tag1 () | tag2 ());
}
