/* emit-cfg.cc - the hook's control flow: the entry point of the emitter,
   the walk over a BPF function's instructions, joins, inlined BPF-to-BPF
   calls and the run-time switch's guard.

   BPF registers become SSA names of a 64-bit unsigned type.  The walk
   visits the instructions in order, carrying the registers' values; a
   jump delivers the values to its target as an "arrival", and where an
   instruction starts a block, the arrivals there are joined:

     none        no path reaches it: nothing is emitted until the next
                 instruction that some path reaches;
     one         the walk continues in the block it comes from (an open
                 block, falling through) or in a new block on its edge;
     several     a new block, with a PHI for each register whose values
                 differ;
     a loop head a block with a PHI for each live register, whose
                 arguments the back edges add later.

   Conditional jumps whose outcome is known are not emitted, so a hook
   instance without a real branch is straight-line code inserted before
   the instrumented statement, in its block.  The first real branch
   splits that block: the part from the instrumented statement on becomes
   the block every exit of the hook joins.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "ssa.h"
#include "fold-const.h"
#include "gimple-iterator.h"
#include "gimple-fold.h"
#include "tree-cfg.h"
#include "cfghooks.h"
#include "cfgloop.h"
#include "tree-into-ssa.h"
#include "tree-phinodes.h"
#include "tree-pass.h"
#include "tree-ssa-dce.h"

#include "bpf-emit.h"
#include "emit-int.h"

tree bpfi_u64_type;

struct emit_fn_state emit_fn;

/* ---------------------------------------------------------------------- */
/* Values.  */

tree
u64_cst (uint64_t v)
{
  return build_int_cst_type (bpfi_u64_type, (HOST_WIDE_INT) v);
}

tree
int_type (unsigned bits, bool uns)
{
  return build_nonstandard_integer_type (bits, uns);
}

void
add_stmt (frame *f, gimple *g)
{
  gimple_set_location (g, f->loc);
  gimple_seq_add_stmt_without_update (&f->seq, g);
}

/* Emit OP0 CODE OP1 in TYPE, simplified first (constants fold, and so do
   the patterns GCC's match.pd knows against the statements of the current
   block), and return its value.  */
tree
build_op (frame *f, enum tree_code code, tree type, tree op0, tree op1)
{
  tree t = op1 ? gimple_build (&f->seq, f->loc, code, type, op0, op1)
	       : gimple_build (&f->seq, f->loc, code, type, op0);
  if (TREE_CODE (t) == INTEGER_CST && TREE_OVERFLOW (t))
    t = drop_tree_overflow (t);
  return t;
}

/* Convert VAL to TYPE (an integer or pointer type), folding constants.  */
tree
convert_to (frame *f, tree type, tree val)
{
  if (useless_type_conversion_p (type, TREE_TYPE (val)))
    return val;
  return build_op (f, NOP_EXPR, type, val);
}

/* Zero-extend (or truncate) an operand of the program to 64 bits.  */
tree
operand_to_u64 (frame *f, tree val)
{
  if (val == NULL_TREE)
    return u64_cst (0);
  tree type = TREE_TYPE (val);
  if (POINTER_TYPE_P (type) || TREE_CODE (type) == OFFSET_TYPE
      || !TYPE_UNSIGNED (type) || TREE_CODE (type) != INTEGER_TYPE)
    val = convert_to (f, int_type (TYPE_PRECISION (type), 1), val);
  return convert_to (f, bpfi_u64_type, val);
}

/* The value of register R; an undefined register (only on paths that
   cannot read it) reads as 0.  */
tree
get_reg (const reg_state *s, int r)
{
  return s->r[r].val ? s->r[r].val : u64_cst (0);
}

void
set_reg (reg_state *s, int r, tree val)
{
  s->r[r].val = val;
  s->r[r].addr = NULL_TREE;
  s->r[r].off = 0;
}

/* ---------------------------------------------------------------------- */
/* Blocks and paths.  */

