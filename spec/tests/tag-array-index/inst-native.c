/* Print what the BPF half reports: slow_call (1) for a multiplication
   (arg0: its first operand; arg1, arg2: the operand tags), slow_call (2)
   for a store (arg0: offset in the watched object; arg1: address tag;
   arg2: value tag), slow_call (3) for a load (arg0: offset; arg1: address
   tag).  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2;

/* Set by the program: the address of the object it watches.  */
uint64_t watch;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "mul %llu: tags %#llx %#llx\n", (unsigned long long) arg0,
	     (unsigned long long) arg1, (unsigned long long) arg2);
  else if (funct == 2)
    fprintf (stderr, "store +%llu: tags %#llx %#llx\n",
	     (unsigned long long) arg0, (unsigned long long) arg1,
	     (unsigned long long) arg2);
  else if (funct == 3)
    fprintf (stderr, "load +%llu: tag %#llx\n", (unsigned long long) arg0,
	     (unsigned long long) arg1);
  else if (funct == 4)
    fprintf (stderr, "div %llu: tags %#llx %#llx\n", (unsigned long long) arg0,
	     (unsigned long long) arg1, (unsigned long long) arg2);
  return 0;
}
