/* A hash-map key taken from a stack array at a variable index: the key
   must lie at a constant offset in the frame.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 16);
  __type (key, uint64_t);
  __type (value, uint64_t);
} seen SEC (".maps");

void
inst_add (uint64_t a, uint64_t b)
{
  uint64_t keys[4] = { a, b, a ^ b, a + b };
  uint64_t *v = bpf_map_lookup_elem (&seen, &keys[a & 3]);
  if (v)
    *v += 1;
}
