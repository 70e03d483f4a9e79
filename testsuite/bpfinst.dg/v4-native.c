/* Native half of v4-sext.c: the results gen/mkv4.c's hook stores, and
   their check against C's own conversions.  */
#include <stdint.h>
#include <stdio.h>
#include <bpfinst/native.h>

uint64_t v4_out[14];
unsigned char v4_in[4] = { 0x01, 0xf0, 0x02, 0x03 };

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  return funct;
}

static int
expect (int k, uint64_t want)
{
  if (v4_out[k] == want)
    return 0;
  printf ("v4_out[%d] = %#llx, expected %#llx\n", k,
	  (unsigned long long) v4_out[k], (unsigned long long) want);
  return 1;
}

/* The number of wrong results for the hook run on A and B.  */
int
v4_check (uint64_t a, uint64_t b)
{
  int bad = 0;
  bad += expect (0, (uint64_t) (int64_t) (int8_t) a);
  bad += expect (1, (uint64_t) (int64_t) (int16_t) a);
  bad += expect (2, (uint64_t) (int64_t) (int32_t) a);
  bad += expect (3, (uint32_t) (int32_t) (int8_t) a);
  bad += expect (4, (uint32_t) (int32_t) (int16_t) a);
  bad += expect (5, (uint64_t) (int64_t) (int8_t) a);
  bad += expect (6, (uint64_t) (int64_t) (int16_t) a);
  bad += expect (7, (uint64_t) (int64_t) (int32_t) a);
  bad += expect (8, (uint64_t) (int64_t) (int8_t) 0x80);
  bad += expect (9, (uint64_t) (int64_t) (int16_t) 0xfffe);
  bad += expect (10, (uint64_t) (int64_t) (int32_t) 0x7fffffff);
  bad += expect (11, (uint64_t) (int64_t) (int8_t) v4_in[1]);
  bad += expect (12, (uint64_t) (int64_t) (int8_t) b);
  bad += expect (13, 1);
  return bad;
}
