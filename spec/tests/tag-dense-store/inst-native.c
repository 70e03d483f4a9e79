/* Keep the tags of the watched buffer's bytes in libtag's dense store.
   slow_call (6): a store of arg1 bytes at arg0 with tag arg2;
   slow_call (7): a load of arg1 bytes at arg0, returns their tag;
   slow_call (1): print a multiplication (arg0: its first operand; arg1,
   arg2: the operand tags).  The program calls forget before it frees a
   buffer.  */
#include <stddef.h>
#include <stdio.h>
#include <bpfinst/native.h>
#include <bpfinst/tagstore.h>

uint64_t arg0, arg1, arg2;

/* Set by the program: the watched buffer.  */
uint64_t watch, watch_size;

void
forget (void *p, size_t n)
{
  bpfinst_dense_set_range ((uintptr_t) p, n, 0);
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 6)
    bpfinst_dense_set_range (arg0, arg1, arg2);
  else if (funct == 7)
    return bpfinst_dense_get_range (arg0, arg1);
  else if (funct == 1)
    fprintf (stderr, "mul %llu: tags %#llx %#llx\n", (unsigned long long) arg0,
	     (unsigned long long) arg1, (unsigned long long) arg2);
  return 0;
}
