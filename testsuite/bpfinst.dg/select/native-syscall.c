/* Defines event_before_syscall without including bpfinst/native.h: an
   instrumenter's native half, never instrumented.  */
typedef unsigned long long u64;

u64
event_before_syscall (unsigned num, unsigned *drop, u64 a1, u64 a2, u64 a3,
		      u64 a4, u64 a5, u64 a6)
{
  (void) drop;
  return num + a1 + a2 + a3 + a4 + a5 + a6;
}
