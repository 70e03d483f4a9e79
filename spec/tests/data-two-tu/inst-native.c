#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "add #%llu total %llu table %llu %s\n",
	     (unsigned long long) arg0, (unsigned long long) arg1,
	     (unsigned long long) arg2, (const char *) (uintptr_t) arg3);
  return 0;
}
