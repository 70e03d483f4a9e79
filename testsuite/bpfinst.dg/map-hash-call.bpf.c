/* Count additions per first operand in a hash map.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 64);
  __type (key, uint64_t);
  __type (value, uint64_t);
} seen SEC (".maps");

void
inst_add (uint64_t a, uint64_t b)
{
  uint64_t *n = bpf_map_lookup_elem (&seen, &a);
  if (n)
    *n += 1;
  else
    {
      uint64_t one = 1;
      bpf_map_update_elem (&seen, &a, &one, BPF_NOEXIST);
    }
}
