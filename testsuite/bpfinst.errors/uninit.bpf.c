/* Reads r7, which nothing has written (clang's BPF inline assembly).  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  asm volatile ("r1 = r7" ::: "r1");
}
