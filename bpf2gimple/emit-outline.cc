/* emit-outline.cc - big hooks out of line.

   A hook whose instances stay big after folding (one that updates
   several counters and mixes its operands into a hash at every
   operation, say) costs GCC's passes in proportion to the number of
   operations it instruments.  Such instances become calls: each hook,
   with each set of compile-time facts its instances have (operand and
   result widths, condition code), gets one function of its own,
   lowered once, taking as parameters what varies from one instance to
   the next and the hook reads: its arguments, the operands' tags,
   pseudo_pc (), condition_result () and the extensions' func_id (),
   func_addr (), func_name () and branch_target ().  It returns the
   result's tag when the hook sets one.

   The first instance of each is inlined and counted; when it added more
   statements than the threshold (bpfi_emit_set_outline), the later ones
   call the function, which is made then.  An instance that would pass the
   hook an address of the program's stays inline when GCC optimizes,
   unless it is very big (passes_address_p).  The
   functions are local to the translation unit, never inlined, and never
   instrumented.  */

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
#include "function.h"
#include "gimple-iterator.h"
#include "tree-cfg.h"
#include "tree-cfgcleanup.h"
#include "cfghooks.h"
#include "cfgloop.h"
#include "tree-into-ssa.h"
#include "tree-ssa.h"
#include "tree-ssa-operands.h"
#include "tree-dfa.h"
#include "tree-pass.h"

#include "bpf-emit.h"
#include "emit-int.h"

struct outline_fn
{
  /* The hook and the compile-time facts of its instances.  */
  const struct bpfi_func *fn;
  unsigned nargs;
  unsigned width_res;
  unsigned width[3];
  int condition;
  int call_kind;
  /* Statements the first instance added inline, -1 before it.  */
  int inline_stmts;
  /* The parameters, in this order: the arguments (bit I: argument I),
     the operands' tags (bit I: tag I), pseudo_pc (), condition_result
     (), func_id (), func_addr (), func_name (), branch_target ().  */
  unsigned args, tags;
  bool pc, cr;
  bool fid, faddr, fname, target;
  bool returns_tag;
  tree decl;			/* the function, once made */
};

/* For the translation unit: the functions so far (made or not), the
   threshold, and how many functions and calls there are.  */
static struct
{
  vec<outline_fn *> all;
  int threshold = -1;
  unsigned functions;
  unsigned long calls;
} outline_tu;

void
bpfi_emit_set_outline (int threshold)
{
  outline_tu.threshold = threshold;
}

void
bpfi_emit_outline_stats (unsigned *functions, unsigned long *calls)
{
  *functions = outline_tu.functions;
  *calls = outline_tu.calls;
}

/* The entry for FN with the facts of OPS, made if needed.  */

static outline_fn *
outline_entry (const struct bpfi_func *fn, const struct bpfi_operands *ops)
{
  for (unsigned i = 0; i < outline_tu.all.length (); i++)
    {
      outline_fn *o = outline_tu.all[i];
      if (o->fn == fn && o->nargs == ops->nargs
	  && o->width_res == ops->width_res
	  && o->width[0] == ops->width[0] && o->width[1] == ops->width[1]
	  && o->width[2] == ops->width[2] && o->condition == ops->condition
	  && o->call_kind == ops->call_kind)
	return o;
    }
  outline_fn *o = XCNEW (outline_fn);
  o->fn = fn;
  o->nargs = ops->nargs;
  o->width_res = ops->width_res;
  for (int i = 0; i < 3; i++)
    o->width[i] = ops->width[i];
  o->condition = ops->condition;
  o->call_kind = ops->call_kind;
  o->inline_stmts = -1;
  for (unsigned i = 0; i < ops->nargs && i < 5; i++)
    if (!fn->verified || (fn->args_read & (1u << (i + 1))))
      o->args |= 1u << i;
  bool all_tags = bpfi_func_uses_helper (emit_obj, fn,
					 BPFI_HELPER_STOP_IF_NO_TAGS);
  for (int i = 0; i < 3; i++)
    if (all_tags
	|| bpfi_func_uses_helper (emit_obj, fn,
				  (enum bpfi_helper) (BPFI_HELPER_TAG1 + i)))
      o->tags |= 1u << i;
  o->pc = bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_PSEUDO_PC);
  o->cr = bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_CONDITION_RESULT);
  o->fid = bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_FUNC_ID);
  o->faddr = bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_FUNC_ADDR);
  o->fname = bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_FUNC_NAME);
  o->target = bpfi_func_uses_helper (emit_obj, fn,
				     BPFI_HELPER_BRANCH_TARGET);
  o->returns_tag = bpfi_func_uses_helper (emit_obj, fn, BPFI_HELPER_SET_TAG);
  outline_tu.all.safe_push (o);
  return o;
}

/* Make O's function: its body is the hook, inlined with the parameters
   as operands, in a function of its own.  Called while another function
   is being instrumented, whose emitter state is kept aside meanwhile.  */