static basic_block
new_block (emit_ctx *ctx)
{
  basic_block bb = create_empty_bb (ctx->last_bb);
  if (current_loops)
    add_bb_to_loop (bb, ctx->loop);
  bb->count = ctx->count;
  ctx->last_bb = bb;
  return bb;
}

static void
start_block (frame *f, basic_block bb)
{
  f->cur = bb;
  f->gsi = gsi_last_bb (bb);
}

/* Insert the statements built so far at the end of the current block.  */
void
flush (frame *f)
{
  if (gimple_seq_empty_p (f->seq))
    return;
  for (gimple_stmt_iterator i = gsi_start (f->seq); !gsi_end_p (i);
       gsi_next (&i))
    {
      gimple *g = gsi_stmt (i);
      gimple_set_location (g, f->loc);
      suppress_warning (g);
      f->ctx->nstmts++;
      tree lhs = gimple_get_lhs (g);
      if (lhs && TREE_CODE (lhs) == SSA_NAME)
	bitmap_set_bit (emit_fn.defs, SSA_NAME_VERSION (lhs));
    }
  if (gsi_end_p (f->gsi))
    {
      /* Nothing before the insertion point: the block's start (before the
	 instrumented statement, when it is the first).  */
      gimple *last = gimple_seq_last_stmt (f->seq);
      f->gsi = gsi_start_bb (f->cur);
      gsi_insert_seq_before (&f->gsi, f->seq, GSI_SAME_STMT);
      f->gsi = gsi_for_stmt (last);
    }
  else
    gsi_insert_seq_after (&f->gsi, f->seq, GSI_CONTINUE_LINKING);
  f->seq = NULL;
}

/* The block the hook starts in gets its first successor: split it after
   AT (the last statement of the hook there, or NULL for none), so that
   the instrumented statement and what follows become the block the
   hook's exits join.  */
static void
split_orig (emit_ctx *ctx, gimple_stmt_iterator at)
{
  edge e = split_block (ctx->orig_bb, gsi_end_p (at) ? (gimple *) NULL
						     : gsi_stmt (at));
  ctx->post = e->dest;
  remove_edge (e);
}

/* Make the edge that arrival A takes to block TO; returns it.  */
static edge
connect (frame *f, const arrival &a, basic_block to)
{
  emit_ctx *ctx = f->ctx;
  if (a.from == ctx->orig_bb && ctx->post == NULL)
    split_orig (ctx, a.gsi);
  int flags = a.flags ? a.flags : EDGE_FALLTHRU;
  profile_probability p = a.flags ? a.prob : profile_probability::always ();
  basic_block from = a.from;
  if (find_edge (from, to))
    {
      /* Both edges of one branch to the same place: one goes through a
	 block of its own.  */
      basic_block fw = new_block (ctx);
      edge e = make_edge (from, fw, flags);
      e->probability = p;
      from = fw;
      flags = EDGE_FALLTHRU;
      p = profile_probability::always ();
    }
  edge e = make_edge (from, to, flags);
  e->probability = p;
  return e;
}

/* End the current block open, falling through with registers S: fill
   *OUT with that path.  */
void
leave_open (frame *f, const reg_state *s, arrival *out)
{
  flush (f);
  out->from = f->cur;
  out->flags = 0;
  out->prob = profile_probability::always ();
  out->gsi = f->gsi;
  out->state = *s;
  f->cur = NULL;
}

/* End the current block with "if (A CODE B)", registers S on both
   paths: *ON_TRUE and *ON_FALSE get the two paths.  When the outcome is
   known, no branch is emitted: the path taken leaves the block open and
   the other one is dead (FROM NULL).  */
