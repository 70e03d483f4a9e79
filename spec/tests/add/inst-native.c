#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3, arg4;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "add %llu %llu (%llu %llu -> %llu)\n",
	     (unsigned long long) arg0, (unsigned long long) arg1,
	     (unsigned long long) arg2, (unsigned long long) arg3,
	     (unsigned long long) arg4);
  return 0;
}
