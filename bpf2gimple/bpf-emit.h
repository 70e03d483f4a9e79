/* bpf-emit.h - lower a verified BPF hook into GIMPLE.

   The only code that builds GIMPLE from BPF.  Include after GCC's plugin
   headers (gcc-plugin.h, tree.h, gimple.h, gimple-iterator.h, ...).  */

#ifndef BPFINST_BPF_EMIT_H
#define BPFINST_BPF_EMIT_H

#include "bpf-prog.h"

/* What the emitter needs to know about one instrumented operation.  */
struct bpfi_operands
{
  /* Values passed in R1..R5: GIMPLE operands (SSA names or constants) of
     integral, boolean, enumeral or pointer type.  Each is zero-extended (or
     truncated) to 64 bits.  */
  unsigned nargs;
  tree args[5];
  /* Tags of operands 1..3 (64-bit unsigned values), NULL_TREE for 0.  */
  tree tags[3];
  /* bit_width_res () and bit_width1/2/3 ().  */
  unsigned width_res;
  unsigned width[3];
  /* condition () (a condition_op_t), and condition_result (): a value of
     integral or boolean type, or NULL_TREE when not a comparison.  */
  int condition;
  tree condition_result;
  /* pseudo_pc (): a constant, or, when PSEUDO_PC_VAL is given, that
     64-bit value (an out-of-line hook's parameter).  */
  uint64_t pseudo_pc;
  tree pseudo_pc_val;
  /* Location given to the emitted statements.  */
  location_t loc;
  /* The run-time switch: an integer variable (the instrumented
     function's copy of it), or NULL_TREE.  When given, the hook runs only
     while the variable is nonzero (one branch, predicted taken); on the
     skipped path the result's tag is 0.  */
  tree guard;
  /* When not NULL, receives the number of statements and PHIs the
     instance added (0: it folded to nothing).  */
  unsigned *stmts_added;
};

/* The declaration of the external variable or function NAME (CODE is
   VAR_DECL or FUNCTION_DECL) of TYPE: the translation unit's own when it
   declares one, else a new public external one.  */
tree bpfi_extern_decl (enum tree_code code, const char *name, tree type);

/* Set up the emitter for OBJ (once per translation unit).  */
void bpfi_emit_init (struct bpfi_object *obj);

/* Hook instances bigger than THRESHOLD statements (counted on the first
   instance of each hook with the same compile-time facts) go out of
   line: one function per hook and facts, which each later instance
   calls.  A negative THRESHOLD keeps every instance inline.  */
void bpfi_emit_set_outline (int threshold);

/* Do instances of hook FN go out of line (some did, so far)?  */
bool bpfi_emit_outlined_p (const struct bpfi_func *fn);

/* How many out-of-line functions the translation unit got, and how many
   calls to them were emitted.  */
void bpfi_emit_outline_stats (unsigned *functions, unsigned long *calls);

/* Start instrumenting the current function (cfun).  */
void bpfi_emit_begin_function (void);

/* Insert the lowering of hook FN in front of the statement at *GSI, with
   operands OPS; when *GSI is at the end of its block (which then has a
   single successor and no control statement), at the end of the block.
   Straight-line code goes right there; control flow that remains after
   folding splits the block, and the hook's paths join again before the
   statement (which may then start a new block).  Afterwards *GSI still
   points at that statement.
   Returns the tag the hook gives the operation's result: a 64-bit unsigned
   value, or NULL_TREE when no path through the hook calls set_tag.  */
tree bpfi_emit_hook (struct bpfi_func *fn, gimple_stmt_iterator *gsi,
		     const struct bpfi_operands *ops);

/* Finish the current function: returns the TODO flags the pass must
   return (virtual operands to rename, CFG cleanup, loop fixup).  */
unsigned int bpfi_emit_end_function (void);

/* Remove the statements the hooks added whose values nothing uses; call
   last, once every use of the hooks' results (tags in PHIs included) is
   in place.  */
void bpfi_emit_remove_dead (void);

/* The 64-bit unsigned type every BPF register has.  */
extern tree bpfi_u64_type;

#endif /* BPFINST_BPF_EMIT_H */