void
branch (frame *f, enum tree_code code, tree a, tree b,
	profile_probability p_true, const reg_state *s, arrival *on_true,
	arrival *on_false)
{
  tree known = NULL_TREE;
  if (TREE_CODE (a) == INTEGER_CST && TREE_CODE (b) == INTEGER_CST)
    known = fold_binary (code, boolean_type_node, a, b);
  else if (operand_equal_p (a, b, 0))
    known = fold_binary (code, boolean_type_node, integer_zero_node,
			 integer_zero_node);
  if (known != NULL_TREE && TREE_CODE (known) == INTEGER_CST)
    {
      arrival *taken = integer_zerop (known) ? on_false : on_true;
      arrival *dead = integer_zerop (known) ? on_true : on_false;
      leave_open (f, s, taken);
      dead->from = NULL;
      return;
    }
  add_stmt (f, gimple_build_cond (code, a, b, NULL_TREE, NULL_TREE));
  flush (f);
  if (f->cur == f->ctx->orig_bb && f->ctx->post == NULL)
    split_orig (f->ctx, f->gsi);
  on_true->from = on_false->from = f->cur;
  on_true->flags = EDGE_TRUE_VALUE;
  on_false->flags = EDGE_FALSE_VALUE;
  on_true->prob = p_true;
  on_false->prob = p_true.invert ();
  on_true->state = on_false->state = *s;
  f->cur = NULL;
}

/* Are register values X and Y the same?  */
static bool
same_reg_p (const reg_val &x, const reg_val &y)
{
  tree a = x.val ? x.val : integer_zero_node;
  tree b = y.val ? y.val : integer_zero_node;
  if (x.val == NULL_TREE || y.val == NULL_TREE)
    {
      if (!(integer_zerop (a) && integer_zerop (b)))
	return false;
    }
  else if (!operand_equal_p (a, b, 0))
    return false;
  if ((x.addr == NULL_TREE) != (y.addr == NULL_TREE))
    return false;
  return (x.addr == NULL_TREE
	  || (operand_equal_p (x.addr, y.addr, 0) && x.off == y.off));
}

/* Join the paths ARRIVALS and continue where they meet: in block TO when
   given (the hook's exit), else in the block a single path comes from or
   in a new one.  The registers in MERGE get the arrivals' values (a PHI
   where they differ); the others get BASE's (undefined without BASE).
   *OUT receives the registers after the join.  Releases ARRIVALS.  */
void
join (frame *f, vec<arrival> &arrivals, basic_block to, unsigned merge,
      const reg_state *base, reg_state *out)
{
  unsigned n = 0;
  arrival *one = NULL;
  for (unsigned i = 0; i < arrivals.length (); i++)
    if (arrivals[i].from != NULL)
      {
	n++;
	one = &arrivals[i];
      }
  if (base)
    *out = *base;
  else
    memset (out, 0, sizeof *out);
  if (n == 0)
    {
      f->cur = NULL;
      arrivals.release ();
      return;
    }

  basic_block bb = to;
  auto_vec<edge, 8> edges;
  if (n == 1 && to == NULL && one->flags == 0)
    {
      /* Keep filling the block the one path comes from.  */
      f->cur = one->from;
      f->gsi = one->gsi;
    }
  else
    {
      if (bb == NULL)
	bb = new_block (f->ctx);
      for (unsigned i = 0; i < arrivals.length (); i++)
	edges.safe_push (arrivals[i].from != NULL
			 ? connect (f, arrivals[i], bb) : NULL);
      start_block (f, bb);
    }

  for (int r = 0; r < NSTATE; r++)
    {
      if (!(merge & MERGE_REG (r)))
	continue;
      bool same = true;
      for (unsigned i = 0; i < arrivals.length (); i++)
	if (arrivals[i].from != NULL
	    && !same_reg_p (arrivals[i].state.r[r], one->state.r[r]))
	  same = false;
      if (same || n == 1)
	{
	  out->r[r] = one->state.r[r];
	  continue;
	}
      tree res = make_ssa_name (bpfi_u64_type);
      gphi *phi = create_phi_node (res, bb);
      f->ctx->nstmts++;
      bitmap_set_bit (emit_fn.defs, SSA_NAME_VERSION (res));
      for (unsigned i = 0; i < arrivals.length (); i++)
	if (arrivals[i].from != NULL)
	  add_phi_arg (phi, get_reg (&arrivals[i].state, r), edges[i],
		       f->loc);
      set_reg (out, r, res);
    }
  arrivals.release ();
}

