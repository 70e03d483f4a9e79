/* Tags of concurrent threads stay apart.  An addition with an operand
   1000003 + T (T from 0 to 3) is tagged 0x1000 * (T + 1), the tag of
   thread T.  Multiplications by 3000017 report the union of their
   operand tags, which should be the calling thread's tag;
   multiplications by 3000029 likewise, which should be 0.  Everything
   travels in slow_call's argument: the native half has no shared
   variables to race on.  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  if (a - 1000003 < 4)
    set_tag (0x1000 * (a - 1000003 + 1));
  else if (b - 1000003 < 4)
    set_tag (0x1000 * (b - 1000003 + 1));
}

void
inst_mul (uint64_t a, uint64_t b)
{
  uint64_t tags = tag1 () | tag2 ();

  if (a == 3000017 || b == 3000017)
    slow_call (1 | tags << 8);
  else if (a == 3000029 || b == 3000029)
    slow_call (2 | tags << 8);
}
