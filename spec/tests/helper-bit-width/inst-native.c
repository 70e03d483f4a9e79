#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3;

/* Set by the program: the address of the object it watches.  */
uint64_t watch;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "add %#llx (%llu %llu -> %llu)\n",
	     (unsigned long long) arg0, (unsigned long long) arg1,
	     (unsigned long long) arg2, (unsigned long long) arg3);
  else
    fprintf (stderr, "store +%llu (%llu)\n", (unsigned long long) arg0,
	     (unsigned long long) arg1);
  return 0;
}
