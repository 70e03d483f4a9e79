/* dense_tag_get/dense_tag_set, GCCInst's extension helpers, read and write
   libtag's dense tag store inline: tags set by one hook are read back by
   another, per byte, untouched bytes read 0, and setting 0 clears.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "dense.bpf.c" } */
/* { dg-bpfinst-native "dense-native.c" } */

#include <stdint.h>

extern uint64_t dense_seen[3];
static char buf[64];

__attribute__ ((noipa)) static uintptr_t
add (uintptr_t a, uintptr_t b)
{
  return a + b;
}

int
main (void)
{
  uintptr_t p = (uintptr_t) &buf[10];
  add (p, 2000003);
  if (dense_seen[0] != 0 || dense_seen[1] != 0 || dense_seen[2] != 0)
    return 1;
  add (p, 1000003);
  add (p, 2000003);
  if (dense_seen[0] != 0x42 || dense_seen[1] != 7 || dense_seen[2] != 0)
    return 2;
  add (p, 3000003);
  add (p, 2000003);
  if (dense_seen[0] != 0 || dense_seen[1] != 7)
    return 3;
  return 0;
}
