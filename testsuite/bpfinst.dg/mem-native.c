#include <bpfinst/native.h>

uint64_t load_addr, load_width, store_addr, store_width, store_value;
static uint64_t loads, stores;
static int armed;

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (!armed)
    return 0;
  if (funct == 1)
    loads++;
  else if (funct == 2)
    stores++;
  return 0;
}

/* Count the accesses from now on.  */
void
test_arm (void)
{
  loads = stores = 0;
  armed = 1;
}

/* Since test_arm: only one store, of VALUE (WIDTH bits) at ADDR?  */
int
test_store (void *addr, uint64_t width, uint64_t value)
{
  armed = 0;
  return loads == 0 && stores == 1 && store_addr == (uint64_t) addr
	 && store_width == width && store_value == value;
}

/* Since test_arm: only one load, of WIDTH bits at ADDR?  */
int
test_load (void *addr, uint64_t width)
{
  armed = 0;
  return loads == 1 && stores == 0 && load_addr == (uint64_t) addr
	 && load_width == width;
}

/* Since test_arm: no load and no store?  */
int
test_no_access (void)
{
  armed = 0;
  return loads == 0 && stores == 0;
}
