/* tags.cc - shadow tags for the values of the current function.

   When the instrumenter both sets tags (set_tag) and reads them (tag1/2/3,
   stop_if_no_tags), every SSA value of an instrumented type may carry a
   tag: a 64-bit value computed by the inserted code alongside the
   program's own.  The tag of an SSA name is itself an SSA name (or a
   constant), kept in a map while the function is instrumented:

   - an operation with a hook gets the tag its hook sets (0 on paths where
     it sets none), see instrument.cc;
   - copies, and conversions that no hook instruments, pass the tag on;
   - a PHI of values gets a PHI of their tags;
   - parameters and call results get the tags the caller or callee left in
     the runtime's per-thread slots, guarded by the identity of the
     function they are meant for, so that code built without the engine
     always yields tag 0 (the protocol is described with the slots, in
     libtag/bpfinst-abi.h);
   - byte swaps, bit counts and arithmetic with an overflow flag (built-in
     and internal functions) combine their operands' tags;
   - everything else (constants, operations whose hook the instrumenter
     does not define, results of other built-in and internal functions)
     has tag 0, which is represented by NULL_TREE and costs nothing.

   An instrumenter that does not use tags gets none of this code.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "ssa.h"
#include "cgraph.h"
#include "stringpool.h"
#include "varasm.h"
#include "fold-const.h"
#include "gimple-iterator.h"
#include "tree-cfg.h"
#include "tree-dfa.h"
#include "gimplify.h"
#include "ggc.h"
#include "hash-map.h"

#include "bpf-emit.h"
#include "hook-table.h"
#include "plugin.h"

/* For the translation unit: are tags tracked, and the declaration of
   the runtime's slots.  */
static struct
{
  bool on;
  tree slots_decl;
} tags_tu;

