/* Reports the multiplications by 1009 the hooks hand over.  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "%llu: tag %#llx\n", (unsigned long long) arg0,
	     (unsigned long long) arg1);
  return 0;
}
