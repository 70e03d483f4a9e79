/* A lookup in one of two maps, chosen at run time: r1 is not one map on
   every path.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_ARRAY);
  __uint (max_entries, 4);
  __type (key, uint32_t);
  __type (value, uint64_t);
} even SEC (".maps"), odd SEC (".maps");

void
inst_add (uint64_t a, uint64_t b)
{
  uint32_t key = 1;
  void *map = (a & 1) ? (void *) &odd : (void *) &even;
  uint64_t *v = bpf_map_lookup_elem (map, &key);
  if (v)
    *v += b;
}