static void
make_outlined (outline_fn *o, const struct bpfi_operands *proto)
{
  tree u64 = bpfi_u64_type;
  unsigned nparms = 0;
  for (int i = 0; i < 5; i++)
    nparms += (o->args >> i) & 1;
  for (int i = 0; i < 3; i++)
    nparms += (o->tags >> i) & 1;
  nparms += o->pc + o->cr + o->fid + o->faddr + o->fname + o->target;
  auto_vec<tree, 16> types;
  for (unsigned i = 0; i < nparms; i++)
    types.safe_push (u64);
  tree rtype = o->returns_tag ? u64 : void_type_node;
  tree fntype = build_function_type_array (rtype, nparms, types.address ());

  char name[256];
  snprintf (name, sizeof name, "__bpfinst_%016llx.%s.%u",
	    (unsigned long long) emit_obj->id, o->fn->name,
	    outline_tu.functions);
  tree decl = build_decl (UNKNOWN_LOCATION, FUNCTION_DECL,
			  get_identifier (name), fntype);
  TREE_STATIC (decl) = 1;
  TREE_USED (decl) = 1;
  TREE_PUBLIC (decl) = 0;
  DECL_EXTERNAL (decl) = 0;
  DECL_ARTIFICIAL (decl) = 1;
  DECL_IGNORED_P (decl) = 1;
  DECL_UNINLINABLE (decl) = 1;
  TREE_NOTHROW (decl) = 1;
  DECL_ATTRIBUTES (decl)
    = tree_cons (get_identifier ("no_instrument_function"), NULL_TREE,
		 tree_cons (get_identifier ("noinline"), NULL_TREE,
			    NULL_TREE));
  tree block = make_node (BLOCK);
  BLOCK_SUPERCONTEXT (block) = decl;
  TREE_USED (block) = 1;
  DECL_INITIAL (decl) = block;
  tree res = build_decl (UNKNOWN_LOCATION, RESULT_DECL, NULL_TREE, rtype);
  DECL_ARTIFICIAL (res) = 1;
  DECL_IGNORED_P (res) = 1;
  DECL_CONTEXT (res) = decl;
  DECL_RESULT (decl) = res;
  tree parms = NULL_TREE, *link = &parms;
  for (unsigned i = 0; i < nparms; i++)
    {
      tree p = build_decl (UNKNOWN_LOCATION, PARM_DECL, NULL_TREE, u64);
      DECL_ARG_TYPE (p) = u64;
      DECL_CONTEXT (p) = decl;
      DECL_ARTIFICIAL (p) = 1;
      *link = p;
      link = &DECL_CHAIN (p);
    }
  DECL_ARGUMENTS (decl) = parms;

  /* The new function: entry, one block ending in the return, exit.  */
  unsigned props = cfun->curr_properties;
  struct emit_fn_state saved = emit_fn;
  push_struct_function (decl);
  init_empty_tree_cfg ();
  init_tree_ssa (cfun);
  init_ssa_operands (cfun);
  cfun->gimple_df->in_ssa_p = true;
  cfun->curr_properties = props;
  struct loops *loops = ggc_cleared_alloc<struct loops> ();
  init_loops_structure (cfun, loops, 1);
  set_loops_for_fn (cfun, loops);
  basic_block bb = create_empty_bb (ENTRY_BLOCK_PTR_FOR_FN (cfun));
  add_bb_to_loop (bb, current_loops->tree_root);
  edge e = make_edge (ENTRY_BLOCK_PTR_FOR_FN (cfun), bb, EDGE_FALLTHRU);
  e->probability = profile_probability::always ();
  make_edge (bb, EXIT_BLOCK_PTR_FOR_FN (cfun), 0);
  greturn *ret = gimple_build_return (NULL_TREE);
  gimple_stmt_iterator gsi = gsi_start_bb (bb);
  gsi_insert_after (&gsi, ret, GSI_NEW_STMT);

  /* The operands: the parameters where they vary, the facts where they
     do not.  */
  struct bpfi_operands ops = *proto;
  tree p = parms;
  for (int i = 0; i < 5; i++)
    {
      ops.args[i] = u64_cst (0);
      if ((o->args >> i) & 1)
	{
	  ops.args[i] = get_or_create_ssa_default_def (cfun, p);
	  p = DECL_CHAIN (p);
	}
    }
  for (int i = 0; i < 3; i++)
    {
      ops.tags[i] = NULL_TREE;
      if ((o->tags >> i) & 1)
	{
	  ops.tags[i] = get_or_create_ssa_default_def (cfun, p);
	  p = DECL_CHAIN (p);
	}
    }
  ops.pseudo_pc_val = NULL_TREE;
  if (o->pc)
    {
      ops.pseudo_pc_val = get_or_create_ssa_default_def (cfun, p);
      p = DECL_CHAIN (p);
    }
  ops.condition_result = NULL_TREE;
  if (o->cr)
    {
      ops.condition_result = get_or_create_ssa_default_def (cfun, p);
      p = DECL_CHAIN (p);
    }
  tree *ext[] = { &ops.func_id, &ops.func_addr, &ops.func_name,
		  &ops.branch_target };
  bool ext_p[] = { o->fid, o->faddr, o->fname, o->target };
  for (int i = 0; i < 4; i++)
    {
      *ext[i] = NULL_TREE;
      if (ext_p[i])
	{
	  *ext[i] = get_or_create_ssa_default_def (cfun, p);
	  p = DECL_CHAIN (p);
	}
    }
  ops.guard = NULL_TREE;
  ops.stmts_added = NULL;
  ops.loc = UNKNOWN_LOCATION;

  bpfi_emit_begin_function ();
  gsi = gsi_for_stmt (ret);
  tree tag = emit_hook_at (const_cast<struct bpfi_func *> (o->fn), &gsi,
			   &ops, NULL);
  if (o->returns_tag)
    {
      gimple_return_set_retval (ret, tag ? tag : u64_cst (0));
      update_stmt (ret);
    }
  bpfi_emit_end_function ();
  bpfi_emit_remove_dead ();
  /* Blocks whose conditions folded while emitting may be left without a
     way in: gone before update_ssa computes dominators.  */
  delete_unreachable_blocks ();
  update_ssa (TODO_update_ssa_only_virtuals);
  cleanup_tree_cfg ();
  pop_cfun ();
  emit_fn = saved;

  cgraph_node::add_new_function (decl, true);
  push_cfun (DECL_STRUCT_FUNCTION (decl));
  cgraph_edge::rebuild_edges ();
  pop_cfun ();
  o->decl = decl;
  outline_tu.functions++;
}

