/* Native half that keeps the distinct arguments of the slow calls.  */
#include <bpfinst/native.h>

static uint64_t seen[256];
static unsigned nseen;
static uint64_t calls;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  calls++;
  for (unsigned i = 0; i < nseen; i++)
    if (seen[i] == funct)
      return 0;
  if (nseen < 256)
    seen[nseen++] = funct;
  return 0;
}

/* How many slow calls, and how many distinct arguments they had.  */
uint64_t
test_calls (void)
{
  return calls;
}

uint64_t
test_distinct (void)
{
  return nseen;
}
