#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0, arg1, arg2;

/* Set by the program: the address of the variable it watches.  */
uint64_t watch;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  static const char *const what[] = { "?", "add", "store", "load" };

  fprintf (stderr, "%s %llu tags %llu %llu\n", what[funct < 4 ? funct : 0],
	   (unsigned long long) arg0, (unsigned long long) arg1,
	   (unsigned long long) arg2);
  return 0;
}
