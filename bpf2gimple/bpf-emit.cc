/* bpf-emit.cc - lower a verified BPF hook into GIMPLE.

   Each instrumented operation gets its own instance of the hook: the BPF
   control-flow graph becomes a region of new basic blocks, inserted between
   the statements before the operation and the operation itself.  BPF
   registers become SSA names of a 64-bit unsigned type; where BPF control
   flow merges, PHI nodes join the registers the verifier proved live, so the
   emitted code is linear in the size of the hook.  The BPF stack (R10) is a
   local array of the instrumented function, accessed at constant offsets
   only, which SRA and FRE scalarize away.  BPF-to-BPF calls are inlined,
   each callee getting the next frame of that array.

   The lowering of each opcode class is one function below: emit_alu,
   emit_jump, emit_load, emit_store, emit_atomic, emit_ld_imm64,
   emit_helper.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "ssa.h"
#include "cgraph.h"
#include "stringpool.h"
#include "attribs.h"
#include "fold-const.h"
#include "stor-layout.h"
#include "varasm.h"
#include "gimple-iterator.h"
#include "gimplify-me.h"
#include "tree-cfg.h"
#include "cfghooks.h"
#include "cfgloop.h"
#include "tree-into-ssa.h"
#include "tree-ssanames.h"
#include "tree-phinodes.h"
#include "builtins.h"
#include "diagnostic-core.h"
#include "ggc.h"
#include "memmodel.h"
#include "tree-pass.h"

#include "bpf-emit.h"

/* Registers R0..R10, plus the result tag that set_tag writes.  */
#define NREGS 11
#define REG_TAG NREGS
#define NSTATE (NREGS + 1)

tree bpfi_u64_type;

static struct bpfi_object *emit_obj;

/* Trees that live across functions: the declarations of the instrumenter's
   data sections and extern variables, and of the slow-call entry point.
   Kept in one TREE_VEC registered as a garbage-collection root.  Layout:
   [0] slow-call decl, [1 .. ndata] data sections, then the externs, then
   the dense tag store's directory and slow path.  */
