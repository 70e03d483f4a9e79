/* Every function's entry and exit, by name, for the native half to
   print.  */
#include <bpfinst/bpf.h>

void
inst_func_entry (void)
{
  slow_call (func_name ());
}

void
inst_func_exit (uint64_t retval)
{
  slow_call (func_name () | (1ull << 63));
}
