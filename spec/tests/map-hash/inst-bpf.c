/* GCCInst extension: a hash map of at most four counters, keyed by an
   operand and its width.  Additions of 1000003 count their other
   operand (a new key is inserted with BPF_NOEXIST; a fifth one does not
   fit), subtractions delete its key, multiplications set its count to
   100 if it is there (BPF_EXIST).  The native half prints the results
   that are not 0, and the entries at exit.  */
#include <bpfinst/bpf.h>
#include <bpfinst/maps.h>

struct key
{
  uint64_t operand;
  uint64_t width;
};

struct
{
  __uint (type, BPF_MAP_TYPE_HASH);
  __uint (max_entries, 4);
  __type (key, struct key);
  __type (value, uint64_t);
} seen SEC (".maps");

extern uint64_t arg0, arg1;

static void
report (uint64_t what, uint64_t operand, long result)
{
  if (result == 0)
    return;
  arg0 = operand;
  arg1 = result;
  slow_call (what);
}

void
inst_add (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  struct key k = { a, bit_width1 () };
  uint64_t *v = bpf_map_lookup_elem (&seen, &k);
  if (v)
    {
      __sync_fetch_and_add (v, 1);
      return;
    }
  uint64_t one = 1;
  report (1, a, bpf_map_update_elem (&seen, &k, &one, BPF_NOEXIST));
}

void
inst_sub (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  struct key k = { a, bit_width1 () };
  report (2, a, bpf_map_delete_elem (&seen, &k));
}

void
inst_mul (uint64_t a, uint64_t b)
{
  if (b != 1000003)
    return;
  struct key k = { a, bit_width1 () };
  uint64_t hundred = 100;
  report (3, a, bpf_map_update_elem (&seen, &k, &hundred, BPF_EXIST));
}
