/* Tags follow values through control-flow merges (PHIs) and loop-carried
   values.  Additions of 1000003 are tagged 0x77, other additions pass on
   the union of their operands' tags; multiplications involving 1009
   report their operand tags.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (0x77);
  else
    set_tag (tag1 () | tag2 ());
}

void
inst_mul (uint64_t a, uint64_t b)
{
  if (a != 1009 && b != 1009)
    return;
  arg0 = a;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (1);
}
