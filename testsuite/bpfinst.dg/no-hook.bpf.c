/* A BPF object without any inst_* function.  */
#include <bpfinst/bpf.h>

uint64_t
not_a_hook (uint64_t a)
{
  return slow_call (a);
}
