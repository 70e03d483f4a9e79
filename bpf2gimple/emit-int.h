/* emit-int.h - what the files of the GIMPLE emitter share.

   The emitter lowers one instance of a verified BPF hook in front of one
   statement of the program.  Its files, by concern:

     emit-cfg.cc      the entry point, the walk over a BPF function's
                      instructions, blocks, joins (PHIs), inlined
                      BPF-to-BPF calls and the run-time switch's guard
     emit-insn.cc     the lowering of each BPF opcode class (ALU, jumps,
                      loads, stores, atomics, 64-bit immediates) and the
                      BPF stack
     emit-helper.cc   the engine helpers (pseudo_pc, tag1, slow_call, ...)
                      and bpf-gcc's libgcc calls
     emit-tagstore.cc libtag's dense tag store, inline
     emit-maps.cc     BPF maps: the map helpers (array maps inline,
                      hash maps through libtag)
     emit-outline.cc  big hooks out of line: a function per hook and
                      compile-time facts, called from each instance
     emit-decls.cc    declarations shared by a translation unit: the
                      instrumenter's data and maps, the native half's
                      variables, the runtime's entry points

   Control flow is folded while it is emitted: a conditional jump whose
   outcome is known (its operands are constants after the helpers are
   folded) becomes no branch at all, code that no path reaches is not
   emitted, and a block is only started where paths really merge or
   split.  A hook whose instance has no branch left is inserted as
   straight-line statements before the instrumented one, with no new
   block and no PHI.

   Include after GCC's plugin headers and bpf-emit.h.  */

#ifndef BPFINST_EMIT_INT_H
#define BPFINST_EMIT_INT_H

/* Registers R0..R10, plus the result tag that set_tag writes.  */
#define NREGS 11
#define REG_FP 10
#define REG_TAG NREGS
#define NSTATE (NREGS + 1)

/* The registers a join merges: a bit per state slot.  */
#define MERGE_ALL ((1u << NSTATE) - 1)
#define MERGE_REG(r) (1u << (r))

/* A register value: the SSA name (or constant) holding it, and, when it is
   known to be the address of a declaration plus a constant, that address
   so that memory accesses through it become direct references.  */
struct reg_val
{
  tree val;
  tree addr;		/* ADDR_EXPR, or NULL_TREE */
  HOST_WIDE_INT off;
};

struct reg_state
{
  reg_val r[NSTATE];
};

/* A path arriving somewhere (a BPF instruction that starts a block, the
   end of a hook or of an inlined call): the block it leaves and how.  An
   open block (FLAGS 0) has no successor yet and falls through; GSI is
   where its statements end.  Otherwise the path is the edge of kind FLAGS
   (EDGE_TRUE_VALUE, EDGE_FALSE_VALUE) out of FROM, not made yet.  */
struct arrival
{
  basic_block from;
  int flags;
  profile_probability prob;
  gimple_stmt_iterator gsi;
  reg_state state;
};

/* One instance of a hook: what all the inlined frames of it share.  */
struct emit_ctx
{
  const struct bpfi_operands *ops;
  location_t loc;
  struct loop *loop;		/* the loop of the instrumented statement */
  profile_count count;
  gimple *stmt;			/* the instrumented statement, or NULL when
				   the hook goes at the end of ORIG_BB */
  basic_block orig_bb;		/* the block the hook starts in */
  basic_block post;		/* once ORIG_BB is split: the block that
				   starts with STMT (or is empty) */
  basic_block last_bb;		/* new blocks go after this one */
  tree stack;			/* the BPF stack array, or NULL: the
				   frames of the inlined functions, one
				   after the other */
  unsigned nstmts;		/* statements and PHIs added */
};

/* One inlined instance of a BPF function.  */
struct frame
{
  emit_ctx *ctx;
  const struct bpfi_func *fn;
  const struct bpfi_operands *ops;
  uint32_t stack_base;		/* offset of this frame's bottom in the
				   stack array */
  uint8_t stack_args;		/* bit N: RN holds, on entry, a pointer
				   into a caller's frame (its value is a
				   position in the stack array, as R10's
				   is) */
  vec<arrival> *pending;	/* per instruction: paths arriving there */
  basic_block *loop_bb;		/* per loop head: its block ... */
  tree *loop_phis;		/* ... and its NSTATE PHI results */
  vec<arrival> exits;		/* paths leaving the function */
  location_t loc;
  /* The block being filled, or NULL where no path reaches; statements
     are appended after GSI (at the block's start when at its end).  */
  basic_block cur;
  gimple_stmt_iterator gsi;
  /* Statements not yet inserted at GSI: built with gimple_build, which
     simplifies against their definitions while they are here.  */
  gimple_seq seq;
};

