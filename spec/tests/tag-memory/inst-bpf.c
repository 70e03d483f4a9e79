/* Tags through memory are the instrumenter's: this one keeps the tag of
   the one watched program variable in its own static data, written by
   inst_store and read back by inst_load.  Additions of 1000003 are tagged
   0x77; multiplications involving 1009 report their operand tags.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, watch;

static uint64_t cell_tag;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  if (b == 1000003)
    set_tag (0x77);
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  (void) value;
  if (watch == 0 || addr + offset != watch)
    return;
  cell_tag = tag3 ();
  arg0 = 0;
  arg1 = tag1 ();
  arg2 = tag3 ();
  slow_call (2);
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  if (watch == 0 || addr + offset != watch)
    return;
  set_tag (cell_tag);
  arg0 = 0;
  arg1 = tag1 ();
  slow_call (3);
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
