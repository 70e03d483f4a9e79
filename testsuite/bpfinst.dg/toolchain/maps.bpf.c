/* BPF maps written the way libbpf programs write them: the kernel's
   headers for the types and map types, <bpf/bpf_helpers.h> for __uint,
   __type, SEC and the map helpers, which it calls by number.  Each
   addition of 0x5eed is counted per result width (an array map, the
   key a constant for each addition) and per other operand (a hash
   map).  */
#include <bpfinst/bpf.h>
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC ("license") = "GPL";

struct
{
  __uint (type, BPF_MAP_TYPE_ARRAY);
  __uint (max_entries, 9);
  __type (key, __u32);
  __type (value, __u64);
} by_width SEC (".maps");

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 16);
  __type (key, __u64);
  __type (value, __u64);
} by_operand SEC (".maps");

SEC ("bpfinst/add") void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 0x5eed)
    return;
  __u32 bytes = bit_width_res () / 8;
  __u64 *n = bpf_map_lookup_elem (&by_width, &bytes);
  if (n)
    __sync_fetch_and_add (n, 1);
  __u64 *c = bpf_map_lookup_elem (&by_operand, &a);
  if (c)
    __sync_fetch_and_add (c, 1);
  else
    {
      __u64 one = 1;
      bpf_map_update_elem (&by_operand, &a, &one, BPF_NOEXIST);
    }
}
