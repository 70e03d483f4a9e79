/* Count computed gotos and report each one.  */
#include <bpfinst/bpf.h>

extern uint64_t arg0;

static uint64_t count;

void
inst_indirectbr (void)
{
  count++;
  arg0 = count;
  slow_call (1);
}
