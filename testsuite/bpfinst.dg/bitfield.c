/* A bit-field read reaches the hooks as the load of the bytes that hold
   the field (GCC's representative of it), then lshr (bytes, position)
   and and (that, mask of the field's width); a write as the load of the
   bytes, and (bytes, ~(mask << position)), shl (new value's bits,
   position), or of the two and the store of the or's result in the
   bytes.  The field read has the and's tag; the hooks see the tags of
   the pieces before them.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "trace.bpf.c" } */
/* { dg-bpfinst-native "trace-native.c" } */

#include <string.h>
#include "trace.h"

/* lo and mid share the byte at offset 1; b spans bits 5..44 of a 64-bit
   word.  */
struct flags
{
  unsigned char kind;
  unsigned lo : 3;
  int mid : 5;
  unsigned short rest;
};

struct wide
{
  uint64_t a : 5, b : 40, c : 19;
};

__attribute__ ((noipa)) int
get_mid (struct flags *f)
{
  return f->mid;
}

__attribute__ ((noipa)) void
set_mid (struct flags *f, int v)
{
  f->mid = v;
}

__attribute__ ((noipa)) uint64_t
get_b (struct wide *w)
{
  return w->b;
}

__attribute__ ((noipa)) uint64_t
tag_of_mid (struct flags *f)
{
  return get_mid (f) ^ 777;
}

int
main (void)
{
  struct flags f = { 1, 5, -6, 7 };
  struct wide w = { 17, 0x123456789a, 3 };
  unsigned char byte, after;
  uint64_t word;
  uint64_t at1 = (uint64_t) &f + 1;
  int v;
  uint64_t b;

  memcpy (&byte, (char *) &f + 1, 1);
  memcpy (&word, &w, 8);
  uint64_t shifted = byte >> 3, kept = byte & 7;
  uint64_t wshifted = word >> 5, wmask = ((uint64_t) 1 << 40) - 1;
  uint64_t nine = 9 << 3, minus6 = (-6 & 31) << 3;

  test_arm ();
  v = get_mid (&f);
  if (!test_hook (LOAD, at1, 0, 64, 8)
      || !test_hook (LSHR, byte, 3, 8, 8)
      || !test_hook (AND, shifted, 31, 8, 8) || !test_end ()
      || !test_value (v, -6))
    return 1;

  test_arm ();
  set_mid (&f, 9);
  if (!test_hook (LOAD, at1, 0, 64, 8)
      || !test_hook (AND, byte, 7, 8, 8)
      || !test_hook (SHL, 9, 3, 8, 8)
      || !test_hook (OR, kept, nine, 8, 8)
      || !test_hook (STORE, at1, kept | nine, 64, 8) || !test_end ()
      || !test_value (f.mid, 9) || !test_value (f.lo, 5))
    return 2;

  memcpy (&after, (char *) &f + 1, 1);
  test_arm ();
  set_mid (&f, -6);
  if (!test_hook (LOAD, at1, 0, 64, 8)
      || !test_hook (AND, after, 7, 8, 8)
      || !test_hook (SHL, -6 & 31, 3, 8, 8)
      || !test_hook (OR, kept, minus6, 8, 8)
      || !test_hook (STORE, at1, kept | minus6, 64, 8) || !test_end ()
      || !test_value (f.mid, -6))
    return 3;

  test_arm ();
  b = get_b (&w);
  if (!test_hook (LOAD, (uint64_t) &w, 0, 64, 64)
      || !test_hook (LSHR, word, 5, 64, 64)
      || !test_hook (AND, wshifted, wmask, 64, 64) || !test_end ()
      || !test_value (b, 0x123456789a))
    return 4;

  /* Tags: the load's, then the shift's and the mask's on top.  */
  test_arm ();
  tag_of_mid (&f);
  if (!test_value (test_reported (), 0x2000 | 0x400 | 0x1000))
    return 5;
  return 0;
}
