/* A callee writes 16 elements through the pointer to its caller's
   8-element array.  */
#include <bpfinst/bpf.h>

extern uint64_t sink;

static __attribute__ ((noinline)) void
clear (volatile uint64_t *v, uint64_t n)
{
  for (uint64_t i = 0; i < 16; i++)
    v[i] = n;
}

void
inst_add (uint64_t a, uint64_t b)
{
  volatile uint64_t v[8];
  clear (v, b);
  sink = v[a & 7];
}
