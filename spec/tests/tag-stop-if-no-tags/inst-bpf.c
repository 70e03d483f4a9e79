/* stop_if_no_tags () goes on when an operand is tagged and ends the hook
   otherwise.  Additions of 1000003 are tagged 0x77; every multiplication
   and division with a tagged operand reports its tags.  */
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
  (void) b;
  stop_if_no_tags ();
  arg0 = a;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (1);
}

void
inst_sdiv (uint64_t a, uint64_t b)
{
  (void) b;
  stop_if_no_tags ();
  arg0 = a;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (4);
}