static const struct ggc_root_tab tags_root_tab[] = {
  { &tags_tu.slots_decl, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

/* For the function being instrumented.  */
static struct
{
  /* SSA name -> its tag.  */
  hash_map<tree, tree> *map;
  /* Has tag code been inserted?  */
  bool changed;
  /* The tag PHIs made for the function's PHIs: (value PHI result, tag
     PHI result) pairs, whose arguments are filled in at the end.  */
  vec<tree> phi_pairs;
} tags_fn;

bool
tags_enabled_p (void)
{
  return tags_tu.on;
}

void
tags_init (struct bpfi_object *obj, bool force_off)
{
  bool sets = false, reads = false;
  for (size_t i = 0; i < obj->nfuncs; i++)
    {
      const struct bpfi_func *fn = &obj->funcs[i];
      if (!fn->global || !fn->verified)
	continue;
      sets |= bpfi_func_uses_helper (obj, fn, BPFI_HELPER_SET_TAG);
      reads |= (bpfi_func_uses_helper (obj, fn, BPFI_HELPER_TAG1)
		|| bpfi_func_uses_helper (obj, fn, BPFI_HELPER_TAG2)
		|| bpfi_func_uses_helper (obj, fn, BPFI_HELPER_TAG3)
		|| bpfi_func_uses_helper (obj, fn,
					  BPFI_HELPER_STOP_IF_NO_TAGS));
    }
  /* Tags nobody sets are all 0; tags nobody reads do not matter.  */
  tags_tu.on = sets && reads && !force_off;
  if (tags_tu.on)
    ggc_register_root_tab (tags_root_tab);
}

/* Does a value of TYPE carry a tag?  */
static bool
tagged_type_p (const_tree type)
{
  return bpfi_instrumented_type_p (type);
}

tree
tag_of (tree val)
{
  if (!tags_tu.on || val == NULL_TREE || TREE_CODE (val) != SSA_NAME)
    return NULL_TREE;
  tree *t = tags_fn.map->get (val);
  return t ? *t : NULL_TREE;
}

void
set_tag_of (tree ssa, tree tag)
{
  if (!tags_tu.on || ssa == NULL_TREE || TREE_CODE (ssa) != SSA_NAME
      || tag == NULL_TREE || integer_zerop (tag))
    return;
  tags_fn.map->put (ssa, tag);
}

/* ---------------------------------------------------------------------- */
/* The per-thread slots, BPFINST_TAG_SLOTS (bpfinst-abi.h).  A plugin built
   for a bare-metal target (-DBPFINST_BARE_METAL) makes them one plain
   global instead: such a target's C library has no thread pointer (no
   __aeabi_read_tp in newlib for Cortex-M), and its programs have a single
   thread.  */

static tree
get_slots_decl (void)
{
  if (tags_tu.slots_decl)
    return tags_tu.slots_decl;
  tree type = build_array_type_nelts (bpfi_u64_type, BPFINST_TAG_SLOTS_SIZE);
  tree d = bpfi_extern_decl (VAR_DECL, BPFINST_TAG_SLOTS_NAME, type);
#if BPFINST_TAG_SLOTS_PER_THREAD
  set_decl_tls_model (d, decl_default_tls_model (d));
#endif
  varpool_node::get_create (d);
  tags_tu.slots_decl = d;
  return d;
}

static tree
slot_ref (int slot)
{
  return build4 (ARRAY_REF, bpfi_u64_type, get_slots_decl (),
		 build_int_cst (integer_type_node, slot), NULL_TREE,
		 NULL_TREE);
}

static tree
read_slot (gimple_seq *seq, int slot)
{
  tree t = make_ssa_name (bpfi_u64_type);
  gimple_seq_add_stmt (seq, gimple_build_assign (t, slot_ref (slot)));
  return t;
}

static void
write_slot (gimple_seq *seq, int slot, tree val)
{
  gimple_seq_add_stmt (seq, gimple_build_assign (slot_ref (slot), val));
}

static tree
build_seq_op (gimple_seq *seq, enum tree_code code, tree type, tree a,
	      tree b = NULL_TREE, tree c = NULL_TREE)
{
  tree t = make_ssa_name (type);
  gimple *g = c ? gimple_build_assign (t, code, a, b, c)
	      : b ? gimple_build_assign (t, code, a, b)
		  : gimple_build_assign (t, code, a);
  gimple_seq_add_stmt (seq, g);
  return t;
}

/* A pointer (a function's address) as a 64-bit value.  */
static tree
pointer_as_u64 (gimple_seq *seq, tree ptr)
{
  tree ut = build_nonstandard_integer_type (TYPE_PRECISION (TREE_TYPE (ptr)),
					    1);
  tree v = build_seq_op (seq, NOP_EXPR, ut, unshare_expr (ptr));
  if (TYPE_PRECISION (ut) != 64)
    v = build_seq_op (seq, NOP_EXPR, bpfi_u64_type, v);
  return v;
}

/* The function id of FNDECL in the slots (bpfinst-abi.h), which func_id
   () also gives: a hash of its assembler name (and, for a function local
   to this translation unit, of the main input file's name).  */
uint64_t
function_id (tree fndecl)
{
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  return bpfinst_function_id (name, TREE_PUBLIC (fndecl)
			       ? NULL : main_input_filename);
}

static tree
function_id_cst (tree fndecl)
{
  return build_int_cst_type (bpfi_u64_type,
			     (HOST_WIDE_INT) function_id (fndecl));
}

/* Is the address of NODE, or of one of its aliases, taken?  */
static bool
address_taken_p (cgraph_node *node, void *)
{
  return node->address_taken;
}

/* May FNDECL be called through a pointer?  Taking its address in the tag
   code makes GCC keep an out-of-line copy of it, so only where a pointer
   to it may exist: another translation unit may take the address of a
   public function (but for a comdat one: each unit that takes the address
   of a C++ inline function has its copy), and this one takes it where the
   call graph says so.  TREE_ADDRESSABLE does not tell: the C front end
   sets it on every function called.  The call graph's flags are complete
   here: every function and variable was analyzed before the first pass
   that works on SSA form.  */
bool
maybe_called_indirectly_p (tree fndecl)
{
  /* Not an inline body that is never emitted (extern inline, C99 inline
     definitions): its address would be an undefined symbol, and calls
     through a pointer reach the definition compiled elsewhere.  */
  if (DECL_EXTERNAL (fndecl))
    return false;
  if (TREE_PUBLIC (fndecl) && !DECL_COMDAT (fndecl))
    return true;
  if (DECL_VIRTUAL_P (fndecl))
    return true;
  cgraph_node *node = cgraph_node::get (fndecl);
  return (node == NULL
	  || node->call_for_symbol_and_aliases (address_taken_p, NULL, true));
}

/* ---------------------------------------------------------------------- */
/* Function entry: tags of the parameters, and PHIs.  */

void
tags_begin_function (void)
{
  if (!tags_tu.on)
    return;
  tags_fn.map = new hash_map<tree, tree>;
  tags_fn.phi_pairs.create (0);
  tags_fn.changed = false;

  /* A tag PHI for every PHI of tagged values.  */
  basic_block bb;
  auto_vec<gphi *> phis;
  FOR_EACH_BB_FN (bb, cfun)
    for (gphi_iterator gpi = gsi_start_phis (bb);
	 !gsi_end_p (gpi) && !bb_has_abnormal_pred (bb); gsi_next (&gpi))
      {
	/* Not where abnormal edges (computed gotos, setjmp, non-local
	   labels) merge: SSA names there must not overlap, and the values
	   merged there have tag 0.  */
	tree res = gimple_phi_result (gpi.phi ());
	if (!virtual_operand_p (res) && tagged_type_p (TREE_TYPE (res)))
	  phis.safe_push (gpi.phi ());
      }
  for (unsigned i = 0; i < phis.length (); i++)
    {
      tree res = gimple_phi_result (phis[i]);
      tree t = make_ssa_name (bpfi_u64_type);
      create_phi_node (t, gimple_bb (phis[i]));
      tags_fn.map->put (res, t);
      tags_fn.phi_pairs.safe_push (res);
      tags_fn.phi_pairs.safe_push (t);
    }

  /* The parameters' tags, when the caller left them for this function.  */
  gimple_seq seq = NULL;
  tree match = NULL_TREE;
  tree self = current_function_decl;
  unsigned i = 0;
  for (tree parm = DECL_ARGUMENTS (self); parm; parm = DECL_CHAIN (parm), i++)
    {
      tree def = ssa_default_def (cfun, parm);
      if (i >= BPFINST_SLOT_NARGS || def == NULL_TREE || has_zero_uses (def)
	  || !tagged_type_p (TREE_TYPE (parm)))
	continue;
      if (!match)
	{
	  tree callee = read_slot (&seq, BPFINST_SLOT_ARG_CALLEE);
	  match = build_seq_op (&seq, EQ_EXPR, boolean_type_node, callee,
				function_id_cst (self));
	  if (maybe_called_indirectly_p (self))
	    {
	      tree addr = pointer_as_u64 (&seq, build_fold_addr_expr (self));
	      tree m2 = build_seq_op (&seq, EQ_EXPR, boolean_type_node,
				      callee, addr);
	      match = build_seq_op (&seq, BIT_IOR_EXPR, boolean_type_node,
				    match, m2);
	    }
	  /* Taken: the slots are for this call only.  */
	  tree rest = build_seq_op (&seq, COND_EXPR, bpfi_u64_type, match,
				    build_zero_cst (bpfi_u64_type), callee);
	  write_slot (&seq, BPFINST_SLOT_ARG_CALLEE, rest);
	}
      tree slot = read_slot (&seq, BPFINST_SLOT_ARG0 + i);
      tree tag = build_seq_op (&seq, COND_EXPR, bpfi_u64_type, match, slot,
			       build_zero_cst (bpfi_u64_type));
      tags_fn.map->put (def, tag);
    }
  if (seq)
    {
      gsi_insert_seq_on_edge_immediate
	(single_succ_edge (ENTRY_BLOCK_PTR_FOR_FN (cfun)), seq);
      tags_fn.changed = true;
    }
}

/* ---------------------------------------------------------------------- */
/* Statements whose tag no hook decides.  */

/* Does CALL compute its result from its operands' bits alone, with no
   hook of its own: byte swaps, bit counts, arithmetic with an overflow
   flag (whose complex result holds the value and the flag)?  Its result
   then gets its operands' tags combined.  */
static bool
combines_tags_p (gcall *call)
{
  if (gimple_call_internal_p (call))
    switch (gimple_call_internal_fn (call))
      {
      case IFN_POPCOUNT:
      case IFN_PARITY:
      case IFN_FFS:
      case IFN_ADD_OVERFLOW:
      case IFN_SUB_OVERFLOW:
      case IFN_MUL_OVERFLOW:
	return true;
      default:
	return false;
      }
  if (!gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (gimple_call_fndecl (call)))
    {
    case BUILT_IN_BSWAP16: case BUILT_IN_BSWAP32:
    case BUILT_IN_BSWAP64: case BUILT_IN_BSWAP128:
    case BUILT_IN_POPCOUNT: case BUILT_IN_POPCOUNTL:
    case BUILT_IN_POPCOUNTLL: case BUILT_IN_POPCOUNTIMAX:
    case BUILT_IN_PARITY: case BUILT_IN_PARITYL:
    case BUILT_IN_PARITYLL: case BUILT_IN_PARITYIMAX:
    case BUILT_IN_FFS: case BUILT_IN_FFSL:
    case BUILT_IN_FFSLL: case BUILT_IN_FFSIMAX:
    case BUILT_IN_ADD_OVERFLOW: case BUILT_IN_SUB_OVERFLOW:
    case BUILT_IN_MUL_OVERFLOW:
      return true;
    default:
      return false;
    }
}

/* CALL's result gets the OR of its operands' tags, computed before it.  */
static void
tags_combine (gcall *call)
{
  tree lhs = gimple_call_lhs (call);
  if (lhs == NULL_TREE || TREE_CODE (lhs) != SSA_NAME)
    return;
  gimple_seq seq = NULL;
  tree tag = NULL_TREE;
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      tree t = tag_of (gimple_call_arg (call, i));
      if (t == NULL_TREE)
	continue;
      tag = tag ? build_seq_op (&seq, BIT_IOR_EXPR, bpfi_u64_type, tag, t)
		: t;
    }
  if (seq)
    {
      gimple_stmt_iterator gsi = gsi_for_stmt (call);
      gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);
      tags_fn.changed = true;
    }
  set_tag_of (lhs, tag);
}