bool
bpfi_emit_outlined_p (const struct bpfi_func *fn)
{
  if (outline_tu.threshold < 0)
    return false;
  for (unsigned i = 0; i < outline_tu.all.length (); i++)
    if (outline_tu.all[i]->fn == fn && outline_tu.all[i]->inline_stmts > outline_tu.threshold)
      return true;
  return false;
}

/* Does an instance with operands OPS pass the hook an address of the
   program's?  A call would make the object it points to escape, and an
   optimizing GCC would then keep it in memory and reload it across every
   call: such instances stay inline, where GCC sees what the hook does
   with the address, unless they are very big (ADDRESS_FACTOR times the
   threshold).  */

static bool
passes_address_p (const struct bpfi_func *fn, const struct bpfi_operands *ops)
{
  for (unsigned i = 0; i < ops->nargs && i < 5; i++)
    if ((!fn->verified || (fn->args_read & (1u << (i + 1))))
	&& ops->args[i] != NULL_TREE
	&& POINTER_TYPE_P (TREE_TYPE (ops->args[i])))
      return true;
  return false;
}

#define ADDRESS_FACTOR 4

outline_fn *
outline_lookup (const struct bpfi_func *fn, const struct bpfi_operands *ops)
{
  if (outline_tu.threshold < 0 || ops->pseudo_pc_val != NULL_TREE)
    return NULL;
  outline_fn *o = outline_entry (fn, ops);
  int threshold = outline_tu.threshold;
  if (optimize && passes_address_p (fn, ops))
    threshold *= ADDRESS_FACTOR;
  if (o->inline_stmts < 0 || o->inline_stmts <= threshold)
    return NULL;
  if (o->decl == NULL_TREE)
    make_outlined (o, ops);
  return o;
}

void
outline_note_inline (const struct bpfi_func *fn,
		     const struct bpfi_operands *ops, unsigned nstmts)
{
  if (outline_tu.threshold < 0 || ops->pseudo_pc_val != NULL_TREE)
    return;
  outline_fn *o = outline_entry (fn, ops);
  if (o->inline_stmts < 0)
    o->inline_stmts = (int) nstmts;
}

/* The call of O in place of an instance with operands F->ops: the
   result's tag, when the hook sets one, is the call's value.  */

void
emit_outline_call (frame *f, reg_state *s, outline_fn *o)
{
  const struct bpfi_operands *ops = f->ops;
  auto_vec<tree, 16> args;
  for (int i = 0; i < 5; i++)
    if ((o->args >> i) & 1)
      args.safe_push (operand_to_u64 (f, ops->args[i]));
  for (int i = 0; i < 3; i++)
    if ((o->tags >> i) & 1)
      args.safe_push (ops->tags[i] ? convert_to (f, bpfi_u64_type,
						  ops->tags[i])
				   : u64_cst (0));
  if (o->pc)
    args.safe_push (u64_cst (ops->pseudo_pc));
  if (o->cr)
    args.safe_push (operand_to_u64 (f, ops->condition_result));
  tree ext[] = { ops->func_id, ops->func_addr, ops->func_name,
		 ops->branch_target };
  bool ext_p[] = { o->fid, o->faddr, o->fname, o->target };
  for (int i = 0; i < 4; i++)
    if (ext_p[i])
      args.safe_push (operand_to_u64 (f, ext[i]));
  gcall *call = gimple_build_call_vec (o->decl, args);
  if (o->returns_tag)
    {
      tree lhs = make_ssa_name (bpfi_u64_type);
      gimple_call_set_lhs (call, lhs);
      set_reg (s, REG_TAG, lhs);
    }
  add_stmt (f, call);
  outline_tu.calls++;
}
