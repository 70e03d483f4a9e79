/* Answers getppid itself with 4242.  */
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
  (void) a1;
  (void) a2;
  (void) a3;
  (void) a4;
  (void) a5;
  (void) a6;
  if (num == SYS_getppid)
    {
      *drop_syscall = 1;
      return 4242;
    }
  return 0;
}
