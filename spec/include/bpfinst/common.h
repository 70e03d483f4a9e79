/* bpfinst/common.h - definitions shared by both halves of an instrumenter.

   Included by bpfinst/bpf.h (the BPF half, built with clang -target bpf or
   bpf-gcc) and by bpfinst/native.h (the native half, built with the host
   compiler).  */

#ifndef BPFINST_COMMON_H
#define BPFINST_COMMON_H

/* Fixed-width integer types.  A BPF compilation has no C library: clang
   -target bpf cannot include the system <stdint.h> (it needs the host's
   bits/ headers), so on BPF the types are built from the compiler's
   predefined macros.  These are the macros GCC's own <stdint.h> uses, so a
   later #include <stdint.h> under bpf-gcc redeclares the same types.  When
   a <stdint.h> was already included (glibc, GCC or clang flavour), its types
   are used as they are.  */
#if defined (__bpf__) || defined (__BPF__)
# if !defined (_STDINT_H) && !defined (_GCC_STDINT_H) \
     && !defined (__CLANG_STDINT_H) && !defined (BPFINST_HAVE_STDINT_TYPES)
#  define BPFINST_HAVE_STDINT_TYPES 1
typedef __INT8_TYPE__ int8_t;
typedef __INT16_TYPE__ int16_t;
typedef __INT32_TYPE__ int32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
# endif
#else
# include <stdint.h>
#endif

/* Condition codes: a 4-bit mask.  Bit 1: true when left == right; bit 2:
   true when left < right; bit 4: true when left > right; bit 8: the
   comparison is signed.  A comparison's outcome is the bit selected by how
   the operands actually compare: (a <= b) is COND_LE, (a != b) COND_NEQ,
   and a signed (a < b) is COND_SIGNED | COND_LT.  */
typedef enum condition_op
{
  COND_NEVER = 0,
  COND_EQ = 1,
  COND_LT = 2,
  COND_LE = 3,
  COND_GT = 4,
  COND_GE = 5,
  COND_NEQ = 6,
  COND_ALWAYS = 7,
  COND_SIGNED = 8
} condition_op_t;

/* Each of these is 0 or 1.  */
#define COND_IF_EQ(x) (((x) & COND_EQ) != 0)
#define COND_IF_LT(x) (((x) & COND_LT) != 0)
#define COND_IF_GT(x) (((x) & COND_GT) != 0)
#define COND_IS_SIGNED(x) (((x) & COND_SIGNED) != 0)

/* GCCInst extension (not part of the engine-neutral contract): what
   call_kind () says in inst_call.  A direct call names its callee; an
   indirect one goes through a pointer (C++ virtual calls included).  */
typedef enum call_kind
{
  CALL_DIRECT = 1,
  CALL_INDIRECT = 2
} call_kind_t;

#endif /* BPFINST_COMMON_H */
