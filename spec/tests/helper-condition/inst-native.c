#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3, arg4;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  fprintf (stderr, "%s:%s%s%s%s -> %llu\n", funct == 1 ? "cmp" : "br",
	   arg3 ? " signed" : "", arg0 ? " lt" : "", arg1 ? " eq" : "",
	   arg2 ? " gt" : "", (unsigned long long) arg4);
  return 0;
}
