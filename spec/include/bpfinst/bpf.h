/* bpfinst/bpf.h - the BPF half of an instrumenter.

   Build the BPF half with either
     clang -O2 -target bpf -c inst-bpf.c
   or
     bpf-gcc -O2 -c inst-bpf.c
   with this folder's parent on the include path.

   The BPF half defines hooks, global functions named inst_<op>, each run
   immediately before every program operation of its kind.  A hook may call
   the engine helpers declared below, use its own static data (shared by the
   whole linked program), use extern variables the native half defines, call
   its own static functions, and dereference program addresses.  */

#ifndef BPFINST_BPF_H
#define BPFINST_BPF_H

#include "common.h"

/* Engine helpers.  */

/* Call the native half's event_dispatch_slow_call (FUNCT) and return its
   result.  Extra arguments go through globals the native half defines.  */
extern uint64_t slow_call (uint64_t funct);

/* A constant naming the instrumented operation: distinct operations get
   distinct values, every execution of one operation the same value, and a
   rebuild of the same source the same values.  */
extern uint64_t pseudo_pc (void);

/* In inst_cmp and inst_br: the condition code of the comparison (see
   bpfinst/common.h).  Undefined in other hooks.  */
extern condition_op_t condition (void);

/* In inst_cmp and inst_br: the outcome, 0 or 1, of the comparison or of
   the branch condition.  */
extern uint64_t condition_result (void);

/* Width in bits of the operation's result, and of operands 1, 2 and 3
   (pointers: the target's pointer width; _Bool: 1).  Constants.  */
extern uint64_t bit_width_res (void);
extern uint64_t bit_width1 (void);
extern uint64_t bit_width2 (void);
extern uint64_t bit_width3 (void);

/* The tags of operands 1, 2 and 3; 0 means untagged.  */
extern uint64_t tag1 (void);
extern uint64_t tag2 (void);
extern uint64_t tag3 (void);

/* Give the operation's result the tag TAG.  The last call on the path the
   hook takes wins; without a call the result's tag is 0.  */
extern void set_tag (uint64_t tag);

/* End the hook here (as if it returned) when every operand tag is 0.  */
extern void stop_if_no_tags (void);

/* GCCInst extension (not part of the engine-neutral contract): inline
   access to libtag's dense tag store (bpfinst/tagstore.h), one 64-bit tag
   per program byte.  dense_tag_get returns the tag of the byte at ADDR (0
   when none was set); dense_tag_set sets it.  A lookup costs two loads;
   only the first tag written into a 256 MiB region calls the runtime.
   Other engines do not provide these helpers.  */
extern uint64_t dense_tag_get (uint64_t addr);
extern void dense_tag_set (uint64_t addr, uint64_t tag);

/* GCCInst extensions (not part of the engine-neutral contract): the
   instrumented function, and calls.  Other engines do not provide these
   helpers.  */

/* In every hook: a number naming the function the operation is in, the
   same in every build: a 64-bit hash of its assembler name (and, for a
   function local to its file, of the file's name), never 0.  A function
   inlined into another keeps its own.  */
extern uint64_t func_id (void);

/* In every hook: the address of that function, when the program may
   have a pointer to it (it is public, or its file takes its address);
   else 0.  */
extern uint64_t func_addr (void);

/* In every hook: the address of its name (the assembler name, C++ names
   mangled), a string constant of the program.  */
extern uint64_t func_name (void);

/* In inst_call: CALL_DIRECT or CALL_INDIRECT (bpfinst/common.h), a
   constant.  0 in other hooks.  */
extern uint64_t call_kind (void);

/* In inst_indirectbr: the address the computed goto jumps to.  0 in
   other hooks.  */
extern uint64_t branch_target (void);

/* Hooks.  Each is optional.  Operands arrive as 64-bit values: narrower
   ones zero-extended whatever their signedness (bit_widthN () gives the
   width), wider ones truncated to their low 64 bits.  */