static tree emit_decls;
static const struct ggc_root_tab emit_root_tab[] = {
  { &emit_decls, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

/* Per-function state.  */
static tree stack_var;		/* the BPF stack array, or NULL */
static bool fn_changed;		/* some hook was emitted */
static bool fn_new_loops;	/* some hook contains a loop */

/* Bytes of stack an instance of FN needs, its callees' frames included.  */
static uint32_t stack_need (const struct bpfi_func *fn);

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

/* One inlined instance of a BPF function.  */
struct frame
{
  const struct bpfi_func *fn;
  const struct bpfi_operands *ops;
  uint32_t stack_base;		/* offset of this frame's bottom in stack_var */
  basic_block *bb_of;		/* leader insn -> basic block */
  reg_state *state_in;		/* per leader: state on entry */
  bool *has_phis;		/* per leader: joined by PHI nodes */
  tree *phis;			/* per leader: NSTATE PHI results (or NULL);
				   PHI nodes move when they grow, their
				   results stay */
  basic_block exit_bb;		/* where EXIT goes */
  vec<edge> exit_edges;		/* edges into exit_bb ...  */
  vec<reg_state> exit_states;	/* ... and the state on each */
  location_t loc;
  basic_block cur;		/* block being filled */
  gimple_stmt_iterator gsi;
  struct loop *loop;
  profile_count count;
};

/* ---------------------------------------------------------------------- */
/* Small builders.  */

static void
new_block (frame *f, basic_block bb)
{
  if (current_loops)
    add_bb_to_loop (bb, f->loop);
  bb->count = f->count;
}

static basic_block
make_block (frame *f)
{
  basic_block bb = create_empty_bb (EXIT_BLOCK_PTR_FOR_FN (cfun)->prev_bb);
  new_block (f, bb);
  return bb;
}

static void
start_block (frame *f, basic_block bb)
{
  f->cur = bb;
  f->gsi = gsi_last_bb (bb);
}

static void
add_stmt (frame *f, gimple *g)
{
  gimple_set_location (g, f->loc);
  suppress_warning (g);
  if (gsi_end_p (f->gsi))
    {
      f->gsi = gsi_start_bb (f->cur);
      gsi_insert_before (&f->gsi, g, GSI_NEW_STMT);
    }
  else
    gsi_insert_after (&f->gsi, g, GSI_NEW_STMT);
}

/* Emit LHS = OP0 CODE OP1 in type TYPE and return LHS.  */
static tree
build_op (frame *f, enum tree_code code, tree type, tree op0,
	  tree op1 = NULL_TREE)
{
  if (TREE_CODE (op0) == INTEGER_CST
      && (!op1 || TREE_CODE (op1) == INTEGER_CST))
    {
      tree t = op1 ? fold_binary (code, type, op0, op1)
		   : fold_unary (code, type, op0);
      if (t && TREE_CODE (t) == INTEGER_CST && !TREE_OVERFLOW (t))
	return t;
    }
  tree lhs = make_ssa_name (type);
  gimple *g = op1 ? gimple_build_assign (lhs, code, op0, op1)
		  : gimple_build_assign (lhs, code, op0);
  add_stmt (f, g);
  return lhs;
}

/* Convert VAL to TYPE (an integer type), folding constants.  */
static tree
convert_to (frame *f, tree type, tree val)
{
  if (TREE_CODE (val) == INTEGER_CST)
    return fold_convert (type, val);
  if (useless_type_conversion_p (type, TREE_TYPE (val)))
    return val;
  return build_op (f, NOP_EXPR, type, val);
}

static tree
u64_cst (uint64_t v)
{
  return build_int_cst_type (bpfi_u64_type, (HOST_WIDE_INT) v);
}

static tree
int_type (unsigned bits, bool uns)
{
  return build_nonstandard_integer_type (bits, uns);
}

/* Zero-extend (or truncate) an operand of the program to 64 bits.  */
static tree
operand_to_u64 (frame *f, tree val)
{
  if (val == NULL_TREE)
    return u64_cst (0);
  tree type = TREE_TYPE (val);
  if (POINTER_TYPE_P (type) || TREE_CODE (type) == OFFSET_TYPE)
    {
      tree ut = int_type (TYPE_PRECISION (type), 1);
      val = TREE_CODE (val) == INTEGER_CST ? fold_convert (ut, val)
					    : build_op (f, NOP_EXPR, ut, val);
    }
  else if (!TYPE_UNSIGNED (type) || TREE_CODE (type) != INTEGER_TYPE)
    val = convert_to (f, int_type (TYPE_PRECISION (type), 1), val);
  return convert_to (f, bpfi_u64_type, val);
}

/* The value of REG as a pointer, for a memory access.  */
static tree
reg_to_pointer (frame *f, const reg_val &rv)
{
  tree ptype = build_pointer_type (char_type_node);
  tree v = rv.val ? rv.val : u64_cst (0);
  if (TYPE_PRECISION (ptype) < 64)
    v = convert_to (f, int_type (TYPE_PRECISION (ptype), 1), v);
  if (TREE_CODE (v) == INTEGER_CST)
    return fold_convert (ptype, v);
  return build_op (f, NOP_EXPR, ptype, v);
}

/* Address of DECL as a 64-bit register value.  */
static tree
addr_to_u64 (frame *f, tree addr)
{
  tree ptype = TREE_TYPE (addr);
  tree ut = int_type (TYPE_PRECISION (ptype), 1);
  tree v = build_op (f, NOP_EXPR, ut, addr);
  return convert_to (f, bpfi_u64_type, v);
}

/* ---------------------------------------------------------------------- */
/* Declarations shared by all functions of the translation unit.  */

tree
bpfi_extern_decl (enum tree_code code, const char *name, tree type)
{
  tree id = get_identifier (name);
  symtab_node *node = symtab_node::get_for_asmname (id);
  if (node && TREE_CODE (node->decl) == code)
    return node->decl;
  tree decl = build_decl (UNKNOWN_LOCATION, code, id, type);
  SET_DECL_ASSEMBLER_NAME (decl, id);
  TREE_PUBLIC (decl) = 1;
  DECL_EXTERNAL (decl) = 1;
  DECL_ARTIFICIAL (decl) = 1;
  TREE_USED (decl) = 1;
  suppress_warning (decl);
  return decl;
}

static tree
slow_call_decl (void)
{
  tree d = TREE_VEC_ELT (emit_decls, 0);
  if (!d)
    {
      tree fntype = build_function_type_list (bpfi_u64_type, bpfi_u64_type,
					      NULL_TREE);
      d = bpfi_extern_decl (FUNCTION_DECL, "event_dispatch_slow_call",
				fntype);
      TREE_NOTHROW (d) = 1;
      TREE_VEC_ELT (emit_decls, 0) = d;
    }
  return d;
}

/* The variable holding data section IDX: writable sections exist once per
   linked program (a public comdat definition named after the
   instrumenter's identity); read-only ones are a local constant copy that
   GCC can fold.  */
static tree
data_decl (size_t idx)
{
  tree d = TREE_VEC_ELT (emit_decls, 1 + idx);
  if (d)
    return d;
  const struct bpfi_data *ds = &emit_obj->data[idx];
  size_t size = ds->size ? ds->size : 1;
  tree type = build_array_type_nelts (unsigned_char_type_node, size);
  char name[256];
  char sect[64];
  size_t j = 0;
  for (const char *p = ds->name; *p && j + 1 < sizeof sect; p++)
    sect[j++] = ISALNUM (*p) ? *p : '_';
  sect[j] = 0;
  snprintf (name, sizeof name, "__bpfinst_%016llx%s",
	    (unsigned long long) emit_obj->id, sect);
  tree id = get_identifier (name);
  symtab_node *node = symtab_node::get_for_asmname (id);
  if (node && VAR_P (node->decl))
    d = node->decl;
  else
    {
      d = build_decl (UNKNOWN_LOCATION, VAR_DECL, id, type);
      SET_DECL_ASSEMBLER_NAME (d, id);
      TREE_STATIC (d) = 1;
      DECL_ARTIFICIAL (d) = 1;
      TREE_USED (d) = 1;
      DECL_PRESERVE_P (d) = 0;
      SET_DECL_ALIGN (d, MAX (ds->align, 8u) * BITS_PER_UNIT);
      DECL_USER_ALIGN (d) = 1;
      suppress_warning (d);
      if (ds->bytes)
	{
	  tree str = build_string (size, (const char *) ds->bytes);
	  TREE_TYPE (str) = type;
	  DECL_INITIAL (d) = str;
	}
      else
	DECL_INITIAL (d) = build_constructor (type, NULL);
      if (ds->readonly)
	{
	  TREE_READONLY (d) = 1;
	  TREE_CONSTANT (d) = 1;
	}
      else
	{
	  TREE_PUBLIC (d) = 1;
	  DECL_VISIBILITY (d) = VISIBILITY_DEFAULT;
	  DECL_VISIBILITY_SPECIFIED (d) = 1;
	  make_decl_one_only (d, DECL_ASSEMBLER_NAME (d));
	}
      varpool_node::finalize_decl (d);
    }
  TREE_VEC_ELT (emit_decls, 1 + idx) = d;
  return d;
}

static tree
extern_decl (size_t idx)
{
  size_t slot = 1 + emit_obj->ndata + idx;
  tree d = TREE_VEC_ELT (emit_decls, slot);
  if (!d)
    {
      tree type = build_array_type (unsigned_char_type_node, NULL_TREE);
      d = bpfi_extern_decl (VAR_DECL, emit_obj->externs[idx].name, type);
      TREE_VEC_ELT (emit_decls, slot) = d;
    }
  return d;
}

/* libtag's dense tag store (spec/include/bpfinst/tagstore.h): a directory
   of 2^20 chunk pointers indexed by bits 28..47 of the address, each chunk
   2^28 tags indexed by bits 0..27.  */
#define DENSE_DIR_BITS 20
#define DENSE_CHUNK_BITS 28

static tree
dense_dir_decl (void)
{
  size_t slot = 1 + emit_obj->ndata + emit_obj->nexterns;
  tree d = TREE_VEC_ELT (emit_decls, slot);
  if (!d)
    {
      /* Pointers, as integers of the target's pointer width.  */
      tree type = build_array_type_nelts (int_type (POINTER_SIZE, 1),
					  (unsigned HOST_WIDE_INT) 1
					  << DENSE_DIR_BITS);
      d = bpfi_extern_decl (VAR_DECL, "__bpfinst_dense_dir", type);
      TREE_VEC_ELT (emit_decls, slot) = d;
    }
  return d;
}

static tree
dense_slow_set_decl (void)
{
  size_t slot = 2 + emit_obj->ndata + emit_obj->nexterns;
  tree d = TREE_VEC_ELT (emit_decls, slot);
  if (!d)
    {
      tree fntype = build_function_type_list (bpfi_u64_type, bpfi_u64_type,
					      bpfi_u64_type, NULL_TREE);
      d = bpfi_extern_decl (FUNCTION_DECL, "bpfinst_dense_slow_set",
				fntype);
      TREE_NOTHROW (d) = 1;
      TREE_VEC_ELT (emit_decls, slot) = d;
    }
  return d;
}

void
bpfi_emit_init (struct bpfi_object *obj)
{
  emit_obj = obj;
  bpfi_u64_type = build_nonstandard_integer_type (64, 1);
  emit_decls = make_tree_vec (1 + obj->ndata + obj->nexterns + 2);
  ggc_register_root_tab (emit_root_tab);
}

/* ---------------------------------------------------------------------- */
/* The stack.  */

/* The size of FN's own frame.  */
static uint32_t
frame_size (const struct bpfi_func *fn)
{
  return (fn->stack_depth + 7) & ~7u;
}

static uint32_t
stack_need (const struct bpfi_func *fn)
{
  uint32_t callee = 0;
  for (size_t i = 0; i < fn->ninsns; i++)
    if (fn->info[i].kind == BPFI_RELOC_CALL
	&& (fn->info[i].flags & BPFI_INSN_REACHABLE))
      {
	uint32_t n = stack_need (&emit_obj->funcs[fn->info[i].index]);
	if (n > callee)
	  callee = n;
      }
  return frame_size (fn) + callee;
}

static tree
get_stack_var (uint32_t size)
{
  if (stack_var
      && tree_to_uhwi (TYPE_SIZE_UNIT (TREE_TYPE (stack_var))) >= size)
    return stack_var;
  /* A larger hook than the ones before: a new, larger array.  */
  tree type = build_array_type_nelts (unsigned_char_type_node, size);
  tree v = create_tmp_var (type, "bpf_stack");
  SET_DECL_ALIGN (v, 64);
  suppress_warning (v);
  stack_var = v;
  return v;
}

/* A reference of TYPE to byte OFF of the stack.  */
static tree
stack_ref (frame *f, tree type, HOST_WIDE_INT off)
{
  tree alias = build_pointer_type_for_mode (char_type_node, ptr_mode, true);
  /* R10 points at the top of the frame; OFF is negative.  */
  HOST_WIDE_INT top = f->stack_base + frame_size (f->fn);
  return build2 (MEM_REF, type, build_fold_addr_expr (stack_var),
		 build_int_cst (alias, top + off));
}

/* A reference of TYPE to program memory at RV + OFF.  */
static tree
mem_ref (frame *f, tree type, const reg_val &rv, HOST_WIDE_INT off)
{
  tree alias = build_pointer_type_for_mode (char_type_node, ptr_mode, true);
  tree utype = build_aligned_type (type, BITS_PER_UNIT);
  tree ref;
  if (rv.addr)
    ref = build2 (MEM_REF, utype, rv.addr,
		  build_int_cst (alias, rv.off + off));
  else
    ref = build2 (MEM_REF, utype, reg_to_pointer (f, rv),
		  build_int_cst (alias, off));
  /* A hook may read memory the program has not written yet (inst_store
     looking at the bytes about to be overwritten): that is no use of an
     uninitialized variable of the program's, so no -Wuninitialized.  */
  suppress_warning (ref);
  return ref;
}

/* ---------------------------------------------------------------------- */
/* Opcode classes.  */

static tree
size_type (unsigned bpf_size)
{
  switch (bpf_size)
    {
    case BPF_B: return int_type (8, 1);
    case BPF_H: return int_type (16, 1);
    case BPF_W: return int_type (32, 1);
    default: return int_type (64, 1);
    }
}

/* The value of register R; an undefined register (only on paths GCC will
   find unreachable) reads as 0.  */
static tree
get_reg (const reg_state *s, int r)
{
  return s->r[r].val ? s->r[r].val : u64_cst (0);
}

static void
set_reg (reg_state *s, int r, tree val)
{
  s->r[r].val = val;
  s->r[r].addr = NULL_TREE;
  s->r[r].off = 0;
}

/* Division and remainder by the BPF rules: x / 0 == 0, x % 0 == x.  */
static tree
emit_divmod (frame *f, bool mod, tree type, tree x, tree y)
{
  tree zero = build_zero_cst (type);
  tree one = build_one_cst (type);
  if (TREE_CODE (y) == INTEGER_CST)
    {
      if (integer_zerop (y))
	return mod ? x : zero;
      return build_op (f, mod ? TRUNC_MOD_EXPR : TRUNC_DIV_EXPR, type, x, y);
    }
  tree is0 = build_op (f, EQ_EXPR, boolean_type_node, y, zero);
  tree d = make_ssa_name (type);
  add_stmt (f, gimple_build_assign (d, COND_EXPR, is0, one, y));
  tree q = build_op (f, mod ? TRUNC_MOD_EXPR : TRUNC_DIV_EXPR, type, x, d);
  tree r = make_ssa_name (type);
  add_stmt (f, gimple_build_assign (r, COND_EXPR, is0, mod ? x : zero, q));
  return r;
}

/* Signed division for bpf-gcc's __divdi3/__moddi3, without the traps of
   division by zero and of INT64_MIN / -1.  */
static tree
emit_sdivmod (frame *f, bool mod, tree x, tree y)
{
  tree st = int_type (64, 0);
  tree sx = convert_to (f, st, x);
  tree sy = convert_to (f, st, y);
  tree bad = build_op (f, LE_EXPR, boolean_type_node,
		       build_op (f, PLUS_EXPR, bpfi_u64_type, y, u64_cst (1)),
		       u64_cst (1));
  tree d = make_ssa_name (st);
  add_stmt (f, gimple_build_assign (d, COND_EXPR, bad, build_one_cst (st),
				    sy));
  tree q = build_op (f, mod ? TRUNC_MOD_EXPR : TRUNC_DIV_EXPR, st, sx, d);
  /* y == 0: 0 (div) or x (mod); y == -1: -x (div) or 0 (mod).  */
  tree is0 = build_op (f, EQ_EXPR, boolean_type_node, y, u64_cst (0));
  tree alt0 = make_ssa_name (bpfi_u64_type);
  add_stmt (f, gimple_build_assign (alt0, COND_EXPR, is0,
				    mod ? x : u64_cst (0),
				    mod ? u64_cst (0)
					: build_op (f, NEGATE_EXPR,
						    bpfi_u64_type, x)));
  tree res = make_ssa_name (bpfi_u64_type);
  add_stmt (f, gimple_build_assign (res, COND_EXPR, bad, alt0,
				    convert_to (f, bpfi_u64_type, q)));
  return res;
}

static void
emit_alu (frame *f, reg_state *s, const struct bpf_insn *insn)
{
  bool is64 = BPF_CLASS (insn->code) == BPF_ALU64;
  unsigned op = BPF_OP (insn->code);
  int dst = insn->dst_reg;
  tree type = is64 ? bpfi_u64_type : int_type (32, 1);
  unsigned bits = is64 ? 64 : 32;

  if (op == BPF_END)
    {
      tree v = get_reg (s, dst);
      unsigned w = insn->imm;
      tree wt = int_type (w, 1);
      tree x = convert_to (f, wt, v);
      if (BPF_SRC (insn->code) == BPF_TO_BE && w > 8)
	{
	  enum built_in_function fn = w == 16 ? BUILT_IN_BSWAP16
				      : w == 32 ? BUILT_IN_BSWAP32
						: BUILT_IN_BSWAP64;
	  tree decl = builtin_decl_explicit (fn);
	  tree rt = TREE_TYPE (TREE_TYPE (decl));
	  x = convert_to (f, TREE_VALUE (TYPE_ARG_TYPES (TREE_TYPE (decl))), x);
	  tree res = make_ssa_name (rt);
	  gcall *call = gimple_build_call (decl, 1, x);
	  gimple_call_set_lhs (call, res);
	  add_stmt (f, call);
	  x = convert_to (f, wt, res);
	}
      set_reg (s, dst, convert_to (f, bpfi_u64_type, x));
      return;
    }

  reg_val dv = s->r[dst];
  tree src;
  if (BPF_SRC (insn->code) == BPF_X)
    src = convert_to (f, type, get_reg (s, insn->src_reg));
  else
    src = is64 ? u64_cst ((uint64_t) (int64_t) insn->imm)
	       : build_int_cst (type, (uint32_t) insn->imm);

  if (op == BPF_MOV)
    {
      if (insn->off != 0)
	{
	  /* ISA v4's sign-extending move: the low OFF bits of the source,
	     sign-extended to the operation's width (and zero-extended from
	     32 to 64 bits).  */
	  tree st = int_type (insn->off, 0);
	  tree x = convert_to (f, int_type (bits, 0), convert_to (f, st, src));
	  set_reg (s, dst, convert_to (f, bpfi_u64_type,
				       convert_to (f, type, x)));
	}
      else if (is64)
	{
	  if (BPF_SRC (insn->code) == BPF_X)
	    s->r[dst] = s->r[insn->src_reg];
	  else
	    set_reg (s, dst, src);
	}
      else
	set_reg (s, dst, convert_to (f, bpfi_u64_type, src));
      return;
    }

  tree a = convert_to (f, type, get_reg (s, dst));
  tree res;
  switch (op)
    {
    case BPF_ADD:
    case BPF_SUB:
      res = build_op (f, op == BPF_ADD ? PLUS_EXPR : MINUS_EXPR, type, a, src);
      if (is64 && dv.addr && BPF_SRC (insn->code) == BPF_K)
	{
	  /* Keep the address known: pointer arithmetic on instrumenter
	     data stays a direct reference.  */
	  HOST_WIDE_INT delta = op == BPF_ADD ? insn->imm : -(HOST_WIDE_INT) insn->imm;
	  s->r[dst].val = res;
	  s->r[dst].off += delta;
	  return;
	}
      break;
    case BPF_MUL:
      res = build_op (f, MULT_EXPR, type, a, src);
      break;
    case BPF_DIV:
      res = emit_divmod (f, false, type, a, src);
      break;
    case BPF_MOD:
      res = emit_divmod (f, true, type, a, src);
      break;
    case BPF_OR:
      res = build_op (f, BIT_IOR_EXPR, type, a, src);
      break;
    case BPF_AND:
      res = build_op (f, BIT_AND_EXPR, type, a, src);
      break;
    case BPF_XOR:
      res = build_op (f, BIT_XOR_EXPR, type, a, src);
      break;
    case BPF_NEG:
      res = build_op (f, NEGATE_EXPR, type, a);
      break;
    case BPF_LSH:
    case BPF_RSH:
    case BPF_ARSH:
      {
	/* BPF masks the shift count; GIMPLE leaves a count >= the width
	   undefined.  */
	tree cnt = TREE_CODE (src) == INTEGER_CST
		   ? fold_convert (type, build_int_cst (type,
							TREE_INT_CST_LOW (src)
							& (bits - 1)))
		   : build_op (f, BIT_AND_EXPR, type, src,
			       build_int_cst (type, bits - 1));
	if (op == BPF_ARSH)
	  {
	    tree st = int_type (bits, 0);
	    tree sa = convert_to (f, st, a);
	    res = convert_to (f, type,
			      build_op (f, RSHIFT_EXPR, st, sa,
					convert_to (f, st, cnt)));
	  }
	else
	  res = build_op (f, op == BPF_LSH ? LSHIFT_EXPR : RSHIFT_EXPR, type,
			  a, cnt);
	break;
      }
    default:
      gcc_unreachable ();	/* the verifier refused it */
    }
  set_reg (s, dst, convert_to (f, bpfi_u64_type, res));
}

static tree
emit_load_value (frame *f, const struct bpf_insn *insn,
		 const struct bpfi_insn_info *info, const reg_state *s,
		 tree type)
{
  tree ref;
  if (info->flags & BPFI_INSN_STACK)
    ref = stack_ref (f, type, info->stack_off);
  else
    ref = mem_ref (f, type, s->r[insn->src_reg], insn->off);
  tree v = make_ssa_name (type);
  add_stmt (f, gimple_build_assign (v, ref));
  return v;
}

static void
emit_load (frame *f, reg_state *s, const struct bpf_insn *insn,
	   const struct bpfi_insn_info *info)
{
  tree type = size_type (BPF_SIZE (insn->code));
  tree v = emit_load_value (f, insn, info, s, type);
  /* ISA v4's sign-extending load: through the signed type.  */
  if (info->op->sext)
    v = convert_to (f, int_type (64, 0),
		    convert_to (f, int_type (info->op->sext, 0), v));
  set_reg (s, insn->dst_reg, convert_to (f, bpfi_u64_type, v));
}

static void
emit_store (frame *f, reg_state *s, const struct bpf_insn *insn,
	    const struct bpfi_insn_info *info)
{
  tree type = size_type (BPF_SIZE (insn->code));
  tree val = BPF_CLASS (insn->code) == BPF_STX
	     ? convert_to (f, type, get_reg (s, insn->src_reg))
	     : fold_convert (type, build_int_cst (int_type (32, 0), insn->imm));
  tree ref;
  if (info->flags & BPFI_INSN_STACK)
    ref = stack_ref (f, type, info->stack_off);
  else
    ref = mem_ref (f, type, s->r[insn->dst_reg], insn->off);
  add_stmt (f, gimple_build_assign (ref, val));
}

static void
emit_atomic (frame *f, reg_state *s, const struct bpf_insn *insn,
	     const struct bpfi_insn_info *info)
{
  bool dw = BPF_SIZE (insn->code) == BPF_DW;
  tree type = dw ? bpfi_u64_type : int_type (32, 1);
  tree ptr;
  if (info->flags & BPFI_INSN_STACK)
    {
      TREE_ADDRESSABLE (stack_var) = 1;
      ptr = build_fold_addr_expr (stack_ref (f, type, info->stack_off));
    }
  else
    ptr = build_fold_addr_expr (mem_ref (f, type, s->r[insn->dst_reg],
					 insn->off));
  if (!is_gimple_val (ptr))
    {
      tree p = make_ssa_name (TREE_TYPE (ptr));
      add_stmt (f, gimple_build_assign (p, ptr));
      ptr = p;
    }
  tree val = convert_to (f, type, get_reg (s, insn->src_reg));
  tree order = build_int_cst (integer_type_node, MEMMODEL_SEQ_CST);
  int op = insn->imm;
  enum built_in_function fn;
  gcall *call;
  if (op == BPF_CMPXCHG)
    {
      fn = dw ? BUILT_IN_SYNC_VAL_COMPARE_AND_SWAP_8
	      : BUILT_IN_SYNC_VAL_COMPARE_AND_SWAP_4;
      tree decl = builtin_decl_explicit (fn);
      tree itype = TREE_VALUE (TREE_CHAIN (TYPE_ARG_TYPES (TREE_TYPE (decl))));
      call = gimple_build_call (decl, 3, ptr,
				convert_to (f, itype,
					    convert_to (f, type, get_reg (s, 0))),
				convert_to (f, itype, val));
      tree old = make_ssa_name (TREE_TYPE (TREE_TYPE (decl)));
      gimple_call_set_lhs (call, old);
      add_stmt (f, call);
      set_reg (s, 0, convert_to (f, bpfi_u64_type,
				 convert_to (f, type, old)));
      return;
    }
  switch (op & ~BPF_FETCH)
    {
    case BPF_ADD:
      fn = dw ? BUILT_IN_ATOMIC_FETCH_ADD_8 : BUILT_IN_ATOMIC_FETCH_ADD_4;
      break;
    case BPF_OR:
      fn = dw ? BUILT_IN_ATOMIC_FETCH_OR_8 : BUILT_IN_ATOMIC_FETCH_OR_4;
      break;
    case BPF_AND:
      fn = dw ? BUILT_IN_ATOMIC_FETCH_AND_8 : BUILT_IN_ATOMIC_FETCH_AND_4;
      break;
    case BPF_XOR:
      fn = dw ? BUILT_IN_ATOMIC_FETCH_XOR_8 : BUILT_IN_ATOMIC_FETCH_XOR_4;
      break;
    default: /* BPF_XCHG */
      fn = dw ? BUILT_IN_ATOMIC_EXCHANGE_8 : BUILT_IN_ATOMIC_EXCHANGE_4;
      break;
    }
  tree decl = builtin_decl_explicit (fn);
  tree itype = TREE_VALUE (TREE_CHAIN (TYPE_ARG_TYPES (TREE_TYPE (decl))));
  call = gimple_build_call (decl, 3, ptr, convert_to (f, itype, val), order);
  tree old = make_ssa_name (TREE_TYPE (TREE_TYPE (decl)));
  gimple_call_set_lhs (call, old);
  add_stmt (f, call);
  if (op & BPF_FETCH)
    set_reg (s, insn->src_reg,
	     convert_to (f, bpfi_u64_type, convert_to (f, type, old)));
}

static void
emit_ld_imm64 (frame *f, reg_state *s, const struct bpf_insn *insn,
	       const struct bpfi_insn_info *info)
{
  int dst = insn->dst_reg;
  if (info->kind == BPFI_RELOC_DATA || info->kind == BPFI_RELOC_EXTERN)
    {
      tree decl = info->kind == BPFI_RELOC_DATA ? data_decl (info->index)
						: extern_decl (info->index);
      tree addr = build_fold_addr_expr (decl);
      tree base = addr_to_u64 (f, addr);
      tree val = info->addend
		 ? build_op (f, PLUS_EXPR, bpfi_u64_type, base,
			     u64_cst ((uint64_t) info->addend))
		 : base;
      s->r[dst].val = val;
      s->r[dst].addr = addr;
      s->r[dst].off = info->addend;
      return;
    }
  uint64_t v = (uint64_t) (uint32_t) insn[0].imm
	       | ((uint64_t) (uint32_t) insn[1].imm << 32);
  set_reg (s, dst, u64_cst (v));
}

/* Call a builtin FN on ARG converted to its parameter type; the result
   zero-extended.  */
static tree
emit_builtin1 (frame *f, enum built_in_function fn, tree arg)
{
  tree decl = builtin_decl_explicit (fn);
  tree ptype = TREE_VALUE (TYPE_ARG_TYPES (TREE_TYPE (decl)));
  tree rtype = TREE_TYPE (TREE_TYPE (decl));
  tree a = convert_to (f, ptype, arg);
  tree res = make_ssa_name (rtype);
  gcall *call = gimple_build_call (decl, 1, a);
  gimple_call_set_lhs (call, res);
  add_stmt (f, call);
  return operand_to_u64 (f, res);
}

/* clz/ctz of X in BITS bits, defined (as BITS) at zero.  */
static tree
emit_clz_ctz (frame *f, bool clz, unsigned bits, tree x)
{
  tree t = int_type (bits, 1);
  tree xv = convert_to (f, t, x);
  tree is0 = build_op (f, EQ_EXPR, boolean_type_node, xv, build_zero_cst (t));
  tree safe = make_ssa_name (t);
  add_stmt (f, gimple_build_assign (safe, COND_EXPR, is0, build_one_cst (t),
				    xv));
  enum built_in_function fn = bits == 64 ? (clz ? BUILT_IN_CLZLL : BUILT_IN_CTZLL)
				: (clz ? BUILT_IN_CLZ : BUILT_IN_CTZ);
  tree cnt = emit_builtin1 (f, fn, safe);
  tree res = make_ssa_name (bpfi_u64_type);
  add_stmt (f, gimple_build_assign (res, COND_EXPR, is0, u64_cst (bits),
				    cnt));
  return res;
}

/* Emit an edge from F->cur to the hook's exit with state S.  */
static void
emit_exit (frame *f, const reg_state *s)
{
  edge e = make_edge (f->cur, f->exit_bb, EDGE_FALLTHRU);
  e->probability = profile_probability::always ();
  f->exit_edges.safe_push (e);
  f->exit_states.safe_push (*s);
  f->cur = NULL;
}

/* stop_if_no_tags: leave the hook when every operand tag is zero.  */
static void
emit_stop_if_no_tags (frame *f, reg_state *s)
{
  const struct bpfi_operands *ops = f->ops;
  tree any = NULL_TREE;
  for (int i = 0; i < 3; i++)
    if (ops->tags[i] && !integer_zerop (ops->tags[i]))
      any = any ? build_op (f, BIT_IOR_EXPR, bpfi_u64_type, any,
			    ops->tags[i])
		: ops->tags[i];
  if (!any)
    {
      emit_exit (f, s);
      return;
    }
  gcond *c = gimple_build_cond (EQ_EXPR, any, u64_cst (0), NULL_TREE,
				NULL_TREE);
  add_stmt (f, c);
  basic_block cont = make_block (f);
  edge te = make_edge (f->cur, f->exit_bb, EDGE_TRUE_VALUE);
  te->probability = profile_probability::even ();
  f->exit_edges.safe_push (te);
  f->exit_states.safe_push (*s);
  edge fe = make_edge (f->cur, cont, EDGE_FALSE_VALUE);
  fe->probability = profile_probability::even ();
  start_block (f, cont);
}

/* dense_tag_get (ADDR), or dense_tag_set (ADDR, TAG) when TAG is given:
   look the chunk up in the directory; where it exists (and the address
   is in range) access the tag inline, else read 0 or call the runtime.  */
static tree
emit_dense_tag (frame *f, tree addr, tree tag)
{
  tree u64 = bpfi_u64_type;
  tree idx = build_op (f, BIT_AND_EXPR, u64,
		       build_op (f, RSHIFT_EXPR, u64, addr,
				 u64_cst (DENSE_CHUNK_BITS)),
		       u64_cst (((uint64_t) 1 << DENSE_DIR_BITS) - 1));
  tree dir = dense_dir_decl ();
  tree et = TREE_TYPE (TREE_TYPE (dir));
  tree chunkp = make_ssa_name (et);
  add_stmt (f, gimple_build_assign (chunkp, build4 (ARRAY_REF, et, dir, idx,
						    NULL_TREE, NULL_TREE)));
  tree chunk = convert_to (f, u64, chunkp);
  tree hi = build_op (f, RSHIFT_EXPR, u64, addr,
		      u64_cst (DENSE_CHUNK_BITS + DENSE_DIR_BITS));
  tree miss = build_op (f, BIT_IOR_EXPR, boolean_type_node,
			build_op (f, EQ_EXPR, boolean_type_node, chunk,
				  u64_cst (0)),
			build_op (f, NE_EXPR, boolean_type_node, hi,
				  u64_cst (0)));
  add_stmt (f, gimple_build_cond (NE_EXPR, miss, boolean_false_node,
				  NULL_TREE, NULL_TREE));
  basic_block from = f->cur;
  basic_block hit_bb = make_block (f);
  basic_block miss_bb = tag ? make_block (f) : NULL;
  basic_block join = make_block (f);
  edge me = make_edge (from, tag ? miss_bb : join, EDGE_TRUE_VALUE);
  edge he = make_edge (from, hit_bb, EDGE_FALSE_VALUE);
  me->probability = profile_probability::unlikely ();
  he->probability = profile_probability::likely ();

  /* The tag's place: chunk + (addr mod 2^28) * 8.  */
  start_block (f, hit_bb);
  tree off = build_op (f, LSHIFT_EXPR, u64,
		       build_op (f, BIT_AND_EXPR, u64, addr,
				 u64_cst (((uint64_t) 1 << DENSE_CHUNK_BITS)
					  - 1)),
		       u64_cst (3));
  reg_val place;
  place.val = build_op (f, PLUS_EXPR, u64, chunk, off);
  place.addr = NULL_TREE;
  place.off = 0;
  tree ref = mem_ref (f, u64, place, 0);
  tree val = NULL_TREE;
  if (tag)
    add_stmt (f, gimple_build_assign (ref, tag));
  else
    {
      val = make_ssa_name (u64);
      add_stmt (f, gimple_build_assign (val, ref));
    }
  edge hj = make_edge (f->cur, join, EDGE_FALLTHRU);
  hj->probability = profile_probability::always ();

  if (tag)
    {
      /* A missing chunk holds only zeros: setting 0 there is a no-op.  */
      start_block (f, miss_bb);
      add_stmt (f, gimple_build_cond (NE_EXPR, tag, u64_cst (0), NULL_TREE,
				      NULL_TREE));
      basic_block call_bb = make_block (f);
      edge ce = make_edge (miss_bb, call_bb, EDGE_TRUE_VALUE);
      edge ze = make_edge (miss_bb, join, EDGE_FALSE_VALUE);
      ce->probability = profile_probability::even ();
      ze->probability = profile_probability::even ();
      start_block (f, call_bb);
      gcall *call = gimple_build_call (dense_slow_set_decl (), 2, addr, tag);
      add_stmt (f, call);
      edge mj = make_edge (call_bb, join, EDGE_FALLTHRU);
      mj->probability = profile_probability::always ();
    }
  start_block (f, join);
  if (tag)
    return u64_cst (0);
  tree res = make_ssa_name (u64);
  gphi *phi = create_phi_node (res, join);
  add_phi_arg (phi, val, hj, f->loc);
  add_phi_arg (phi, u64_cst (0), me, f->loc);
  return res;
}

static void
emit_helper (frame *f, reg_state *s, enum bpfi_helper h)
{
  const struct bpfi_operands *ops = f->ops;
  tree r0 = NULL_TREE;
  tree r1 = get_reg (s, 1);
  switch (h)
    {
    case BPFI_HELPER_SLOW_CALL:
      {
	gcall *call = gimple_build_call (slow_call_decl (), 1, r1);
	r0 = make_ssa_name (bpfi_u64_type);
	gimple_call_set_lhs (call, r0);
	add_stmt (f, call);
	break;
      }
    case BPFI_HELPER_PSEUDO_PC:
      r0 = u64_cst (ops->pseudo_pc);
      break;
    case BPFI_HELPER_CONDITION:
      r0 = u64_cst (ops->condition < 0 ? 0 : ops->condition);
      break;
    case BPFI_HELPER_CONDITION_RESULT:
      r0 = ops->condition_result ? operand_to_u64 (f, ops->condition_result)
				 : u64_cst (0);
      break;
    case BPFI_HELPER_BIT_WIDTH_RES:
      r0 = u64_cst (ops->width_res);
      break;
    case BPFI_HELPER_BIT_WIDTH1:
    case BPFI_HELPER_BIT_WIDTH2:
    case BPFI_HELPER_BIT_WIDTH3:
      r0 = u64_cst (ops->width[h - BPFI_HELPER_BIT_WIDTH1]);
      break;
    case BPFI_HELPER_TAG1:
    case BPFI_HELPER_TAG2:
    case BPFI_HELPER_TAG3:
      r0 = ops->tags[h - BPFI_HELPER_TAG1];
      if (!r0)
	r0 = u64_cst (0);
      break;
    case BPFI_HELPER_SET_TAG:
      set_reg (s, REG_TAG, r1);
      r0 = u64_cst (0);
      break;
    case BPFI_HELPER_STOP_IF_NO_TAGS:
      emit_stop_if_no_tags (f, s);
      r0 = u64_cst (0);
      break;
    case BPFI_HELPER_BSWAPSI2:
      r0 = emit_builtin1 (f, BUILT_IN_BSWAP32, r1);
      break;
    case BPFI_HELPER_BSWAPDI2:
      r0 = emit_builtin1 (f, BUILT_IN_BSWAP64, r1);
      break;
    case BPFI_HELPER_POPCOUNTSI2:
      r0 = emit_builtin1 (f, BUILT_IN_POPCOUNT,
			  convert_to (f, int_type (32, 1), r1));
      break;
    case BPFI_HELPER_POPCOUNTDI2:
      r0 = emit_builtin1 (f, BUILT_IN_POPCOUNTLL, r1);
      break;
    case BPFI_HELPER_PARITYDI2:
      r0 = emit_builtin1 (f, BUILT_IN_PARITYLL, r1);
      break;
    case BPFI_HELPER_FFSDI2:
      r0 = emit_builtin1 (f, BUILT_IN_FFSLL, r1);
      break;
    case BPFI_HELPER_CLZSI2:
    case BPFI_HELPER_CLZDI2:
    case BPFI_HELPER_CTZSI2:
    case BPFI_HELPER_CTZDI2:
      {
	bool clz = h == BPFI_HELPER_CLZSI2 || h == BPFI_HELPER_CLZDI2;
	bool si = h == BPFI_HELPER_CLZSI2 || h == BPFI_HELPER_CTZSI2;
	r0 = emit_clz_ctz (f, clz, si ? 32 : 64, r1);
	break;
      }
    case BPFI_HELPER_DIVDI3:
    case BPFI_HELPER_MODDI3:
      r0 = emit_sdivmod (f, h == BPFI_HELPER_MODDI3, r1, get_reg (s, 2));
      break;
    case BPFI_HELPER_DENSE_TAG_GET:
      r0 = emit_dense_tag (f, r1, NULL_TREE);
      break;
    case BPFI_HELPER_DENSE_TAG_SET:
      r0 = emit_dense_tag (f, r1, get_reg (s, 2));
      break;
    default:
      gcc_unreachable ();	/* the loader refused it */
    }
  /* The calling convention: R0 is the result, R1-R5 are clobbered.  */
  if (f->cur)
    set_reg (s, 0, r0 ? r0 : u64_cst (0));
  for (int i = 1; i <= 5; i++)
    set_reg (s, i, NULL_TREE);
}

/* ---------------------------------------------------------------------- */
/* Control flow.  */

static void emit_function (frame *f, reg_state *entry_state);

static enum tree_code
jump_code (unsigned op, bool *sign, bool *jset)
{
  *sign = false;
  *jset = false;
  switch (op)
    {
    case BPF_JEQ: return EQ_EXPR;
    case BPF_JNE: return NE_EXPR;
    case BPF_JGT: return GT_EXPR;
    case BPF_JGE: return GE_EXPR;
    case BPF_JLT: return LT_EXPR;
    case BPF_JLE: return LE_EXPR;
    case BPF_JSGT: *sign = true; return GT_EXPR;
    case BPF_JSGE: *sign = true; return GE_EXPR;
    case BPF_JSLT: *sign = true; return LT_EXPR;
    case BPF_JSLE: *sign = true; return LE_EXPR;
    case BPF_JSET: *jset = true; return NE_EXPR;
    default: gcc_unreachable ();
    }
}

/* Record that control goes from F->cur to leader insn TARGET on edge E
   with state S.  */
static void
link_to (frame *f, edge e, int target, const reg_state *s)
{
  if (f->has_phis[target])
    {
      for (int r = 0; r < NSTATE; r++)
	if (f->phis[target * NSTATE + r])
	  {
	    tree v = s->r[r].val;
	    if (!v)
	      v = u64_cst (0);
	    add_phi_arg (as_a <gphi *> (SSA_NAME_DEF_STMT
					  (f->phis[target * NSTATE + r])),
			 v, e, f->loc);
	  }
    }
  else
    f->state_in[target] = *s;
}

static void
emit_jump (frame *f, reg_state *s, const struct bpf_insn *insn, int pc)
{
  const struct bpfi_func *fn = f->fn;
  unsigned op = BPF_OP (insn->code);
  int target = pc + insn->off + 1;
  basic_block from = f->cur;
  if (op == BPF_JA)
    {
      edge e = make_edge (from, f->bb_of[target], EDGE_FALLTHRU);
      e->probability = profile_probability::always ();
      link_to (f, e, target, s);
      f->cur = NULL;
      return;
    }
  bool is32 = BPF_CLASS (insn->code) == BPF_JMP32;
  bool sign, jset;
  enum tree_code code = jump_code (op, &sign, &jset);
  tree type = int_type (is32 ? 32 : 64, !sign);
  tree a = convert_to (f, type, get_reg (s, insn->dst_reg));
  tree b = BPF_SRC (insn->code) == BPF_X
	   ? convert_to (f, type, get_reg (s, insn->src_reg))
	   : fold_convert (type, build_int_cst (int_type (32, 0), insn->imm));
  if (jset)
    {
      a = build_op (f, BIT_AND_EXPR, type, a, b);
      b = build_zero_cst (type);
    }
  add_stmt (f, gimple_build_cond (code, a, b, NULL_TREE, NULL_TREE));
  int next = pc + 1;
  gcc_assert ((size_t) next < fn->ninsns);
  edge te = make_edge (from, f->bb_of[target], EDGE_TRUE_VALUE);
  edge fe = make_edge (from, f->bb_of[next], EDGE_FALSE_VALUE);
  te->probability = profile_probability::even ();
  fe->probability = profile_probability::even ();
  link_to (f, te, target, s);
  link_to (f, fe, next, s);
  f->cur = NULL;
}

/* Inline the BPF-to-BPF call of CALLEE at F->cur.  */
static void
emit_call (frame *f, reg_state *s, const struct bpfi_func *callee)
{
  frame cf;
  memset (&cf, 0, sizeof cf);
  cf.fn = callee;
  cf.ops = f->ops;
  cf.stack_base = f->stack_base + frame_size (f->fn);
  cf.loc = f->loc;
  cf.loop = f->loop;
  cf.count = f->count;
  cf.exit_bb = make_block (f);

  basic_block entry = make_block (f);
  edge e = make_edge (f->cur, entry, EDGE_FALLTHRU);
  e->probability = profile_probability::always ();
  cf.cur = entry;

  reg_state in;
  for (int r = 0; r < NSTATE; r++)
    in.r[r] = s->r[r];
  for (int r = 6; r <= 9; r++)
    set_reg (&in, r, NULL_TREE);
  set_reg (&in, 0, NULL_TREE);
  emit_function (&cf, &in);

  /* Join the callee's exits: R0 and the tag may differ; R6-R9 of the
     caller are untouched.  */
  start_block (f, cf.exit_bb);
  for (int r = 0; r < NSTATE; r++)
    {
      if (r != 0 && r != REG_TAG)
	continue;
      tree first = NULL_TREE;
      bool same = true;
      for (unsigned i = 0; i < cf.exit_edges.length (); i++)
	{
	  tree v = cf.exit_states[i].r[r].val;
	  if (!v)
	    v = u64_cst (0);
	  if (!first)
	    first = v;
	  else if (!operand_equal_p (first, v, 0))
	    same = false;
	}
      if (!first)
	first = u64_cst (0);
      if (same)
	{
	  if (r == 0 && cf.exit_edges.length () == 1)
	    s->r[0] = cf.exit_states[0].r[0];
	  else
	    set_reg (s, r, first);
	  continue;
	}
      tree res = make_ssa_name (bpfi_u64_type);
      gphi *phi = create_phi_node (res, cf.exit_bb);
      for (unsigned i = 0; i < cf.exit_edges.length (); i++)
	{
	  tree v = cf.exit_states[i].r[r].val;
	  add_phi_arg (phi, v ? v : u64_cst (0), cf.exit_edges[i], f->loc);
	}
      set_reg (s, r, res);
    }
  for (int r = 1; r <= 5; r++)
    set_reg (s, r, NULL_TREE);
  if (cf.exit_edges.is_empty ())
    {
      /* The callee never returns (cannot happen after verification, but
	 keep the CFG valid).  */
      emit_exit (f, s);
    }
  cf.exit_edges.release ();
  cf.exit_states.release ();
}

/* Emit the body of F->fn starting at F->cur with registers ENTRY_STATE;
   every EXIT becomes an edge to F->exit_bb.  */
static void
emit_function (frame *f, reg_state *entry_state)
{
  const struct bpfi_func *fn = f->fn;
  size_t n = fn->ninsns;

  f->bb_of = XCNEWVEC (basic_block, n);
  f->state_in = XCNEWVEC (reg_state, n);
  f->has_phis = XCNEWVEC (bool, n);
  f->phis = XCNEWVEC (tree, n * NSTATE);

  /* Count the predecessors of each leader.  */
  int *npred = XCNEWVEC (int, n);
  npred[0] = 1;
  for (size_t i = 0; i < n; i++)
    {
      const struct bpfi_insn_info *info = &fn->info[i];
      if (!(info->flags & BPFI_INSN_REACHABLE))
	continue;
      size_t succ[2];
      int nsucc = bpfi_insn_succs (fn, i, succ);
      for (int k = 0; k < nsucc; k++)
	{
	  if (succ[k] >= n || !(fn->info[succ[k]].flags & BPFI_INSN_LEADER))
	    continue;
	  npred[succ[k]]++;
	  if (succ[k] <= i)
	    npred[succ[k]] += 2;	/* a back edge: always PHIs */
	}
    }

  /* A block per reachable leader; PHI nodes where paths merge.  */
  for (size_t i = 0; i < n; i++)
    {
      const struct bpfi_insn_info *info = &fn->info[i];
      if (!(info->flags & BPFI_INSN_LEADER)
	  || !(info->flags & BPFI_INSN_REACHABLE))
	continue;
      f->bb_of[i] = i == 0 && npred[0] < 2 ? f->cur : make_block (f);
      if (npred[i] < 2)
	continue;
      f->has_phis[i] = true;
      if (info->flags & BPFI_INSN_LOOP_HEAD)
	fn_new_loops = true;
      for (int r = 0; r < NSTATE; r++)
	{
	  if (r == 10)
	    continue;
	  if (r != REG_TAG && !(info->live_in & (1u << r)))
	    continue;
	  tree res = make_ssa_name (bpfi_u64_type);
	  create_phi_node (res, f->bb_of[i]);
	  f->phis[i * NSTATE + r] = res;
	  set_reg (&f->state_in[i], r, res);
	}
      set_reg (&f->state_in[i], 10, u64_cst (0));
    }
  XDELETEVEC (npred);

  reg_state s = *entry_state;
  set_reg (&s, 10, u64_cst (0));
  if (f->bb_of[0] != f->cur)
    {
      /* A loop back to the first instruction: enter its block through
	 an edge of its own.  */
      edge e = make_edge (f->cur, f->bb_of[0], EDGE_FALLTHRU);
      e->probability = profile_probability::always ();
      link_to (f, e, 0, &s);
      s = f->state_in[0];
    }
  start_block (f, f->bb_of[0]);
  for (size_t i = 0; i < n; i++)
    {
      const struct bpf_insn *insn = &fn->insns[i];
      const struct bpfi_insn_info *info = &fn->info[i];
      if (!(info->flags & BPFI_INSN_REACHABLE)
	  || (info->flags & BPFI_INSN_IMM64_HI))
	continue;
      if ((info->flags & BPFI_INSN_LEADER) && i != 0)
	{
	  if (f->cur)
	    {
	      /* Fall through into the next block.  */
	      edge e = make_edge (f->cur, f->bb_of[i], EDGE_FALLTHRU);
	      e->probability = profile_probability::always ();
	      link_to (f, e, i, &s);
	    }
	  s = f->state_in[i];
	  start_block (f, f->bb_of[i]);
	}
      if (!f->cur)
	continue;

      /* The lowering the opcode table names.  */
      switch (info->op->lower)
	{
	case BPFI_LOWER_ALU:
	  emit_alu (f, &s, insn);
	  break;
	case BPFI_LOWER_LOAD:
	  emit_load (f, &s, insn, info);
	  break;
	case BPFI_LOWER_STORE:
	  emit_store (f, &s, insn, info);
	  break;
	case BPFI_LOWER_ATOMIC:
	  emit_atomic (f, &s, insn, info);
	  break;
	case BPFI_LOWER_LD_IMM64:
	  emit_ld_imm64 (f, &s, insn, info);
	  break;
	case BPFI_LOWER_EXIT:
	  emit_exit (f, &s);
	  break;
	case BPFI_LOWER_CALL:
	  if (info->kind == BPFI_RELOC_CALL)
	    emit_call (f, &s, &emit_obj->funcs[info->index]);
	  else
	    emit_helper (f, &s, (enum bpfi_helper) info->index);
	  break;
	case BPFI_LOWER_JUMP:
	  emit_jump (f, &s, insn, i);
	  break;
	default:
	  gcc_unreachable ();
	}
    }
  /* The verifier guarantees no fall-off; keep the CFG sane anyway.  */
  if (f->cur)
    emit_exit (f, &s);

  XDELETEVEC (f->bb_of);
  XDELETEVEC (f->state_in);
  XDELETEVEC (f->has_phis);
  XDELETEVEC (f->phis);
}

/* ---------------------------------------------------------------------- */
/* Entry points.  */

/* Put the run-time switch in front of the hook whose first block is
   ENTRY, reached by edge E: a block that reads GUARD and goes to ENTRY
   when it is nonzero (predicted), to the hook's exit otherwise, with
   tag 0.  */
static void
emit_guard (frame *f, edge e, basic_block entry, tree guard)
{
  basic_block gb = make_block (f);
  redirect_edge_succ (e, gb);
  start_block (f, gb);
  tree flag = make_ssa_name (TREE_TYPE (guard));
  add_stmt (f, gimple_build_assign (flag, guard));
  add_stmt (f, gimple_build_cond (NE_EXPR, flag,
				  build_zero_cst (TREE_TYPE (flag)),
				  NULL_TREE, NULL_TREE));
  edge on = make_edge (gb, entry, EDGE_TRUE_VALUE);
  on->probability = profile_probability::very_likely ();
  edge off = make_edge (gb, f->exit_bb, EDGE_FALSE_VALUE);
  off->probability = on->probability.invert ();
  reg_state s;
  memset (&s, 0, sizeof s);
  set_reg (&s, REG_TAG, u64_cst (0));
  f->exit_edges.safe_push (off);
  f->exit_states.safe_push (s);
}

void
bpfi_emit_begin_function (void)
{
  stack_var = NULL_TREE;
  fn_changed = false;
  fn_new_loops = false;
}

tree
bpfi_emit_hook (struct bpfi_func *fn, gimple_stmt_iterator *gsi,
		const struct bpfi_operands *ops)
{
  gimple *stmt = gsi_stmt (*gsi);
  basic_block bb = gsi_bb (*gsi);
  fn_changed = true;

  frame f;
  memset (&f, 0, sizeof f);
  f.fn = fn;
  f.ops = ops;
  f.loc = ops->loc;
  f.loop = bb->loop_father;
  f.count = bb->count;
  f.stack_base = 0;

  uint32_t need = stack_need (fn);
  if (need)
    get_stack_var (need);

  /* Split before the statement: PRE holds what comes before, POST starts
     with the statement.  */
  gimple_stmt_iterator prev = *gsi;
  gsi_prev (&prev);
  edge e = split_block (bb, gsi_end_p (prev) ? (gimple *) NULL
					     : gsi_stmt (prev));
  basic_block post = e->dest;

  basic_block entry = make_block (&f);
  redirect_edge_succ (e, entry);
  f.exit_bb = make_block (&f);
  edge xe = make_edge (f.exit_bb, post, EDGE_FALLTHRU);
  xe->probability = profile_probability::always ();
  f.cur = entry;

  /* Operands into R1..R5; the rest start undefined.  */
  start_block (&f, entry);
  reg_state s;
  memset (&s, 0, sizeof s);
  for (unsigned i = 0; i < 5; i++)
    set_reg (&s, i + 1, i < ops->nargs ? operand_to_u64 (&f, ops->args[i])
				       : u64_cst (0));
  set_reg (&s, REG_TAG, u64_cst (0));

  emit_function (&f, &s);
  if (ops->guard != NULL_TREE)
    emit_guard (&f, e, entry, ops->guard);

  /* The result tag: a PHI over the exits when they differ.  */
  tree tag = NULL_TREE;
  bool sets_tag = bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_SET_TAG);
  if (sets_tag && !f.exit_edges.is_empty ())
    {
      bool same = true;
      tree first = f.exit_states[0].r[REG_TAG].val;
      for (unsigned i = 1; i < f.exit_edges.length (); i++)
	if (!operand_equal_p (first, f.exit_states[i].r[REG_TAG].val, 0))
	  same = false;
      if (same)
	tag = first;
      else
	{
	  tag = make_ssa_name (bpfi_u64_type);
	  gphi *phi = create_phi_node (tag, f.exit_bb);
	  for (unsigned i = 0; i < f.exit_edges.length (); i++)
	    add_phi_arg (phi, f.exit_states[i].r[REG_TAG].val,
			 f.exit_edges[i], f.loc);
	}
    }
  if (stack_var && need)
    {
      /* The hook's frame is dead after it: say so, so that the stack can
	 be shared and stores into it removed.  */
      gimple_stmt_iterator xg = gsi_start_bb (f.exit_bb);
      gimple *clob = gimple_build_assign (stack_var,
					  build_clobber (TREE_TYPE (stack_var)));
      gsi_insert_before (&xg, clob, GSI_NEW_STMT);
    }
  f.exit_edges.release ();
  f.exit_states.release ();

  *gsi = gsi_for_stmt (stmt);
  return tag;
}

unsigned int
bpfi_emit_end_function (void)
{
  if (!fn_changed)
    return 0;
  free_dominance_info (CDI_DOMINATORS);
  free_dominance_info (CDI_POST_DOMINATORS);
  if (current_loops && fn_new_loops)
    loops_state_set (LOOPS_NEED_FIXUP);
  mark_virtual_operands_for_renaming (cfun);
  stack_var = NULL_TREE;
  return TODO_update_ssa_only_virtuals | TODO_cleanup_cfg;
}
