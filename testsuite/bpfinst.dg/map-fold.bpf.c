/* Count additions per result width in an array map; the key is a
   constant for each addition (bit_width_res () / 8).  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_ARRAY);
  __uint (max_entries, 9);
  __type (key, uint32_t);
  __type (value, uint64_t);
} counts SEC (".maps");

void
inst_add (uint64_t a, uint64_t b)
{
  uint32_t key = bit_width_res () / 8;
  uint64_t *n = bpf_map_lookup_elem (&counts, &key);
  if (n)
    __sync_fetch_and_add (n, 1);
}
