/* Report indirect calls only: call_kind () is a constant, so the hook
   folds to nothing at direct calls.  */
#include <bpfinst/bpf.h>

void
inst_call (uint64_t target)
{
  if (call_kind () == CALL_INDIRECT)
    slow_call (target);
}
