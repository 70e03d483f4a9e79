/* Reports the reads from standard input of 7777 bytes (the program's own
   read calls).  */
#include <stdio.h>
#include <sys/syscall.h>
#include <bpfinst/native.h>

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  return 0;
}

uint64_t
event_before_syscall (uint32_t num, uint32_t *drop_syscall, uint64_t a1,
		      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
		      uint64_t a6)
{
  (void) drop_syscall;
  (void) a2;
  (void) a4;
  (void) a5;
  (void) a6;
  if (num == SYS_read && a1 == 0 && a3 == 7777)
    fprintf (stderr, "read fd %llu count %llu\n", (unsigned long long) a1,
	     (unsigned long long) a3);
  return 0;
}
