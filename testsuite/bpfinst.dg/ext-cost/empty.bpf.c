/* The same, with extension hooks that do nothing.  */
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

void
inst_func_entry (void)
{
}

void
inst_func_exit (uint64_t retval)
{
  (void) retval;
}

void
inst_call (uint64_t target)
{
  (void) target;
}
