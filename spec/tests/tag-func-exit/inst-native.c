#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg_name, arg_value, arg_tag;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  (void) funct;
  fprintf (stderr, "%s returns %llu, tagged %llu\n",
	   (const char *) (uintptr_t) arg_name,
	   (unsigned long long) arg_value, (unsigned long long) arg_tag);
  return 0;
}
