/* The heavy instrumenter: the native half.  Receives the slow calls,
   checks their arguments cheaply, and owns the variables the BPF half
   shares with it.  */
#include <bpfinst/native.h>

uint64_t heavy_slow_arg;
uint64_t heavy_slow_result;
static uint64_t calls;
static uint64_t seen;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  calls++;
  seen ^= heavy_slow_arg + funct;
  return funct + 1;
}
