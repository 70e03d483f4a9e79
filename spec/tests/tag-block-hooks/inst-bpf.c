/* The GCCInst extension hooks for blocks of memory: inst_memcpy and
   inst_memset hand their operands to the native half, which shows what
   is about to be copied or set.  Additions of 1000 are tagged 0x5, so
   that inst_memset can show its value's tag.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1, arg2, arg3;

void
inst_add (uint64_t a, uint64_t b)
{
  (void) a;
  set_tag (b == 1000 ? 0x5 : tag1 () | tag2 ());
}

void
inst_memcpy (uint64_t dst, uint64_t src, uint64_t len)
{
  arg0 = dst;
  arg1 = src;
  arg2 = len;
  slow_call (1);
}

void
inst_memset (uint64_t dst, uint64_t value, uint64_t len)
{
  arg0 = dst;
  arg1 = value;
  arg2 = len;
  arg3 = tag2 ();
  slow_call (2);
}
