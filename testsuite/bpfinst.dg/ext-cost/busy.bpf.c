/* The same, with extension hooks that count.  */
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

extern uint64_t entries, exits, calls;

void
inst_func_entry (void)
{
  entries++;
}

void
inst_func_exit (uint64_t retval)
{
  (void) retval;
  exits++;
}

void
inst_call (uint64_t target)
{
  (void) target;
  calls++;
}
