/* GCCInst extension: an addition of 1000003 tags its result with 7, and
   inst_func_exit reports every function that returns a tagged value,
   with the tag (tag1 ()) and the value.  */
#include <bpfinst/bpf.h>

extern uint64_t arg_name, arg_value, arg_tag;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b == 1000003)
    set_tag (7);
}

void
inst_func_exit (uint64_t retval)
{
  if (tag1 () == 0)
    return;
  arg_name = func_name ();
  arg_value = retval;
  arg_tag = tag1 ();
  slow_call (1);
}
