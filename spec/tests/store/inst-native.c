/* Print the loads (slow_call (1)) and stores (slow_call (2)) the BPF half
   reports: arg0 is the offset of the accessed address from the start of
   the program's watched object, arg1 the width, arg2 the stored value.  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2;

/* Set by the program: the address of the object it watches.  */
uint64_t watch;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "load +%llu (%llu)\n", (unsigned long long) arg0,
	     (unsigned long long) arg1);
  else if (funct == 2)
    fprintf (stderr, "store +%llu %#llx (%llu)\n", (unsigned long long) arg0,
	     (unsigned long long) arg2, (unsigned long long) arg1);
  return 0;
}