/* Continue the walk on the one path A, with its registers in *OUT.  */
void
continue_on (frame *f, const arrival &a, reg_state *out)
{
  auto_vec<arrival> w;
  w.safe_push (a);
  join (f, w, NULL, MERGE_ALL, NULL, out);
}

/* Path A leaves the function being emitted (unless it is dead).  */
void
add_exit (frame *f, const arrival &a)
{
  if (a.from != NULL)
    f->exits.safe_push (a);
}

/* The current block leaves the function, with registers S.  */
void
emit_exit (frame *f, const reg_state *s)
{
  arrival a;
  leave_open (f, s, &a);
  add_exit (f, a);
}

/* ---------------------------------------------------------------------- */
/* Walking a BPF function.  */

/* Give arrival A to instruction TARGET of F's function: a forward one
   waits there; a back edge goes to the loop head's block at once.  */
static void
deliver (frame *f, size_t target, const arrival &a)
{
  if (a.from == NULL)
    return;
  if (f->loop_bb[target] == NULL)
    {
      f->pending[target].safe_push (a);
      return;
    }
  edge e = connect (f, a, f->loop_bb[target]);
  for (int r = 0; r < NSTATE; r++)
    {
      tree res = f->loop_phis[target * NSTATE + r];
      if (res)
	add_phi_arg (as_a <gphi *> (SSA_NAME_DEF_STMT (res)),
		     get_reg (&a.state, r), e, f->loc);
    }
}

/* Registers that may be read at instruction I: those initialized on
   every path reaching it (the verifier's live_in), and the result tag.  */
static unsigned
live_mask (const struct bpfi_func *fn, size_t i)
{
  return (fn->info[i].live_in & ~MERGE_REG (REG_FP)) | MERGE_REG (REG_TAG);
}

/* Start the block of loop head I: PHIs for the live registers, whose
   arguments come from the paths waiting there now and from the back
   edges later.  */
static void
start_loop_head (frame *f, size_t i, reg_state *s)
{
  basic_block bb = new_block (f->ctx);
  unsigned live = live_mask (f->fn, i);
  memset (s, 0, sizeof *s);
  for (int r = 0; r < NSTATE; r++)
    if (live & MERGE_REG (r))
      {
	tree res = make_ssa_name (bpfi_u64_type);
	create_phi_node (res, bb);
	f->ctx->nstmts++;
	bitmap_set_bit (emit_fn.defs, SSA_NAME_VERSION (res));
	f->loop_phis[i * NSTATE + r] = res;
	set_reg (s, r, res);
      }
  f->loop_bb[i] = bb;
  emit_fn.new_loops = true;
  vec<arrival> &w = f->pending[i];
  for (unsigned k = 0; k < w.length (); k++)
    deliver (f, i, w[k]);
  w.release ();
  start_block (f, bb);
}

/* A conditional or unconditional jump at PC.  */
void
emit_jump (frame *f, reg_state *s, const struct bpf_insn *insn, int pc)
{
  size_t target = pc + insn->off + 1;
  size_t next = pc + 1;
  arrival t, e;
  if (BPF_OP (insn->code) == BPF_JA)
    {
      leave_open (f, s, &t);
      deliver (f, target, t);
      return;
    }
  if (target == next)
    return;		/* both ways lead to the next instruction */

  bool is32 = BPF_CLASS (insn->code) == BPF_JMP32;
  bool sign = false, jset = false;
  enum tree_code code;
  switch (BPF_OP (insn->code))
    {
    case BPF_JEQ: code = EQ_EXPR; break;
    case BPF_JNE: code = NE_EXPR; break;
    case BPF_JGT: code = GT_EXPR; break;
    case BPF_JGE: code = GE_EXPR; break;
    case BPF_JLT: code = LT_EXPR; break;
    case BPF_JLE: code = LE_EXPR; break;
    case BPF_JSGT: code = GT_EXPR; sign = true; break;
    case BPF_JSGE: code = GE_EXPR; sign = true; break;
    case BPF_JSLT: code = LT_EXPR; sign = true; break;
    case BPF_JSLE: code = LE_EXPR; sign = true; break;
    case BPF_JSET: code = NE_EXPR; jset = true; break;
    default: gcc_unreachable ();	/* the verifier refused it */
    }
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
  branch (f, code, a, b, profile_probability::even (), s, &t, &e);
  deliver (f, target, t);
  deliver (f, next, e);
}

