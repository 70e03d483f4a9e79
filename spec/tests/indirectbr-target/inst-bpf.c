/* GCCInst extension: report where each computed goto jumps
   (branch_target ()).  */
#include <bpfinst/bpf.h>

extern uint64_t arg_target;

void
inst_indirectbr (void)
{
  arg_target = branch_target ();
  slow_call (1);
}
