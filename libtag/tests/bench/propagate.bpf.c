/* Tag propagation only: every instrumented arithmetic, logic and
   conversion result gets the union of its operands' tags.  */
#include <bpfinst/bpf.h>

#define BINARY(op)							\
  void									\
  inst_##op (uint64_t a, uint64_t b)					\
  {									\
    (void) a;								\
    (void) b;								\
    set_tag (tag1 () | tag2 ());					\
  }

#define UNARY(op)							\
  void									\
  inst_##op (uint64_t a)						\
  {									\
    (void) a;								\
    set_tag (tag1 ());							\
  }

BINARY (add) BINARY (sub) BINARY (mul) BINARY (udiv) BINARY (sdiv)
BINARY (urem) BINARY (srem_1starg) BINARY (srem_2ndarg)
BINARY (and) BINARY (or) BINARY (xor)
BINARY (shl) BINARY (lshr) BINARY (ashr)
UNARY (neg) UNARY (not) UNARY (trunc) UNARY (zext) UNARY (sext)
