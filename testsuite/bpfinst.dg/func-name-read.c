/* A hook may read the function's name through func_name (): f's entry
   adds 'f' (once an internal compiler error at -O0, in a function with a
   bit-field struct parameter).  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "func-name.bpf.c" } */
/* { dg-bpfinst-native "func-name-native.c" } */

#include <stdint.h>

struct T
{
  unsigned i : 8;
  unsigned c : 24;
};

uint64_t test_name_bytes (void);

__attribute__ ((noinline)) int
f (struct T t)
{
  struct T s[1];
  s[0] = t;
  return (char) s->c;
}

int
main (void)
{
  struct T t = { 0xff, 0xffff11 };
  uint64_t before = test_name_bytes ();
  if (f (t) != 0x11)
    return 1;
  return test_name_bytes () - before == 'f' ? 0 : 2;
}
