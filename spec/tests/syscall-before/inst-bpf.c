/* The BPF half has nothing to do in this case: the native half watches
   system calls.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b == 1000003)
    {
      arg0 = a;
      slow_call (1);
    }
}