/* Inline the BPF-to-BPF call of CALLEE at F->cur, the call instruction's
   facts INFO.  The callee's frame is the next one of the stack array; on
   return R0 and the result tag come from the callee, R6-R9 are the
   caller's, R1-R5 are clobbered.  */
void
emit_call (frame *f, reg_state *s, const struct bpfi_func *callee,
	   const struct bpfi_insn_info *info)
{
  flush (f);
  frame cf;
  memset (&cf, 0, sizeof cf);
  cf.ctx = f->ctx;
  cf.fn = callee;
  cf.ops = f->ops;
  cf.stack_base = f->stack_base + frame_size (f->fn);
  /* The pointers into this frame or a caller's it passes.  */
  for (int r = 1; r <= 5; r++)
    {
      int what = BPFI_CALL_ARG (info, r);
      if (what == BPFI_CALL_ARG_STACK
	  || (what >= 1 && what <= 5 && (f->stack_args & (1u << what))))
	cf.stack_args |= (uint8_t) (1u << r);
    }
  cf.loc = f->loc;
  cf.cur = f->cur;
  cf.gsi = f->gsi;

  reg_state in = *s;
  for (int r = 6; r <= 9; r++)
    set_reg (&in, r, NULL_TREE);
  set_reg (&in, 0, NULL_TREE);
  emit_function (&cf, &in);

  reg_state out;
  join (f, cf.exits, NULL, MERGE_REG (0) | MERGE_REG (REG_TAG), s, &out);
  for (int r = 1; r <= 5; r++)
    set_reg (&out, r, NULL_TREE);
  *s = out;
}

/* Emit the body of F->fn from F->cur with registers ENTRY_STATE; every
   EXIT becomes a path in F->exits.  */
void
emit_function (frame *f, reg_state *entry_state)
{
  const struct bpfi_func *fn = f->fn;
  size_t n = fn->ninsns;

  f->pending = XCNEWVEC (vec<arrival>, n);
  f->loop_bb = XCNEWVEC (basic_block, n);
  f->loop_phis = XCNEWVEC (tree, n * NSTATE);

  reg_state s = *entry_state;
  for (size_t i = 0; i < n; i++)
    {
      const struct bpf_insn *insn = &fn->insns[i];
      const struct bpfi_insn_info *info = &fn->info[i];
      if (!(info->flags & BPFI_INSN_REACHABLE)
	  || (info->flags & BPFI_INSN_IMM64_HI))
	continue;
      if (i == 0 || (info->flags & BPFI_INSN_LEADER))
	{
	  if (f->cur)
	    {
	      arrival a;
	      leave_open (f, &s, &a);
	      f->pending[i].safe_push (a);
	    }
	  if (info->flags & BPFI_INSN_LOOP_HEAD)
	    start_loop_head (f, i, &s);
	  else
	    join (f, f->pending[i], NULL, live_mask (fn, i), NULL, &s);
	  set_reg (&s, REG_FP, u64_cst (frame_top (f)));
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
	    emit_call (f, &s, &emit_obj->funcs[info->index], info);
	  else
	    emit_helper (f, &s, (enum bpfi_helper) info->index, info);
	  break;
	case BPFI_LOWER_JUMP:
	  emit_jump (f, &s, insn, i);
	  break;
	default:
	  gcc_unreachable ();	/* the verifier refused it */
	}
    }
  /* The verifier guarantees no fall-off; keep the CFG sane anyway.  */
  if (f->cur)
    emit_exit (f, &s);

  for (size_t i = 0; i < n; i++)
    f->pending[i].release ();
  XDELETEVEC (f->pending);
  XDELETEVEC (f->loop_bb);
  XDELETEVEC (f->loop_phis);
}

