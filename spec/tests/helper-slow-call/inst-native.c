#include <stdio.h>
#include <bpfinst/native.h>

uint64_t arg0;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1000)
    {
      fprintf (stderr, "the BPF half got back %llu\n",
	       (unsigned long long) arg0 / 3);
      return 0;
    }
  fprintf (stderr, "call %llu returns %llu\n", (unsigned long long) funct,
	   (unsigned long long) funct * 10 + 1);
  return funct * 10 + 1;
}
