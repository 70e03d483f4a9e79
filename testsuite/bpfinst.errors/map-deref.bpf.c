/* A hook that reads a map's variable itself.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_ARRAY);
  __uint (max_entries, 4);
  __type (key, uint32_t);
  __type (value, uint64_t);
} counts SEC (".maps");

void
inst_add (uint64_t a, uint64_t b)
{
  slow_call (*(volatile uint64_t *) &counts + a + b);
}
