/* hook-table.h - which bpfinst hook instruments which GIMPLE operation.

   This is the only place that decides it.  Include after GCC's plugin
   headers (gcc-plugin.h, tree.h, gimple.h).

   What is instrumented, by statement:

     GIMPLE_ASSIGN, rhs code         hook
     ---------------------------     ---------------------------------------
     PLUS_EXPR, POINTER_PLUS_EXPR    add  (sub, with the negated constant,
                                           when the second operand is a
                                           constant whose sign bit is set)
     MINUS_EXPR, POINTER_DIFF_EXPR   sub
     NEGATE_EXPR                     neg
     MULT_EXPR                       mul
     TRUNC_DIV_EXPR, EXACT_DIV_EXPR  udiv / sdiv   (signedness of operand 1)
     TRUNC_MOD_EXPR                  urem / srem_1starg
     FLOOR_MOD_EXPR                  urem / srem_2ndarg
     BIT_AND_EXPR, BIT_IOR_EXPR,     and, or, xor
       BIT_XOR_EXPR
     BIT_NOT_EXPR                    not
     LSHIFT_EXPR                     shl
     RSHIFT_EXPR                     lshr / ashr
     EQ, NE, LT, LE, GT, GE_EXPR     cmp  (condition code below)
     NOP_EXPR, CONVERT_EXPR          trunc (narrowing), zext (widening from
                                     an unsigned, boolean or pointer type),
                                     sext (widening from a signed type);
                                     none when the precision is unchanged
     a load  (x = MEM)               load  (addr, offset)
     a store (MEM = x)               store (addr, offset, value)

     GIMPLE_COND  if (a CODE b)      cmp, then br; a boolean tested against
                                     zero gets br only; floating-point
                                     comparisons get br only
     GIMPLE_SWITCH                   before it, per case label in order:
                                     cmp (EQ, or GE and LE for a range);
                                     on each edge out of it (a case label
                                     group, or the default): br, with
                                     cond 1 for a case, 0 for the default
     GIMPLE_GOTO to a computed label indirectbr
     GIMPLE_CALL __builtin_clz{,l,ll,imax}, IFN_CLZ     clz (a, precision)
     GIMPLE_CALL __builtin_ctz{,l,ll,imax}, IFN_CTZ     ctz (a, precision)

   GCCInst extensions (not in the engine-neutral contract), block copies
   and block sets of memory:

     an aggregate copy  (MEM = MEM)  memcpy (dst, src, len)
     GIMPLE_CALL memcpy, memmove,    memcpy (dst, src, len)
       mempcpy (and their _chk
       forms), bcopy
     an aggregate zeroed (MEM = {})  memset (dst, 0, len)
     GIMPLE_CALL memset (and         memset (dst, value, len)
       __memset_chk), bzero

   A call of a C library function that libtag wraps (bpfinst-libc.h,
   BPFINST_LIBC_FUNCTIONS), whose prototype agrees with the list's, is a
   site too: it has no hook, and instrument.cc may send it to the
   wrapper.
   Operations GCC makes of several source operations are presented as
   those (see enum bpfi_site_kind for the operands and tags):

     MIN_EXPR, MAX_EXPR              cmp (a, b), LT for MIN, GT for MAX
     ABS_EXPR, ABSU_EXPR             cmp (a, 0), signed LT; then neg (a)
     LROTATE_EXPR, RROTATE_EXPR      shl, lshr (the order of the rotate's
                                     direction first), then or
     a bit-field read  (x = s.f)     load of the bytes holding the field,
                                     lshr, and
     a bit-field write (s.f = x)     load of the bytes, and, shl, or, store
                                     of the bytes

   Operands must have integral, boolean, enumeral or pointer type; the
   operation's result too (for loads and stores: the accessed value).

   GCCInst's extension hooks, beyond the contract:

     the function's start            func_entry (after the parameters'
                                     tags are read)
     GIMPLE_RETURN                   func_exit (the value returned, or 0)
     GIMPLE_RESX that leaves the     func_exit (0): an exception going
       function                      out (bpfi_exception_exits gives
                                     every call that may throw out a
                                     landing pad with such a resx)
     GIMPLE_CALL of a function or    call (the address called): not
       through a pointer             internal functions, nor GCC's
                                     built-ins that the program does not
                                     declare itself (__builtin_*)
     a call of longjmp, siglongjmp   call, then func_exit (0), unless the
       (__builtin_longjmp: only      function calls setjmp itself (the
       func_exit)                    jump may land in it)

   They are numbered apart from the contract's operations (pseudo_pc ()
   does not count them), so that the contract's hooks see the same
   values whether an instrumenter defines them or not.

   Not instrumented: floating-point, complex, vector and fixed-point
   Not instrumented: floating-point, complex, vector and fixed-point
   operations; MULT_HIGHPART_EXPR, the widening and other division/modulo
   codes (CEIL_*, FLOOR_DIV, ROUND_*), COND_EXPR and the unordered
   comparisons; volatile bit-fields, bit-fields in reverse storage order
   or wider than 64 bits, aggregate copies of variable size, memory
   operands of other calls and of asm statements, clobbers; loads and
   stores through a named address space (__seg_fs, __seg_gs: the address
   is an offset in the segment).  The nand, nor, eqv and srem_nonneg
   hooks have no GIMPLE counterpart: GCC never calls them.  */

