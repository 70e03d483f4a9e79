/* Reads buf[a & 7] of a 4-element array on the stack: 32 bytes past
   its end at most, above the frame pointer.  */
#include <bpfinst/bpf.h>

extern uint64_t sink;

void
inst_add (uint64_t a, uint64_t b)
{
  volatile uint64_t buf[4];
  buf[0] = a;
  buf[1] = b;
  buf[2] = a + b;
  buf[3] = a ^ b;
  sink = buf[a & 7];
}
