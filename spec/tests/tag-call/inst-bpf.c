/* Tags cross function calls: arguments and return values of direct and
   indirect calls.  A value returned by code built without the engine
   (the C library) is untagged.  Additions of 1000003 are tagged 0x77;
   multiplications involving 1009 and divisions of 1009 report their
   operand tags.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (0x77);
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
