/* Print what the BPF half reports: slow_call (3) for a load from the
   watched array (arg0: offset in it; arg1: address tag), slow_call (5) for
   a subtraction of two pointers into it (arg0: the difference in bytes;
   arg1, arg2: the operand tags).  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2;

/* Set by the program: the watched array (address and size in bytes) and
   the address of the watched pointer variable.  */
uint64_t watch, watch_size, watch_ptr;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 3)
    fprintf (stderr, "load +%llu: tag %#llx\n", (unsigned long long) arg0,
	     (unsigned long long) arg1);
  else if (funct == 5)
    fprintf (stderr, "sub %lld: tags %#llx %#llx\n", (long long) arg0,
	     (unsigned long long) arg1, (unsigned long long) arg2);
  return 0;
}
