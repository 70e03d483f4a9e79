#include <bpfinst/native.h>

uint64_t clz_a, clz_width, ctz_a, ctz_width;
static uint64_t nclz, nctz;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct == 1)
    nclz++;
  else if (funct == 2)
    nctz++;
  return 0;
}

/* One clz of A (WIDTH bits) since the last check?  */
int
test_clz (uint64_t a, uint64_t width)
{
  int ok = nclz == 1 && clz_a == a && clz_width == width;
  nclz = 0;
  return ok;
}

int
test_ctz (uint64_t a, uint64_t width)
{
  int ok = nctz == 1 && ctz_a == a && ctz_width == width;
  nctz = 0;
  return ok;
}
