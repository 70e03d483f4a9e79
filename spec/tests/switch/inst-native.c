/* Print comparisons (slow_call (1)) and branches (slow_call (2)) reported
   by the BPF half.  arg0, arg1: the operands; arg2: condition (); arg3:
   condition_result (); arg4, arg5: the operand widths.  A branch has
   arg0, its condition, and arg1, its pseudo_pc (), printed as the number
   of the first branch that had it (so the output does not depend on the
   values, only on which are equal).  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2, arg3, arg4, arg5;

static uint64_t seen[16];
static unsigned nseen;

static unsigned
edge_number (uint64_t pc)
{
  for (unsigned i = 0; i < nseen; i++)
    if (seen[i] == pc)
      return i + 1;
  if (nseen < 16)
    seen[nseen++] = pc;
  return nseen;
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "cmp %#llx %#llx cond %llu -> %llu (%llu %llu)\n",
	     (unsigned long long) arg0, (unsigned long long) arg1,
	     (unsigned long long) arg2, (unsigned long long) arg3,
	     (unsigned long long) arg4, (unsigned long long) arg5);
  else if (funct == 2)
    fprintf (stderr, "br %llu cond %llu -> %llu edge %u\n",
	     (unsigned long long) arg0, (unsigned long long) arg2,
	     (unsigned long long) arg3, edge_number (arg1));
  return 0;
}