/* A call: the arguments' tags go into the slots before it, the result's
   tag comes from them after it.  */
static void
tags_call (gcall *call)
{
  if (combines_tags_p (call))
    {
      tags_combine (call);
      return;
    }
  if (gimple_call_internal_p (call)
      || (gimple_call_flags (call) & ECF_RETURNS_TWICE)
      || stmt_can_make_abnormal_goto (call))
    return;
  tree fndecl = gimple_call_fndecl (call);
  if (fndecl && fndecl_built_in_p (fndecl))
    return;		/* the C library's: untagged */
  tree fn = gimple_call_fn (call);
  /* A C++ virtual call names its target through an OBJ_TYPE_REF: the
     address called is the expression inside.  */
  if (TREE_CODE (fn) == OBJ_TYPE_REF)
    fn = OBJ_TYPE_REF_EXPR (fn);

  /* Arguments: all of them when one is tagged, so that the callee never
     takes a stale slot for an untagged one.  */
  unsigned nargs = MIN (gimple_call_num_args (call),
			(unsigned) BPFINST_SLOT_NARGS);
  bool tagged = false;
  for (unsigned i = 0; i < nargs; i++)
    if (tag_of (gimple_call_arg (call, i)))
      tagged = true;
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  if (tagged)
    {
      gimple_seq seq = NULL;
      for (unsigned i = 0; i < nargs; i++)
	{
	  tree t = tag_of (gimple_call_arg (call, i));
	  write_slot (&seq, BPFINST_SLOT_ARG0 + i,
		      t ? t : build_zero_cst (bpfi_u64_type));
	}
      write_slot (&seq, BPFINST_SLOT_ARG_CALLEE,
		  fndecl ? function_id_cst (fndecl) : pointer_as_u64 (&seq, fn));
      gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);
      tags_fn.changed = true;
    }

  /* Result.  */
  tree lhs = gimple_call_lhs (call);
  if (!lhs || TREE_CODE (lhs) != SSA_NAME || !tagged_type_p (TREE_TYPE (lhs)))
    return;
  gimple_seq seq = NULL;
  tree match;
  if (fndecl)
    {
      tree from = read_slot (&seq, BPFINST_SLOT_RET_FROM);
      match = build_seq_op (&seq, EQ_EXPR, boolean_type_node, from,
			    function_id_cst (fndecl));
    }
  else
    {
      tree from = read_slot (&seq, BPFINST_SLOT_RET_ADDR);
      match = build_seq_op (&seq, EQ_EXPR, boolean_type_node, from,
			    pointer_as_u64 (&seq, fn));
    }
  tree rt = read_slot (&seq, BPFINST_SLOT_RET_TAG);
  tree tag = build_seq_op (&seq, COND_EXPR, bpfi_u64_type, match, rt,
			   build_zero_cst (bpfi_u64_type));
  if (stmt_ends_bb_p (call))
    {
      edge e = find_fallthru_edge (gimple_bb (call)->succs);
      if (!e)
	return;
      gsi_insert_seq_on_edge_immediate (e, seq);
    }
  else
    gsi_insert_seq_after (&gsi, seq, GSI_SAME_STMT);
  tags_fn.changed = true;
  set_tag_of (lhs, tag);
}

