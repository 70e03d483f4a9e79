#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "mul #%llu%s\n", (unsigned long long) arg0,
	     arg1 ? " (new)" : "");
  return 0;
}
