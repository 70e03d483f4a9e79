/* event_before_syscall sees the system calls libc makes for the program:
   it reports a write of "hello\n" to standard error, and answers getppid
   itself without making the call.  */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <bpfinst/native.h>

uint64_t arg0;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    fprintf (stderr, "add %llu\n", (unsigned long long) arg0);
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
  if (num == SYS_getppid)
    {
      *drop_syscall = 1;
      return 4242;
    }
  if (num == SYS_write && a1 == 2 && a3 == 6
      && memcmp ((const void *) (uintptr_t) a2, "hello\n", 6) == 0)
    /* This write does not come back here.  */
    fprintf (stderr, "write of hello to fd 2\n");
  return 0;
}
