/* A map whose key is a plain field, not made with __type.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 4);
  uint32_t key;
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