/* Arithmetic.  */
void inst_add (uint64_t a, uint64_t b);
void inst_sub (uint64_t a, uint64_t b);
void inst_neg (uint64_t a);
void inst_mul (uint64_t a, uint64_t b);
void inst_udiv (uint64_t a, uint64_t b);
void inst_sdiv (uint64_t a, uint64_t b);
void inst_urem (uint64_t a, uint64_t b);
/* Signed remainders, by the sign of the result: that of the dividend
   (C's %), that of the divisor (floor modulo), never negative.  */
void inst_srem_1starg (uint64_t a, uint64_t b);
void inst_srem_2ndarg (uint64_t a, uint64_t b);
void inst_srem_nonneg (uint64_t a, uint64_t b);

/* Logic.  */
void inst_and (uint64_t a, uint64_t b);
void inst_nand (uint64_t a, uint64_t b);
void inst_or (uint64_t a, uint64_t b);
void inst_nor (uint64_t a, uint64_t b);
void inst_xor (uint64_t a, uint64_t b);
void inst_eqv (uint64_t a, uint64_t b);
void inst_not (uint64_t a);
/* The result is A != 0 ? clz (A) (resp. ctz (A)) : IF0.  */
void inst_clz (uint64_t a, uint64_t if0);
void inst_ctz (uint64_t a, uint64_t if0);
void inst_shl (uint64_t a, uint64_t sh);
void inst_lshr (uint64_t a, uint64_t sh);
void inst_ashr (uint64_t a, uint64_t sh);

/* Comparison and control.  inst_cmp runs for every integer or pointer
   comparison, inst_br for every conditional branch (COND is the value the
   branch tests), inst_indirectbr for every computed goto.  */
void inst_cmp (uint64_t a, uint64_t b);
void inst_br (uint64_t cond);
void inst_indirectbr (void);

/* Conversions: narrowing, widening from unsigned, widening from signed.  */
void inst_trunc (uint64_t a);
void inst_zext (uint64_t a);
void inst_sext (uint64_t a);

/* Memory.  A load reads bit_width_res () bits at ADDR + OFFSET; a store
   writes VALUE (bit_width3 () bits) at ADDR + OFFSET.  ADDR is the access's
   base pointer (its tag is tag1 ()), OFFSET the constant displacement;
   tag3 () is the stored value's tag.  */
void inst_load (uint64_t addr, uint64_t offset);
void inst_store (uint64_t addr, uint64_t offset, uint64_t value);

/* GCCInst extension hooks (not part of the engine-neutral contract).
   inst_func_entry runs when an instrumented function starts (after its
   parameters' tags arrive), inst_func_exit when it ends: before each
   return, with the value returned (0 for none; tag1 () is its tag,
   bit_width1 () its width, 0 for none), and with 0 on the way out
   through an exception or a longjmp.  inst_call runs before every call
   with the address called (a constant for a direct call), and
   call_kind () tells direct and indirect calls apart.  */
void inst_func_entry (void);
void inst_func_exit (uint64_t retval);
void inst_call (uint64_t target);

/* GCCInst extension (not part of the engine-neutral contract): blocks of
   memory written as a whole.  inst_memcpy runs before LEN bytes at DST
   become copies of the LEN bytes at SRC (the ranges may overlap, as for
   memmove): an aggregate assignment, or a call of memcpy, memmove,
   mempcpy or bcopy.  inst_memset runs before LEN bytes at DST all get the
   byte VALUE: a call of memset or bzero, or an aggregate set to zero.
   tag1 (), tag2 () and tag3 () are the tags of DST, SRC (or VALUE) and
   LEN.  Defining either hook also sends the calls of the C library
   functions that move or derive data to libtag's wrappers, which carry
   memory tags through them (see bpfinst(7)).  Other engines do not call
   these hooks.  */
void inst_memcpy (uint64_t dst, uint64_t src, uint64_t len);
void inst_memset (uint64_t dst, uint64_t value, uint64_t len);

#endif /* BPFINST_BPF_H */
