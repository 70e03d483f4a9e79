/* Entry 2 starts at 100, set here before main; the results as they
   come, and the entries at exit.  */
#include <stdio.h>
#include <bpfinst/native.h>
#include <bpfinst/maps.h>

uint64_t arg0, arg1;

static void __attribute__ ((constructor))
preset (void)
{
  struct bpfinst_map *m = bpfinst_map_find ("counts");
  uint32_t key = 2;
  uint64_t value = 100;
  if (m == NULL || bpfinst_map_update_elem (m, &key, &value, BPF_ANY) != 0)
    fprintf (stderr, "cannot set entry 2\n");
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  switch (funct)
    {
    case 1:
      fprintf (stderr, "lookup %llu: no entry\n", (unsigned long long) arg0);
      break;
    case 2:
      fprintf (stderr, "update %llu: %lld\n", (unsigned long long) arg0,
	       (long long) arg1);
      break;
    case 3:
      fprintf (stderr, "delete %llu: %lld\n", (unsigned long long) arg0,
	       (long long) arg1);
      break;
    default:
      fprintf (stderr, "entry 2 holds %llu\n", (unsigned long long) arg0);
      break;
    }
  return 0;
}

static void __attribute__ ((destructor))
report (void)
{
  struct bpfinst_map *m = bpfinst_map_find ("counts");
  if (m == NULL)
    return;
  fprintf (stderr, "%s: type %u, key %u bytes, value %u bytes, %u entries\n",
	   bpfinst_map_name (m), bpfinst_map_type (m), bpfinst_map_key_size (m),
	   bpfinst_map_value_size (m), bpfinst_map_max_entries (m));
  uint32_t key, *prev = NULL;
  while (bpfinst_map_get_next_key (m, prev, &key) == 0)
    {
      uint64_t *v = bpfinst_map_lookup_elem (m, &key);
      fprintf (stderr, "counts[%u] = %llu\n", key, (unsigned long long) *v);
      prev = &key;
    }
}
