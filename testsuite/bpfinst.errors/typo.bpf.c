/* inst_ad: inst_add misspelt.  */
#include <bpfinst/bpf.h>

void
inst_ad (uint64_t a, uint64_t b)
{
  slow_call (a + b);
}
