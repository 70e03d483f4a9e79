/* GCCInst extension: report each instrumented function's start and end,
   by name, with the value it returns and that value's width.  */
#include <bpfinst/bpf.h>

extern uint64_t arg_name, arg_value, arg_width;

void
inst_func_entry (void)
{
  arg_name = func_name ();
  slow_call (1);
}

void
inst_func_exit (uint64_t retval)
{
  arg_name = func_name ();
  arg_value = retval;
  arg_width = bit_width1 ();
  slow_call (2);
}
