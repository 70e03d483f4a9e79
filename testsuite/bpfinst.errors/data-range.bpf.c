/* Reads table[a & 15] of an 8-element array: up to 64 bytes past the
   end of its data section.  */
#include <bpfinst/bpf.h>

extern uint64_t sink;
uint64_t table[8];

void
inst_add (uint64_t a, uint64_t b)
{
  sink = table[a & 15] + b;
  table[b & 7] = a;
}