/* A return: leave the value's tag for the caller, with this function's
   identity.  Every return of a tagged type writes the slots, so that a
   caller never takes a stale tag.  */
static void
tags_return (greturn *ret)
{
  tree val = gimple_return_retval (ret);
  if (!val || !tagged_type_p (TREE_TYPE (val)))
    return;
  tree self = current_function_decl;
  gimple_seq seq = NULL;
  tree t = tag_of (val);
  write_slot (&seq, BPFINST_SLOT_RET_TAG,
	      t ? t : build_zero_cst (bpfi_u64_type));
  write_slot (&seq, BPFINST_SLOT_RET_FROM, function_id_cst (self));
  if (maybe_called_indirectly_p (self))
    write_slot (&seq, BPFINST_SLOT_RET_ADDR,
		pointer_as_u64 (&seq, build_fold_addr_expr (self)));
  gimple_stmt_iterator gsi = gsi_for_stmt (ret);
  gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);
  tags_fn.changed = true;
}

void
tags_default (gimple *stmt)
{
  if (!tags_tu.on)
    return;
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      {
	tree lhs = gimple_assign_lhs (stmt);
	if (TREE_CODE (lhs) != SSA_NAME)
	  return;
	enum tree_code code = gimple_assign_rhs_code (stmt);
	if (code == SSA_NAME || code == PAREN_EXPR || code == VIEW_CONVERT_EXPR
	    || code == REALPART_EXPR || code == IMAGPART_EXPR
	    || CONVERT_EXPR_CODE_P (code))
	  {
	    /* The parts of a complex value (the value and the overflow flag
	       of __builtin_add_overflow) have its tag.  */
	    tree rhs = gimple_assign_rhs1 (stmt);
	    if (code == VIEW_CONVERT_EXPR || code == REALPART_EXPR
		|| code == IMAGPART_EXPR)
	      rhs = TREE_OPERAND (rhs, 0);
	    set_tag_of (lhs, tag_of (rhs));
	  }
	return;
      }
    case GIMPLE_CALL:
      tags_call (as_a <gcall *> (stmt));
      return;
    case GIMPLE_RETURN:
      tags_return (as_a <greturn *> (stmt));
      return;
    default:
      return;
    }
}

