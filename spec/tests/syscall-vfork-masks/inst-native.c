/* Answers getppid itself (with 4242) and counts the signal returns it
   sees (rt_sigreturn, and on 32-bit arm also sigreturn); getpgid (7777)
   returns the count.  */
#include <sys/syscall.h>
#include <bpfinst/native.h>

static unsigned long returns;

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
  if (num == SYS_rt_sigreturn
#ifdef SYS_sigreturn
      || num == SYS_sigreturn
#endif
      )
    __atomic_add_fetch (&returns, 1, __ATOMIC_RELAXED);
  if (num == SYS_getpgid && a1 == 7777)
    {
      *drop_syscall = 1;
      return __atomic_load_n (&returns, __ATOMIC_RELAXED);
    }
  return 0;
}
