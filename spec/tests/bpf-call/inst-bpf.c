/* BPF-to-BPF calls: the hook calls static functions the compiler must not
   inline, one of which calls an engine helper.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0, arg1;

static __attribute__ ((noinline)) uint64_t
mix (uint64_t x, uint64_t y)
{
  return x * 31 + (y ^ 7);
}

static __attribute__ ((noinline)) void
report (uint64_t value, uint64_t which)
{
  arg0 = value;
  arg1 = which;
  slow_call (1);
}

void
inst_sub (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  report (mix (a, 3), 1);
  report (mix (b, a), 2);
}
