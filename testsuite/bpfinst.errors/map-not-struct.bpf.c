/* A variable of section .maps that is no struct.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

uint64_t counts SEC (".maps");

void
inst_add (uint64_t a, uint64_t b)
{
  uint32_t key = 1;
  uint64_t *v = bpf_map_lookup_elem (&counts, &key);
  if (v)
    *v += a + b;
}
