/* Additions of 1000 are tagged 0x7, additions of 2000 0x70; other sums
   get their operands' tags.  Multiplications by 1009 report the tag of
   their first operand.  Loads have no hook: a value loaded has tag 0.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  set_tag (b == 1000 ? 0x7 : b == 2000 ? 0x70 : tag1 () | tag2 ());
}

void
inst_mul (uint64_t a, uint64_t b)
{
  set_tag (tag1 () | tag2 ());
  if (b != 1009)
    return;
  arg0 = a;
  arg1 = tag1 ();
  slow_call (1);
}
