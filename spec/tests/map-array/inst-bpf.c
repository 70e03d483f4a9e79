/* GCCInst extension: an array map of four 64-bit counters.  Operations
   with the magic operand 1000003 look entries up (additions: count the
   entry the other operand names; xor: read entry 2, a constant key),
   update them (subtractions: the other operand A gives the key A % 10,
   the flags A / 10 % 10 and the value A / 100) and delete them
   (multiplications: refused, as in Linux).  The native half prints the
   results, and the entries at exit.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct
{
  __uint (type, BPF_MAP_TYPE_ARRAY);
  __uint (max_entries, 4);
  __type (key, uint32_t);
  __type (value, uint64_t);
} counts SEC (".maps");

extern uint64_t arg0, arg1;

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  uint32_t key = (uint32_t) a;
  uint64_t *v = bpf_map_lookup_elem (&counts, &key);
  if (v == 0)
    {
      arg0 = key;
      slow_call (1);
      return;
    }
  __sync_fetch_and_add (v, 1);
}

void
inst_sub (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  uint32_t key = a % 10;
  uint64_t value = a / 100;
  arg0 = key;
  arg1 = bpf_map_update_elem (&counts, &key, &value, a / 10 % 10);
  slow_call (2);
}

void
inst_mul (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  uint32_t key = (uint32_t) a;
  arg0 = key;
  arg1 = bpf_map_delete_elem (&counts, &key);
  slow_call (3);
}

void
inst_xor (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  uint32_t key = 2;
  uint64_t *v = bpf_map_lookup_elem (&counts, &key);
  arg0 = v ? *v : 999;
  slow_call (4);
}