#ifndef BPFINST_HOOK_TABLE_H
#define BPFINST_HOOK_TABLE_H

/* The hooks, in the contract's order.  */
enum bpfi_hook
{
  BPFI_HOOK_ADD,
  BPFI_HOOK_SUB,
  BPFI_HOOK_NEG,
  BPFI_HOOK_MUL,
  BPFI_HOOK_UDIV,
  BPFI_HOOK_SDIV,
  BPFI_HOOK_UREM,
  BPFI_HOOK_SREM_1STARG,
  BPFI_HOOK_SREM_2NDARG,
  BPFI_HOOK_SREM_NONNEG,
  BPFI_HOOK_AND,
  BPFI_HOOK_NAND,
  BPFI_HOOK_OR,
  BPFI_HOOK_NOR,
  BPFI_HOOK_XOR,
  BPFI_HOOK_EQV,
  BPFI_HOOK_NOT,
  BPFI_HOOK_CLZ,
  BPFI_HOOK_CTZ,
  BPFI_HOOK_SHL,
  BPFI_HOOK_LSHR,
  BPFI_HOOK_ASHR,
  BPFI_HOOK_CMP,
  BPFI_HOOK_BR,
  BPFI_HOOK_INDIRECTBR,
  BPFI_HOOK_TRUNC,
  BPFI_HOOK_ZEXT,
  BPFI_HOOK_SEXT,
  BPFI_HOOK_LOAD,
  BPFI_HOOK_STORE,
  /* GCCInst extensions.  */
  BPFI_HOOK_FUNC_ENTRY,
  BPFI_HOOK_FUNC_EXIT,
  BPFI_HOOK_CALL,
  BPFI_HOOK_MEMCPY,
  BPFI_HOOK_MEMSET,
  BPFI_HOOK_COUNT,
  BPFI_HOOK_NONE = BPFI_HOOK_COUNT
};

/* Condition codes (condition_op_t of the contract).  */
#define BPFI_COND_EQ		1
#define BPFI_COND_LT		2
#define BPFI_COND_LE		3
#define BPFI_COND_GT		4
#define BPFI_COND_GE		5
#define BPFI_COND_NEQ		6
#define BPFI_COND_SIGNED	8

/* A hook's BPF function name and number of arguments, and whether it
   is a GCCInst extension rather than the contract's.  */
struct bpfi_hook_desc
{
  const char *name;
  unsigned nargs;
  bool extension;
};

extern const struct bpfi_hook_desc bpfi_hook_descs[BPFI_HOOK_COUNT];

/* Is TYPE one whose values the hooks see: integral (including boolean
   and enumeral) or pointer?  */
bool bpfi_instrumented_type_p (const_tree type);

/* How a statement is instrumented: what bpfi_classify finds.  */
enum bpfi_site_kind
{
  BPFI_SITE_NONE,
  /* lhs = OPS[0] (op OPS[1]): arithmetic, logic, conversion, bit count
     (OPS[1] is the count for a zero operand) or comparison into a value
     (CMP_CODE, COND): one hook, HOOK.  */
  BPFI_SITE_OP,
  BPFI_SITE_LOAD,	/* lhs = REF: load */
  BPFI_SITE_STORE,	/* REF = OPS[0]: store */
  /* if (OPS[0] CMP_CODE OPS[1]): cmp when CMP_P, then br.  A boolean
     tested against zero is only a branch (on OPS[0] != 0, or on
     OPS[0] == 0: BR_NEGATE); so is a floating-point comparison.  */
  BPFI_SITE_COND,
  /* switch (OPS[0]): cmp for each case label against the index, in
     order, before it (EQ; GE and LE for a range), and br on each edge
     out of it, once per execution (see bpfi_switch_edges).  */
  BPFI_SITE_SWITCH,
  BPFI_SITE_GOTO,	/* computed goto: indirectbr */
  /* lhs = MIN or MAX (OPS[0], OPS[1]): cmp (OPS[0] CMP_CODE OPS[1], LT
     for MIN, GT for MAX), which selects OPS[0] when it holds; the result
     gets the selected operand's tag.  */
  BPFI_SITE_MINMAX,
  /* lhs = ABS (OPS[0]): cmp (OPS[0] < 0), then neg (OPS[0]); the result
     gets the neg's tag when OPS[0] is negative, else OPS[0]'s.  */
  BPFI_SITE_ABS,
  /* lhs = OPS[0] rotated by OPS[1] (left, or right: ROTATE_RIGHT) in
     WIDTH bits: shl and lshr of OPS[0] by OPS[1] and by the complement
     (WIDTH - OPS[1]) % WIDTH, in that order for a left rotate (lshr
     first for a right one), then or of their results, whose tag the
     result gets.  */
  BPFI_SITE_ROTATE,
  /* Bit-field read lhs = REF, the field FIELD: the load of the bytes
     holding it (its representative, REPR: BITS wide, the field at bit
     SHIFT of their value), then lshr (bytes, SHIFT) and and (that,
     MASK); the result gets the and's tag.  */
  BPFI_SITE_FIELD_LOAD,
  /* Bit-field write REF = OPS[0]: the load of the bytes holding it,
     and (bytes, ~(MASK << SHIFT)), shl (OPS[0] as BITS wide, SHIFT), or
     of the two, and the store of the or's result in the bytes.  */
  BPFI_SITE_FIELD_STORE,
  /* lhs = &REF: no hook, but the address is computed again by
     instrumented steps so that it carries its indices' tags.  */
  BPFI_SITE_ADDRESS,
  /* GCCInst extensions.  A call (lhs = OPS[0] (...)): call, on OPS[0],
     the address called (CALL_INDIRECT: a pointer, not a function's
     address); then func_exit when the call leaves the function
     (LEAVES: longjmp).  */
  BPFI_SITE_CALL,
  /* A return of OPS[0] (NOPS 0: no value, or none the hooks see):
     func_exit.  */
  BPFI_SITE_RETURN,
  /* The function is left another way: an exception going out (resx),
     __builtin_longjmp: func_exit (0).  */
  BPFI_SITE_LEAVE,
  /* LEN bytes written as a whole: at REF (or, when REF is NULL_TREE, at
     the pointer OPS[0]), copies of the bytes at SRC_REF (or at the
     pointer OPS[1]) for BLOCK_COPY (hook memcpy), the byte value OPS[1]
     for BLOCK_SET (hook memset).  LHS, if any, is the result of a call,
     the destination pointer.  GCCInst extensions.  */
  BPFI_SITE_BLOCK_COPY,
  BPFI_SITE_BLOCK_SET,
  /* A call of C library function LIBC (an index into
     BPFINST_LIBC_FUNCTIONS, bpfinst-libc.h), which libtag wraps: no
     hook.  */
  BPFI_SITE_LIBC_CALL
};

