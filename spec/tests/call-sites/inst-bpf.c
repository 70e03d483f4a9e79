/* GCCInst extension: report every call, direct or indirect, with the
   address called and the function making it.  */
#include <bpfinst/bpf.h>

extern uint64_t arg_target, arg_kind, arg_caller;

void
inst_call (uint64_t target)
{
  arg_target = target;
  arg_kind = call_kind ();
  arg_caller = func_name ();
  slow_call (1);
}
