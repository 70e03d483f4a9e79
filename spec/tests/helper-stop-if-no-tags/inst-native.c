#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "add %llu: before stop_if_no_tags\n",
	     (unsigned long long) arg0);
  else if (funct == 2)
    fprintf (stderr, "add %llu: after stop_if_no_tags\n",
	     (unsigned long long) arg0);
  else
    fprintf (stderr, "mul %llu: not stopped\n", (unsigned long long) arg0);
  return 0;
}
