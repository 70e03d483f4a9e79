/* With a tag instrumenter, the tag code refers to a function's address
   only when the function may be called through a pointer: referring to
   it would keep an out-of-line copy of static always_inline functions,
   which cannot be compiled when they need their caller's constants or
   variadic arguments (regression: "impossible constraint in 'asm'",
   "the last argument must be an 8-bit immediate", "invalid use of
   '__builtin_va_arg_pack_len ()'").  A static function whose address is
   taken still gets its tags through the pointer.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "tagflow.bpf.c" } */
/* { dg-bpfinst-native "tagflow-native.c" } */

#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef unsigned long long u64;
extern u64 test_tag (void);

/* Only with optimization does GCC make x a constant.  */
static inline void __attribute__ ((always_inline))
mark (int x)
{
#ifdef __OPTIMIZE__
  __asm__ volatile ("# %0" : : "n" (x));
#endif
}

#ifdef __SSE2__
static inline __m128i __attribute__ ((always_inline))
reverse (__m128i a, const int order)
{
  return _mm_shuffle_epi32 (a, order);
}

__attribute__ ((noipa)) int
reversed_first (int a, int b, int c, int d)
{
  return _mm_cvtsi128_si32 (reverse (_mm_setr_epi32 (a, b, c, d), 0x1b));
}
#endif

__attribute__ ((noipa)) int
count (int n, ...)
{
  return n;
}

static inline int __attribute__ ((always_inline))
count_more (int first, ...)
{
  return count (first + __builtin_va_arg_pack_len (),
		__builtin_va_arg_pack ());
}

__attribute__ ((noipa)) int
three (void)
{
  mark (2);
  return count_more (1, 'a', 'b');
}

__attribute__ ((noipa)) static u64
report (u64 x)
{
  return x ^ 777;
}

static u64 (*volatile report_ptr) (u64) = report;

__attribute__ ((noipa)) static u64
report_direct (u64 x)
{
  return x ^ 777;
}

__attribute__ ((noipa)) void
tagged_indirect (u64 x)
{
  report_ptr (x + 1000003);
}

__attribute__ ((noipa)) void
tagged_direct (u64 x)
{
  report_direct (x + 1000033);
}

int
main (void)
{
  if (three () != 3)
    return 1;
#ifdef __SSE2__
  if (reversed_first (1, 2, 3, 4) != 4)
    return 2;
#endif
  tagged_indirect (5);
  if (test_tag () != 1)
    return 3;
  tagged_direct (5);
  if (test_tag () != 2)
    return 4;
  return 0;
}
