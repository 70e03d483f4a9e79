/* Native half of tagflow.bpf.c: the tags that "x ^ 777" reports.  */
#include <bpfinst/native.h>

uint64_t tagflow_seen;
static uint64_t reports;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  reports += funct == 1;
  return 0;
}

/* The tag reported since the last call when exactly one was, else
   0xbad.  */
uint64_t
test_tag (void)
{
  uint64_t t = reports == 1 ? tagflow_seen : 0xbad;
  reports = 0;
  return t;
}
