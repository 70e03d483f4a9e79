/* The same as plain.bpf.c, with block hooks that do nothing.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  (void) b;
  set_tag (tag1 () | tag2 ());
}

void
inst_load (uint64_t addr, uint64_t offset)
{
  arg0 = addr + offset;
  set_tag (slow_call (1));
}

void
inst_store (uint64_t addr, uint64_t offset, uint64_t value)
{
  (void) value;
  arg0 = addr + offset;
  arg1 = tag3 ();
  slow_call (2);
}

void
inst_memcpy (uint64_t dst, uint64_t src, uint64_t len)
{
  (void) dst;
  (void) src;
  (void) len;
}

void
inst_memset (uint64_t dst, uint64_t value, uint64_t len)
{
  (void) dst;
  (void) value;
  (void) len;
}