struct bpfi_site
{
  enum bpfi_site_kind kind;
  enum bpfi_hook hook;		/* OP, LOAD, STORE, GOTO */
  unsigned nops;
  tree ops[2];
  tree lhs;			/* the result, or NULL_TREE */
  tree ref;			/* LOAD, STORE, ADDRESS: the memory reference */
  enum tree_code cmp_code;	/* comparisons: the code compared with */
  int cond;			/* comparisons and branches: condition () */
  bool cmp_p;			/* COND: a comparison cmp sees */
  bool br_negate;		/* COND: branch on OPS[0] == 0 */
  tree src_ref;			/* BLOCK_COPY: the source, or NULL_TREE */
  tree len;			/* BLOCK_*: the number of bytes */
  int libc;			/* LIBC_CALL: the function */
  bool rotate_right;		/* ROTATE */
  unsigned width;		/* ROTATE: the width rotated in */
  tree repr;			/* FIELD_*: the field's representative */
  unsigned shift;		/* FIELD_*: where the field's bits are ... */
  unsigned bits;		/* ... among the representative's BITS */
  uint64_t mask;		/* FIELD_*: the field's bits, from bit 0 */
  bool call_indirect;		/* CALL */
  bool leaves;			/* CALL */
};

/* Classify STMT: fill *SITE and return true when hooks (or, for
   BPFI_SITE_ADDRESS, tags) apply to it.  Whether the instrumenter
   defines the hooks is not looked at.  */
bool bpfi_classify (gimple *stmt, struct bpfi_site *site);

/* Classify CALL as an extension site only: a call (inst_call), or a way
   out of the function (longjmp); false for neither.  */
bool bpfi_classify_call (gcall *call, struct bpfi_site *site);

/* Does SITE's kind run hooks of the contract (as opposed to tag
   propagation only, or GCCInst's extensions)?  The operations for which
   it does are the ones pseudo_pc () numbers by their order.  */
bool bpfi_site_hooked_p (const struct bpfi_site *site);

/* Give every call of the current function that may throw an exception
   out of it a landing pad (one for all, a cleanup that ends in a resx
   leaving the function), so that func_exit runs on the way out.  */
void bpfi_exception_exits (void);

/* The assembler name of C library function INDEX of
   BPFINST_LIBC_FUNCTIONS (bpfinst-libc.h), and their number.  */
const char *bpfi_libc_name (int index);
unsigned bpfi_libc_count (void);

/* The outgoing edges of switch STMT that inst_br sees: one per case label
   group (the labels going to one block), the default's apart.  Splits
   the edge that the default shares with case labels, if any, so that
   each has its own.  For each edge, *FIRST_LABEL gets the index of the
   group's first label (0 for the default), which numbers it.  */
void bpfi_switch_edges (gswitch *stmt, vec<edge> *edges,
			vec<unsigned> *first_label);

/* The condition code of comparison CODE on operands of type OPTYPE, or
   -1 when CODE is not one the cmp hook sees.  */
int bpfi_condition_code (enum tree_code code, const_tree optype);

#endif /* BPFINST_HOOK_TABLE_H */
