/* The same hooks, but additions and multiplications pass on the union of
   their operand tags, and loads of a tagged address call the native half:
   tags are tracked.  */
#include <bpfinst/bpf.h>

static uint64_t adds, loads;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  adds += b;
  set_tag (tag1 () | tag2 ());
}

void
inst_mul (uint64_t a, uint64_t b)
{
  if (a == 1009 || b == 1009)
    slow_call (pseudo_pc ());
  set_tag (tag1 () | tag2 ());
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  (void) addr;
  (void) offset;
  loads++;
  if (tag1 () != 0)
    slow_call (1);
}
