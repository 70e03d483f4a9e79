/* Additions of 0x5eed of 32 and 64 bits, counted by maps.bpf.c's maps,
   which this program reads through bpfinst/maps.h.  Exits 0 when the
   counts are right.  */
#include <stdint.h>
#include <stdio.h>
#include <bpfinst/maps.h>

__attribute__ ((noipa)) uint32_t
add32 (uint32_t x)
{
  return x + 0x5eed;
}

__attribute__ ((noipa)) uint64_t
add64 (uint64_t x)
{
  return x + 0x5eed;
}

static uint64_t
count (struct bpfinst_map *m, const void *key)
{
  uint64_t *v = m ? bpfinst_map_lookup_elem (m, key) : NULL;
  return v ? *v : 0;
}

int
main (void)
{
  add32 (1);
  add32 (2);
  add64 (2);
  add64 (7);
  add64 (7);
  struct bpfinst_map *w = bpfinst_map_find ("by_width");
  struct bpfinst_map *o = bpfinst_map_find ("by_operand");
  uint32_t four = 4, eight = 8;
  uint64_t k1 = 1, k2 = 2, k7 = 7, k9 = 9;
  if (count (w, &four) != 2 || count (w, &eight) != 3 || count (o, &k1) != 1
      || count (o, &k2) != 2 || count (o, &k7) != 2 || count (o, &k9) != 0)
    {
      fprintf (stderr, "maps %p %p: widths %llu %llu, operands %llu %llu "
	       "%llu %llu\n", (void *) w, (void *) o,
	       (unsigned long long) count (w, &four),
	       (unsigned long long) count (w, &eight),
	       (unsigned long long) count (o, &k1),
	       (unsigned long long) count (o, &k2),
	       (unsigned long long) count (o, &k7),
	       (unsigned long long) count (o, &k9));
      return 1;
    }
  return 0;
}
