/* A BPF-to-BPF call chain that calls itself.  */
#include <bpfinst/bpf.h>

static __attribute__ ((noinline)) uint64_t
walk (uint64_t n)
{
  return n ? walk (n / 2) * 3 + slow_call (n) : 0;
}

void
inst_add (uint64_t a, uint64_t b)
{
  slow_call (walk (a));
}