/* What the emitter keeps for the function being instrumented.  */
struct emit_fn_state
{
  tree stack;			/* the BPF stack array of the hook
				   instances that access it at constant
				   positions only (SRA scalarizes it), or
				   NULL */
  tree stack_addr;		/* the one, addressable, of those that
				   may access it at variable positions, or
				   NULL */
  bool changed;			/* some hook was emitted */
  bool new_loops;		/* some hook contains a loop */
  bitmap defs;			/* SSA names the hooks define */
};

/* An out-of-line function for one hook and set of compile-time facts
   (emit-outline.cc).  */
struct outline_fn;

/* emit-cfg.cc */
extern struct emit_fn_state emit_fn;
tree emit_hook_at (struct bpfi_func *fn, gimple_stmt_iterator *gsi,
		   const struct bpfi_operands *ops, outline_fn *outlined);
void add_stmt (frame *f, gimple *g);
tree build_op (frame *f, enum tree_code code, tree type, tree op0,
	       tree op1 = NULL_TREE);
tree convert_to (frame *f, tree type, tree val);
tree u64_cst (uint64_t v);
tree int_type (unsigned bits, bool uns);
tree operand_to_u64 (frame *f, tree val);
tree get_reg (const reg_state *s, int r);
void set_reg (reg_state *s, int r, tree val);
void flush (frame *f);
void branch (frame *f, enum tree_code code, tree a, tree b,
	     profile_probability p_true, const reg_state *s,
	     arrival *on_true, arrival *on_false);
void leave_open (frame *f, const reg_state *s, arrival *out);
void join (frame *f, vec<arrival> &arrivals, basic_block to, unsigned merge,
	   const reg_state *base, reg_state *out);
void continue_on (frame *f, const arrival &a, reg_state *out);
void add_exit (frame *f, const arrival &a);
void emit_exit (frame *f, const reg_state *s);
void emit_function (frame *f, reg_state *entry_state);
void emit_call (frame *f, reg_state *s, const struct bpfi_func *callee,
		const struct bpfi_insn_info *info);
void emit_jump (frame *f, reg_state *s, const struct bpf_insn *insn, int pc);

/* emit-insn.cc */
uint32_t frame_size (const struct bpfi_func *fn);
uint32_t frame_top (const frame *f);
uint32_t stack_need (const struct bpfi_func *fn);
tree stack_ref (frame *f, tree type, HOST_WIDE_INT off);
tree mem_ref (frame *f, tree type, const reg_val &rv, HOST_WIDE_INT off);
void emit_alu (frame *f, reg_state *s, const struct bpf_insn *insn);
void emit_load (frame *f, reg_state *s, const struct bpf_insn *insn,
		const struct bpfi_insn_info *info);
void emit_store (frame *f, reg_state *s, const struct bpf_insn *insn,
		 const struct bpfi_insn_info *info);
void emit_atomic (frame *f, reg_state *s, const struct bpf_insn *insn,
		  const struct bpfi_insn_info *info);
void emit_ld_imm64 (frame *f, reg_state *s, const struct bpf_insn *insn,
		    const struct bpfi_insn_info *info);
tree emit_sdivmod (frame *f, bool mod, tree x, tree y);
tree emit_builtin1 (frame *f, enum built_in_function fn, tree arg);

/* emit-helper.cc */
void emit_helper (frame *f, reg_state *s, enum bpfi_helper h,
		  const struct bpfi_insn_info *info);

/* emit-maps.cc */
tree emit_map_helper (frame *f, reg_state *s, enum bpfi_helper h,
		      const struct bpfi_insn_info *info);

/* emit-outline.cc */
outline_fn *outline_lookup (const struct bpfi_func *fn,
			    const struct bpfi_operands *ops);
void outline_note_inline (const struct bpfi_func *fn,
			  const struct bpfi_operands *ops, unsigned nstmts);
void emit_outline_call (frame *f, reg_state *s, outline_fn *o);

/* emit-tagstore.cc */
tree emit_dense_tag (frame *f, tree addr, tree tag);

/* emit-decls.cc */
extern struct bpfi_object *emit_obj;
tree slow_call_decl (void);
tree data_decl (size_t idx);
tree extern_decl (size_t idx);
tree dense_dir_decl (void);
tree dense_slow_set_decl (void);
tree map_decl (size_t idx);
tree map_data_decl (size_t idx);
tree map_fn_decl (enum bpfi_helper h);
void decls_init (struct bpfi_object *obj);

#endif /* BPFINST_EMIT_INT_H */