/* ---------------------------------------------------------------------- */
/* The stack array of the instrumented function.  */

/* The array of SIZE bytes at least for a hook instance: the one SRA
   scalarizes, or (ADDRESSED) the addressable one.  */
static tree
get_stack_var (uint32_t size, bool addressed)
{
  tree *slot = addressed ? &emit_fn.stack_addr : &emit_fn.stack;
  tree v = *slot;
  if (v && tree_to_uhwi (TYPE_SIZE_UNIT (TREE_TYPE (v))) >= size)
    return v;
  /* A larger hook than the ones before: a new, larger array.  */
  tree type = build_array_type_nelts (unsigned_char_type_node, size);
  v = create_tmp_var (type, addressed ? "bpf_stack_addressed" : "bpf_stack");
  SET_DECL_ALIGN (v, 64);
  if (addressed)
    TREE_ADDRESSABLE (v) = 1;
  suppress_warning (v);
  *slot = v;
  return v;
}

/* ---------------------------------------------------------------------- */
/* Entry points.  */

void
bpfi_emit_init (struct bpfi_object *obj)
{
  bpfi_u64_type = build_nonstandard_integer_type (64, 1);
  decls_init (obj);
}

void
bpfi_emit_begin_function (void)
{
  memset (&emit_fn, 0, sizeof emit_fn);
  emit_fn.defs = BITMAP_ALLOC (NULL);
}

/* Put the run-time switch GUARD in front of the hook: the hook runs when
   it is nonzero (predicted); otherwise the operation's tag is 0.  */
static void
emit_guard (frame *f, reg_state *s, tree guard)
{
  tree flag = make_ssa_name (TREE_TYPE (guard));
  add_stmt (f, gimple_build_assign (flag, guard));
  arrival on, off;
  branch (f, NE_EXPR, flag, build_zero_cst (TREE_TYPE (flag)),
	  profile_probability::very_likely (), s, &on, &off);
  memset (&off.state, 0, sizeof off.state);
  set_reg (&off.state, REG_TAG, u64_cst (0));
  add_exit (f, off);
  continue_on (f, on, s);
}

tree
bpfi_emit_hook (struct bpfi_func *fn, gimple_stmt_iterator *gsi,
		const struct bpfi_operands *ops)
{
  outline_fn *o = outline_lookup (fn, ops);
  unsigned added = 0;
  struct bpfi_operands here = *ops;
  here.stmts_added = &added;
  tree tag = emit_hook_at (fn, gsi, &here, o);
  if (o == NULL)
    outline_note_inline (fn, ops, added);
  if (ops->stmts_added)
    *ops->stmts_added = added;
  return tag;
}

/* Insert an instance of hook FN with operands OPS at *GSI, as
   bpfi_emit_hook says: inline, or as a call of OUTLINED.  */

