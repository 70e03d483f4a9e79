/* An array map with a 64-bit key.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_ARRAY);
  __uint (max_entries, 4);
  __type (key, uint64_t);
  __type (value, uint64_t);
} counts SEC (".maps");

void
inst_add (uint64_t a, uint64_t b)
{
  uint32_t key = 1;
  uint64_t *v = bpf_map_lookup_elem (&counts, &key);
  if (v)
    *v += a + b;
}
