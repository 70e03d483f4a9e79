/* Tags set by one operation reach the operations that use its result, as
   operand 1 or 2, through SSA values and conversions without a hook.
   Additions of 1000003 are tagged 0x77; every other addition or
   subtraction passes on the union of its operands' tags; multiplications
   set no tag.  Multiplications involving 1009 and divisions of 1009 report
   their operand tags.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  /* Overridden on every path: the last set_tag wins.  */
  set_tag (0x11);
  if (b == 1000003)
    set_tag (0x77);
  else
    set_tag (tag1 () | tag2 ());
}

void
inst_sub (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
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

/* Divisions of 1009 report their operand tags: the order of a division's
   operands is fixed, unlike a multiplication's.  */
void
inst_sdiv (uint64_t a, uint64_t b)
{
  (void) b;
  if (a != 1009)
    return;
  arg0 = a;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (4);
}
