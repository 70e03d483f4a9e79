/* Prints "enter NAME" and "exit NAME" lines on standard error; the top
   bit of the argument tells an exit.  */
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  uint64_t exit_bit = (uint64_t) 1 << 63;
  fprintf (stderr, "%s %s\n", funct & exit_bit ? "exit" : "enter",
	   (const char *) (uintptr_t) (funct & ~exit_bit));
  return 0;
}
