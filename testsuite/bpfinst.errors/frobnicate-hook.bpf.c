/* inst_frobnicate: no hook is called anything like it.  */
#include <bpfinst/bpf.h>

void
inst_frobnicate (uint64_t a)
{
  slow_call (a);
}
