/* BPF ISA v4's sign-extending moves and loads (which clang 14 and bpf-gcc
   12 cannot emit) in an instrumenter written by gen/mkv4.c: the hook runs
   once, on operands whose low bytes, halves and words have their sign
   bits set (and one that has not), and the native half checks what it
   stored.  */
/* { dg-do run } */
/* { dg-bpfinst-inst-gen "gen/mkv4.c" } */
/* { dg-bpfinst-native "v4-native.c" } */

#include <stdint.h>

int v4_check (uint64_t a, uint64_t b);

__attribute__ ((noinline)) uint64_t
add (uint64_t a, uint64_t b)
{
  return a + b;
}

int
main (void)
{
  volatile uint64_t a = 0x0123456789abcdefULL, b = 0x800000000000007fULL;
  uint64_t x = a, y = b;
  add (x, y);
  return v4_check (x, y) != 0;
}
