/* An instrumenter without hooks: a global function that is none.  */
#include <bpfinst/bpf.h>

uint64_t
not_a_hook (uint64_t a)
{
  return slow_call (a);
}
