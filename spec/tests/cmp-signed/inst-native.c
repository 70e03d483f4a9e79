/* Print comparisons (slow_call (1)) and branches (slow_call (2)) reported
   by the BPF half.  arg0, arg1: the operands (a branch has only arg0, its
   condition); arg2: condition (); arg3: condition_result (); arg4, arg5:
   the operand widths.  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3, arg4, arg5;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "cmp %#llx %#llx cond %llu -> %llu (%llu %llu)\n",
	     (unsigned long long) arg0, (unsigned long long) arg1,
	     (unsigned long long) arg2, (unsigned long long) arg3,
	     (unsigned long long) arg4, (unsigned long long) arg5);
  else if (funct == 2)
    fprintf (stderr, "br %llu cond %llu -> %llu\n",
	     (unsigned long long) arg0, (unsigned long long) arg2,
	     (unsigned long long) arg3);
  return 0;
}