tree
emit_hook_at (struct bpfi_func *fn, gimple_stmt_iterator *gsi,
	      const struct bpfi_operands *ops, outline_fn *outlined)
{
  emit_fn.changed = true;

  emit_ctx ctx;
  memset (&ctx, 0, sizeof ctx);
  ctx.ops = ops;
  ctx.loc = ops->loc;
  ctx.stmt = gsi_end_p (*gsi) ? NULL : gsi_stmt (*gsi);
  ctx.orig_bb = gsi_bb (*gsi);
  ctx.last_bb = ctx.orig_bb;
  ctx.loop = ctx.orig_bb->loop_father;
  ctx.count = ctx.orig_bb->count;
  uint32_t need = outlined ? 0 : stack_need (fn);
  if (need)
    ctx.stack = get_stack_var (need, fn->stack_var);

  frame f;
  memset (&f, 0, sizeof f);
  f.ctx = &ctx;
  f.fn = fn;
  f.ops = ops;
  f.loc = ops->loc;
  f.cur = ctx.orig_bb;
  if (ctx.stmt)
    {
      /* After the statement before the instrumented one (at the block's
	 start when there is none).  */
      f.gsi = *gsi;
      gsi_prev (&f.gsi);
    }
  else
    f.gsi = gsi_last_bb (ctx.orig_bb);

  /* Operands into R1..R5 (those the hook reads); the rest start
     undefined.  */
  reg_state s;
  memset (&s, 0, sizeof s);
  for (unsigned i = 0; i < 5; i++)
    {
      bool read = (!outlined
		   && (!fn->verified || (fn->args_read & (1u << (i + 1)))));
      set_reg (&s, i + 1, i < ops->nargs && read
			  ? operand_to_u64 (&f, ops->args[i]) : u64_cst (0));
    }
  set_reg (&s, REG_TAG, u64_cst (0));
  set_reg (&s, REG_FP, u64_cst (0));
  if (ops->guard != NULL_TREE)
    emit_guard (&f, &s, ops->guard);
  if (f.cur && outlined)
    {
      emit_outline_call (&f, &s, outlined);
      emit_exit (&f, &s);
    }
  else if (f.cur)
    emit_function (&f, &s);

  /* The exits meet before the instrumented statement: in its own block
     when the hook did not branch, else in the block that starts with it.
     The result tag is a PHI there when the paths set different ones.  */
  reg_state out;
  arrival *only = f.exits.length () == 1 ? &f.exits[0] : NULL;
  if (ctx.post == NULL && only && only->from == ctx.orig_bb && !only->flags)
    {
      out = only->state;
      f.exits.release ();
    }
  else
    {
      if (ctx.post == NULL)
	{
	  /* Cannot happen (a path besides the open one needs a branch,
	     which splits the block); keep the CFG sane anyway.  */
	  gimple_stmt_iterator at = f.gsi;
	  split_orig (&ctx, at);
	}
      join (&f, f.exits, ctx.post, MERGE_REG (REG_TAG), NULL, &out);
    }

  if (ctx.stack)
    {
      /* The hook's frame is dead after it: say so, so that the stack can
	 be shared and stores into it removed.  */
      ctx.nstmts++;
      gimple *clob = gimple_build_assign (ctx.stack,
					  build_clobber (TREE_TYPE
							 (ctx.stack)));
      if (ctx.stmt)
	{
	  gimple_stmt_iterator at = gsi_for_stmt (ctx.stmt);
	  gsi_insert_before (&at, clob, GSI_SAME_STMT);
	}
      else
	{
	  gimple_stmt_iterator at
	    = gsi_last_bb (ctx.post ? ctx.post : ctx.orig_bb);
	  gsi_insert_after (&at, clob, GSI_NEW_STMT);
	}
    }

  if (ops->stmts_added)
    *ops->stmts_added = ctx.nstmts;
  if (ctx.stmt)
    *gsi = gsi_for_stmt (ctx.stmt);
  if (!bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_SET_TAG))
    return NULL_TREE;
  return get_reg (&out, REG_TAG);
}

unsigned int
bpfi_emit_end_function (void)
{
  if (!emit_fn.changed)
    return 0;
  free_dominance_info (CDI_DOMINATORS);
  free_dominance_info (CDI_POST_DOMINATORS);
  if (current_loops && emit_fn.new_loops)
    loops_state_set (LOOPS_NEED_FIXUP);
  mark_virtual_operands_for_renaming (cfun);
  emit_fn.stack = NULL_TREE;
  emit_fn.stack_addr = NULL_TREE;
  return TODO_update_ssa_only_virtuals | TODO_cleanup_cfg;
}

void
bpfi_emit_remove_dead (void)
{
  /* Values the hooks computed for nothing: operands they do not read,
     results no path uses (at -O0 nothing else would remove them).  */
  simple_dce_from_worklist (emit_fn.defs);
  BITMAP_FREE (emit_fn.defs);
}
