/* Answers the made-up system call 10001 (address, length, tag) by tagging
   those bytes in the dense store (the call is dropped and returns 0), and
   reports the multiplications by 1009 the hooks hand over.  */
#include <stdio.h>
#include <bpfinst/native.h>
#include <bpfinst/tagstore.h>

uint64_t arg0, arg1;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "%llu: tag %#llx\n", (unsigned long long) arg0,
	     (unsigned long long) arg1);
  return 0;
}

uint64_t
event_before_syscall (uint32_t num, uint32_t *drop_syscall, uint64_t a1,
		      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		      uint64_t a6)
{
  (void) a4;
  (void) a5;
  (void) a6;
  if (num != 10001)
    return 0;
  bpfinst_dense_set_range (a1, a2, a3);
  *drop_syscall = 1;
  return 0;
}
