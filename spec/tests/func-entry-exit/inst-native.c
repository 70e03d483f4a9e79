#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg_name, arg_value, arg_width;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  const char *name = (const char *) (uintptr_t) arg_name;
  if (funct == 1)
    fprintf (stderr, "enter %s\n", name);
  else
    fprintf (stderr, "exit %s %llu (%llu bits)\n", name,
	     (unsigned long long) arg_value, (unsigned long long) arg_width);
  return 0;
}
