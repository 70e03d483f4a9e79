/* Without any set_tag, every operand tag is 0: tag1/2 of additions of
   1000003, tag1/3 of stores to the program's watched object.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, watch;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  arg0 = a;
  arg1 = tag1 ();
  arg2 = tag2 ();
  slow_call (1);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  if (watch == 0 || addr + offset != watch)
    return;
  arg0 = value;
  arg1 = tag1 ();
  arg2 = tag3 ();
  slow_call (2);
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  if (watch == 0 || addr + offset != watch)
    return;
  arg0 = 0;
  arg1 = tag1 ();
  arg2 = 0;
  slow_call (3);
}
