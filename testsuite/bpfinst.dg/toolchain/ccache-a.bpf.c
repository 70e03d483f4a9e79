/* The first of two instrumenters swapped at the same path by ccache.exp:
   additions call the native half with code 1.  */
#include <bpfinst/bpf.h>

void
inst_add (uint64_t a, uint64_t b)
{
  slow_call (1);
}