/* Would tags_default do something with STMT?  */
bool
tags_candidate_p (gimple *stmt)
{
  if (!tags_tu.on)
    return false;
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      return TREE_CODE (gimple_assign_lhs (stmt)) == SSA_NAME;
    case GIMPLE_CALL:
    case GIMPLE_RETURN:
      return true;
    default:
      return false;
    }
}

/* ---------------------------------------------------------------------- */

/* Finish the function's tags; true when tag code was inserted (it reads
   and writes memory: the caller must have virtual operands renamed).  */
bool
tags_end_function (void)
{
  if (!tags_tu.on)
    return false;
  for (unsigned i = 0; i < tags_fn.phi_pairs.length (); i += 2)
    {
      gphi *phi = as_a <gphi *> (SSA_NAME_DEF_STMT (tags_fn.phi_pairs[i]));
      gphi *tphi = as_a <gphi *> (SSA_NAME_DEF_STMT (tags_fn.phi_pairs[i + 1]));
      for (unsigned j = 0; j < gimple_phi_num_args (phi); j++)
	{
	  edge e = gimple_phi_arg_edge (phi, j);
	  tree t = tag_of (gimple_phi_arg_def (phi, j));
	  add_phi_arg (tphi, t ? t : build_zero_cst (bpfi_u64_type), e,
		       UNKNOWN_LOCATION);
	}
    }
  tags_fn.changed |= !tags_fn.phi_pairs.is_empty ();
  tags_fn.phi_pairs.release ();
  delete tags_fn.map;
  tags_fn.map = NULL;
  return tags_fn.changed;
}
