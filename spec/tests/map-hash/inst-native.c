/* The results that are not 0 as they come, and the entries at exit, in
   order.  */
#include <stdio.h>
#include <stdlib.h>
#include <bpfinst/native.h>
#include <bpfinst/maps.h>

uint64_t arg0, arg1;

struct key
{
  uint64_t operand;
  uint64_t width;
};

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  static const char *const what[] = { "", "insert", "delete", "update" };
  fprintf (stderr, "%s %llu: %lld\n", what[funct & 3],
	   (unsigned long long) arg0, (long long) arg1);
  return 0;
}

static int
by_key (const void *a, const void *b)
{
  const struct key *x = a, *y = b;
  if (x->operand != y->operand)
    return x->operand < y->operand ? -1 : 1;
  return (x->width > y->width) - (x->width < y->width);
}

static void __attribute__ ((destructor))
report (void)
{
  struct bpfinst_map *m = bpfinst_map_find ("seen");
  if (m == NULL)
    return;
  struct key keys[8], *prev = NULL;
  int n = 0;
  while (n < 8 && bpfinst_map_get_next_key (m, prev, &keys[n]) == 0)
    {
      prev = &keys[n];
      n++;
    }
  qsort (keys, n, sizeof keys[0], by_key);
  for (int i = 0; i < n; i++)
    {
      uint64_t *v = bpfinst_map_lookup_elem (m, &keys[i]);
      fprintf (stderr, "%llu (%llu bits): %llu\n",
	       (unsigned long long) keys[i].operand,
	       (unsigned long long) keys[i].width,
	       (unsigned long long) (v ? *v : 0));
    }
}
