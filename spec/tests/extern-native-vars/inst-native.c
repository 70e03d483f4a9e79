#include <stdio.h>
#include <bpfinst/native.h>

uint64_t threshold = 10;
uint64_t hits;
uint32_t calls32;
int64_t last_signed;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    {
      fprintf (stderr, "calls %u hits %llu threshold %llu last %lld\n",
	       (unsigned) calls32, (unsigned long long) hits,
	       (unsigned long long) threshold, (long long) last_signed);
      threshold += 5;
    }
  return 0;
}
