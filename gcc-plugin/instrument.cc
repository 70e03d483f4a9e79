/* instrument.cc - put the instrumenter's hooks in front of the operations
   of the current function.

   The statements to instrument are collected first, so that nothing the
   emitter or this file inserts is ever instrumented.  Each is then handled
   by the function for its kind of statement, which fills a bpfi_operands
   and asks the emitter to inline the hook before the statement.  Which
   hook goes with which operation is decided in hook-table.cc.

   When the instrumenter uses tags, the handlers give each hook the tags
   of its operands and record the tag it sets on the result (tags.cc);
   statements without a hook get their tags from tags_default.  */

#include "gcc-plugin.h"
#include "tree.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-pretty-print.h"
#include "gimplify.h"
#include "gimplify-me.h"
#include "ssa.h"
#include "attribs.h"
#include "internal-fn.h"
#include "dumpfile.h"
#include "options.h"
#include "tree-pass.h"
#include "tree-into-ssa.h"
#include "dominance.h"
#include "cgraph.h"
#include "tree-cfg.h"
#include "stringpool.h"
#include "ggc.h"

#include "bpf-emit.h"
#include "hook-table.h"
#include "plugin.h"

/* The instrumenter's function for each hook, or NULL when it has none.  */
static struct bpfi_func *hook_funcs[BPFI_HOOK_COUNT];
static struct bpfi_object *hook_object;

/* The run-time switch (libtag/switch.c), or NULL_TREE with
   -fplugin-arg-bpfinst-switch=off.  */
static tree switch_decl;
/* The current function's copy of it, which every hook is guarded by.  */
static tree switch_copy;
static const struct ggc_root_tab switch_root_tab[] = {
  { &switch_decl, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

/* Per-function state: the FNV-1a hash of the function's assembler name
   and the source file name, and the ordinal of the statement being
   instrumented.  */
static uint64_t function_hash;
static unsigned stmt_ordinal;
/* Numbers the address steps of one memory access (0 elsewhere).  */
static unsigned address_step;

#define FNV_PRIME 0x100000001b3ULL

uint64_t
fnv1a (uint64_t h, const void *data, size_t len)
{
  const unsigned char *p = (const unsigned char *) data;
  for (size_t i = 0; i < len; i++)
    {
      h ^= p[i];
      h *= FNV_PRIME;
    }
  return h;
}

static uint64_t
fnv1a_u32 (uint64_t h, uint32_t v)
{
  unsigned char b[4];
  for (int i = 0; i < 4; i++)
    b[i] = (unsigned char) (v >> (8 * i));
  return fnv1a (h, b, 4);
}

void
instrument_init (struct bpfi_object *obj, bool tags_off, bool guards)
{
  hook_object = obj;
  tags_init (obj, tags_off);
  if (guards)
    {
      /* extern int BPFINST_ENABLED, the run-time switch.  */
      switch_decl = bpfi_extern_decl (VAR_DECL, BPFINST_ENABLED_NAME,
				      integer_type_node);
      ggc_register_root_tab (switch_root_tab);
    }
  for (int h = 0; h < BPFI_HOOK_COUNT; h++)
    hook_funcs[h] = bpfi_object_find (obj, bpfi_hook_descs[h].name);
}

static bool
hook_defined_p (enum bpfi_hook hook)
{
  return hook != BPFI_HOOK_NONE && hook_funcs[hook] != NULL;
}

/* Does HOOK read its argument register N (1..5)?  */

static bool
hook_reads_arg_p (enum bpfi_hook hook, int n)
{
  struct bpfi_func *fn = hook_funcs[hook];
  if (fn == NULL)
    return false;
  return !fn->verified || (fn->args_read & (1u << n)) != 0;
}

/* Does HOOK call condition_result ()?  */

static bool
hook_reads_condition_result_p (enum bpfi_hook hook)
{
  struct bpfi_func *fn = hook_funcs[hook];
  return (fn != NULL
	  && bpfi_func_uses_helper (hook_object, fn,
				    BPFI_HELPER_CONDITION_RESULT));
}

/* pseudo_pc () of the SUB-th hook HOOK of the current statement.  */

static uint64_t
pseudo_pc (unsigned sub, enum bpfi_hook hook)
{
  uint64_t h = fnv1a_u32 (function_hash, stmt_ordinal);
  h = fnv1a_u32 (h, sub + 1000 * address_step);
  const char *name = bpfi_hook_descs[hook].name;
  return fnv1a (h, name, strlen (name));
}

/* Width in bits of a value of TYPE, as bit_width* () report it.  */

static unsigned
type_width (const_tree type)
{
  return bpfi_instrumented_type_p (type) ? TYPE_PRECISION (type) : 0;
}

static void
init_operands (struct bpfi_operands *ops, gimple *stmt)
{
  memset (ops, 0, sizeof *ops);
  for (int i = 0; i < 5; i++)
    ops->args[i] = NULL_TREE;
  for (int i = 0; i < 3; i++)
    ops->tags[i] = NULL_TREE;
  ops->condition_result = NULL_TREE;
  ops->loc = gimple_location (stmt);
}

/* Set argument N of OPS to VAL, whose width is that of its type.  */

static void
set_arg (struct bpfi_operands *ops, unsigned n, tree val)
{
  ops->args[n] = val;
  if (n < 3)
    ops->width[n] = type_width (TREE_TYPE (val));
  if (ops->nargs < n + 1)
    ops->nargs = n + 1;
}

/* Inline HOOK with operands OPS before the statement at *GSI; SUB numbers
   the hooks of one statement.  Returns the tag of the result.  */

static tree
emit_hook (enum bpfi_hook hook, gimple_stmt_iterator *gsi,
	   struct bpfi_operands *ops, unsigned sub)
{
  ops->pseudo_pc = pseudo_pc (sub, hook);
  ops->guard = switch_copy;
  if (dump_file)
    {
      fprintf (dump_file, ";; bpfinst: %s (pseudo_pc %#llx) before: ",
	       bpfi_hook_descs[hook].name,
	       (unsigned long long) ops->pseudo_pc);
      print_gimple_stmt (dump_file, gsi_stmt (*gsi), 0, TDF_SLIM);
    }
  return bpfi_emit_hook (hook_funcs[hook], gsi, ops);
}

/* Insert "TMP = A CODE B" (boolean) before *GSI and return TMP.  */

static tree
build_condition_value (gimple_stmt_iterator *gsi, enum tree_code code,
		       tree a, tree b, location_t loc)
{
  tree tmp = make_ssa_name (boolean_type_node);
  gassign *g = gimple_build_assign (tmp, code, a, b);
  gimple_set_location (g, loc);
  gsi_insert_before (gsi, g, GSI_SAME_STMT);
  return tmp;
}

/* The constant C as a 64-bit value of the hooks.  */

static tree
offset_constant (HOST_WIDE_INT c)
{
  return build_int_cst (uint64_type_node, c);
}

/* Arithmetic and logic: lhs = rhs1 OP rhs2.  */

static bool
instrument_arith (gimple_stmt_iterator *gsi, gassign *stmt,
		  enum bpfi_hook hook)
{
  tree lhs = gimple_assign_lhs (stmt);
  tree rhs1 = gimple_assign_rhs1 (stmt);
  tree rhs2 = gimple_assign_rhs2 (stmt);

  /* x + C with C's sign bit set is presented as x - (-C).  */
  if (hook == BPFI_HOOK_ADD
      && rhs2 != NULL_TREE
      && TREE_CODE (rhs2) == INTEGER_CST
      && wi::neg_p (wi::to_wide (rhs2), SIGNED))
    {
      tree utype = unsigned_type_for (TREE_TYPE (rhs2));
      if (utype != NULL_TREE)
	{
	  hook = BPFI_HOOK_SUB;
	  rhs2 = wide_int_to_tree (utype, wi::neg (wi::to_wide (rhs2)));
	}
    }
  if (!hook_defined_p (hook))
    return false;

  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_arg (&ops, 0, rhs1);
  ops.tags[0] = tag_of (rhs1);
  if (rhs2 != NULL_TREE)
    {
      set_arg (&ops, 1, rhs2);
      ops.tags[1] = tag_of (rhs2);
    }
  ops.width_res = type_width (TREE_TYPE (lhs));
  set_tag_of (lhs, emit_hook (hook, gsi, &ops, 0));
  return true;
}

/* Comparison into a value: lhs = a CODE b.  */

static bool
instrument_compare (gimple_stmt_iterator *gsi, gassign *stmt)
{
  if (!hook_defined_p (BPFI_HOOK_CMP))
    return false;
  enum tree_code code = gimple_assign_rhs_code (stmt);
  tree a = gimple_assign_rhs1 (stmt);
  tree b = gimple_assign_rhs2 (stmt);
  int cond = bpfi_condition_code (code, TREE_TYPE (a));
  if (cond < 0)
    return false;

  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_arg (&ops, 0, a);
  set_arg (&ops, 1, b);
  ops.tags[0] = tag_of (a);
  ops.tags[1] = tag_of (b);
  ops.width_res = type_width (boolean_type_node);
  ops.condition = cond;
  if (hook_reads_condition_result_p (BPFI_HOOK_CMP))
    ops.condition_result = build_condition_value (gsi, code, a, b, ops.loc);
  else
    ops.condition_result = boolean_false_node;
  set_tag_of (gimple_assign_lhs (stmt), emit_hook (BPFI_HOOK_CMP, gsi, &ops, 0));
  return true;
}

/* Conversion: lhs = (type) rhs1.  */

static bool
instrument_conversion (gimple_stmt_iterator *gsi, gassign *stmt,
		       enum bpfi_hook hook)
{
  if (!hook_defined_p (hook))
    return false;
  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_arg (&ops, 0, gimple_assign_rhs1 (stmt));
  ops.tags[0] = tag_of (gimple_assign_rhs1 (stmt));
  ops.width_res = type_width (TREE_TYPE (gimple_assign_lhs (stmt)));
  set_tag_of (gimple_assign_lhs (stmt), emit_hook (hook, gsi, &ops, 0));
  return true;
}

/* Where a memory access is: the pointer ADDR (an expression, gimplified
   only when the hook needs it) plus the constant byte offset OFFSET.  */

struct access_place
{
  tree addr;
  tree varoff;		/* variable byte offset (sizetype), or NULL */
  HOST_WIDE_INT offset;
};

/* May the address of DECL be taken by the instrumentation?  */

static bool
addressable_decl_p (tree decl)
{
  if (!VAR_P (decl) && TREE_CODE (decl) != PARM_DECL
      && TREE_CODE (decl) != RESULT_DECL)
    return false;
  if (VAR_P (decl) && DECL_HARD_REGISTER (decl))
    return false;
  return !is_gimple_reg (decl);
}

/* Find where memory reference REF is.  False when REF is not an access
   the hooks see (bit-fields, unusual bases).  */

static bool
analyze_access (tree ref, struct access_place *place)
{
  if (TREE_CODE (ref) == WITH_SIZE_EXPR)
    return false;
  for (tree t = ref; handled_component_p (t); t = TREE_OPERAND (t, 0))
    if (TREE_CODE (t) == COMPONENT_REF
	&& DECL_BIT_FIELD (TREE_OPERAND (t, 1)))
      return false;

  poly_int64 pbitsize, pbitpos;
  tree varoff;
  machine_mode mode;
  int unsignedp, reversep, volatilep = 0;
  tree base = get_inner_reference (ref, &pbitsize, &pbitpos, &varoff, &mode,
				   &unsignedp, &reversep, &volatilep);
  HOST_WIDE_INT bitsize, bitpos;
  if (!pbitsize.is_constant (&bitsize)
      || !pbitpos.is_constant (&bitpos)
      || bitsize % BITS_PER_UNIT != 0
      || bitpos % BITS_PER_UNIT != 0)
    return false;
  tree size = TYPE_SIZE (TREE_TYPE (ref));
  if (size == NULL_TREE
      || !tree_fits_uhwi_p (size)
      || tree_to_uhwi (size) != (unsigned HOST_WIDE_INT) bitsize)
    return false;
  if (TREE_CODE (base) == TARGET_MEM_REF)
    return false;

  /* The base pointer and the constant offset; a variable part (array
     indices) is computed step by step in gimplify_address.  */
  place->varoff = varoff;
  if (TREE_CODE (base) == MEM_REF
      && (TREE_CODE (TREE_OPERAND (base, 0)) == SSA_NAME
	  || TREE_CODE (TREE_OPERAND (base, 0)) == INTEGER_CST))
    {
      place->addr = TREE_OPERAND (base, 0);
      place->offset = (mem_ref_offset (base).force_shwi ().to_constant ()
		       + bitpos / BITS_PER_UNIT);
      return true;
    }
  if ((DECL_P (base) && addressable_decl_p (base))
      || (TREE_CODE (base) == STRING_CST && varoff == NULL_TREE))
    {
      place->addr = build_fold_addr_expr (base);
      place->offset = bitpos / BITS_PER_UNIT;
      return true;
    }
  return false;
}

static void instrument_stmt (gimple *stmt);

static tree gimplify_base (gimple_stmt_iterator *gsi,
			   struct access_place *place);

/* The address of PLACE as a GIMPLE value, computed before *GSI.  A
   variable offset (array indexing) is computed by instrumentation-only
   statements -- conversions, multiplications, the pointer addition --
   each instrumented like the program's own, so that the instrumenter
   sees the steps and the address gets a tag derived from the indices'.  */

static tree
gimplify_address (gimple_stmt_iterator *gsi, struct access_place *place)
{
  tree base = gimplify_base (gsi, place);
  if (place->varoff == NULL_TREE)
    return base;
  gimple *stmt = gsi_stmt (*gsi);
  location_t loc = gimple_location (stmt);
  gimple_seq seq = NULL;
  tree off = force_gimple_operand (fold_convert (sizetype,
						 unshare_expr (place->varoff)),
				   &seq, true, NULL_TREE);
  tree ptr = make_ssa_name (TREE_TYPE (base));
  gimple_seq_add_stmt (&seq, gimple_build_assign (ptr, POINTER_PLUS_EXPR,
						  base, off));
  auto_vec<gimple *> steps;
  for (gimple_stmt_iterator si = gsi_start (seq); !gsi_end_p (si);
       gsi_next (&si))
    {
      gimple_set_location (gsi_stmt (si), loc);
      steps.safe_push (gsi_stmt (si));
    }
  gsi_insert_seq_before (gsi, seq, GSI_SAME_STMT);
  for (unsigned i = 0; i < steps.length (); i++)
    {
      address_step = i + 1;
      instrument_stmt (steps[i]);
    }
  address_step = 0;
  /* The hooks split blocks: find the statement again.  */
  *gsi = gsi_for_stmt (stmt);
  return ptr;
}

/* The base pointer of PLACE as a GIMPLE value, computed before *GSI.  */

static tree
gimplify_base (gimple_stmt_iterator *gsi, struct access_place *place)
{
  tree addr = place->addr;
  if (TREE_CODE (addr) == SSA_NAME || TREE_CODE (addr) == INTEGER_CST)
    return addr;
  if (TREE_CODE (addr) == ADDR_EXPR)
    mark_addressable (TREE_OPERAND (addr, 0));
  location_t loc = gimple_location (gsi_stmt (*gsi));
  addr = force_gimple_operand_gsi (gsi, unshare_expr (addr), true, NULL_TREE,
				   true, GSI_SAME_STMT);
  if (TREE_CODE (addr) == SSA_NAME || TREE_CODE (addr) == INTEGER_CST)
    return addr;
  /* An invariant address: give it a name of its own.  */
  tree ptr = make_ssa_name (TREE_TYPE (addr));
  gassign *g = gimple_build_assign (ptr, addr);
  gimple_set_location (g, loc);
  gsi_insert_before (gsi, g, GSI_SAME_STMT);
  return ptr;
}

/* Fill in the address and offset arguments of a load or store hook.  */

static void
set_access_args (struct bpfi_operands *ops, enum bpfi_hook hook,
		 gimple_stmt_iterator *gsi, struct access_place *place)
{
  tree addr;
  if (hook_reads_arg_p (hook, 1))
    addr = gimplify_address (gsi, place);
  else
    addr = build_int_cst (ptr_type_node, 0);
  set_arg (ops, 0, addr);
  ops->tags[0] = tag_of (addr);
  set_arg (ops, 1, offset_constant (place->offset));
}

/* An address: lhs = &REF.  With tags, the address is computed again by
   instrumented steps (the indices' conversions and multiplications, the
   pointer additions, the field offset), so that it gets the tag of its
   base pointer and indices as the program's own pointer arithmetic
   would.  */

static bool
instrument_address_of (gassign *stmt)
{
  tree lhs = gimple_assign_lhs (stmt);
  if (!tags_enabled_p () || !POINTER_TYPE_P (TREE_TYPE (lhs)))
    return false;
  tree ref = TREE_OPERAND (gimple_assign_rhs1 (stmt), 0);
  if (!handled_component_p (ref) && TREE_CODE (ref) != MEM_REF)
    return false;
  struct access_place place;
  if (!analyze_access (ref, &place)
      || (TREE_CODE (place.addr) != SSA_NAME && place.varoff == NULL_TREE))
    return false;
  gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
  tree ptr = gimplify_address (&gsi, &place);
  if (place.offset != 0)
    {
      tree p2 = make_ssa_name (TREE_TYPE (ptr));
      gassign *g = gimple_build_assign (p2, POINTER_PLUS_EXPR, ptr,
					size_int (place.offset));
      gimple_set_location (g, gimple_location (stmt));
      gsi_insert_before (&gsi, g, GSI_SAME_STMT);
      address_step = 100;
      instrument_stmt (g);
      address_step = 0;
      ptr = p2;
    }
  set_tag_of (lhs, tag_of (ptr));
  return true;
}

/* Load: lhs = MEM.  */

static bool
instrument_load (gimple_stmt_iterator *gsi, gassign *stmt)
{
  if (!hook_defined_p (BPFI_HOOK_LOAD))
    return false;
  tree lhs = gimple_assign_lhs (stmt);
  struct access_place place;
  if (!analyze_access (gimple_assign_rhs1 (stmt), &place))
    return false;

  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_access_args (&ops, BPFI_HOOK_LOAD, gsi, &place);
  ops.width_res = type_width (TREE_TYPE (lhs));
  set_tag_of (lhs, emit_hook (BPFI_HOOK_LOAD, gsi, &ops, 0));
  return true;
}

/* Store: MEM = value.  */

static bool
instrument_store (gimple_stmt_iterator *gsi, gassign *stmt)
{
  if (!hook_defined_p (BPFI_HOOK_STORE))
    return false;
  tree value = gimple_assign_rhs1 (stmt);
  struct access_place place;
  if (!analyze_access (gimple_assign_lhs (stmt), &place))
    return false;

  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_access_args (&ops, BPFI_HOOK_STORE, gsi, &place);
  set_arg (&ops, 2, value);
  ops.tags[2] = tag_of (value);
  ops.width_res = ops.width[2];
  emit_hook (BPFI_HOOK_STORE, gsi, &ops, 0);
  return true;
}

/* The condition code of a floating-point branch on CODE: the ordered
   relation it tests, "not equal" (the condition holds) for the others.  */

static int
float_branch_condition (enum tree_code code)
{
  switch (code)
    {
    case EQ_EXPR: case UNEQ_EXPR: return BPFI_COND_EQ;
    case LT_EXPR: case UNLT_EXPR: return BPFI_COND_LT;
    case LE_EXPR: case UNLE_EXPR: return BPFI_COND_LE;
    case GT_EXPR: case UNGT_EXPR: return BPFI_COND_GT;
    case GE_EXPR: case UNGE_EXPR: return BPFI_COND_GE;
    default: return BPFI_COND_NEQ;
    }
}

/* Conditional branch: if (a CODE b).  */

static void
instrument_cond (gimple_stmt_iterator *gsi, gcond *stmt)
{
  bool want_cmp = hook_defined_p (BPFI_HOOK_CMP);
  bool want_br = hook_defined_p (BPFI_HOOK_BR);
  if (!want_cmp && !want_br)
    return;

  enum tree_code code = gimple_cond_code (stmt);
  tree a = gimple_cond_lhs (stmt);
  tree b = gimple_cond_rhs (stmt);
  tree optype = TREE_TYPE (a);
  struct bpfi_operands ops;
  tree value;
  int cond;

  /* A boolean tested against zero: only the branch.  */
  if (TREE_CODE (optype) == BOOLEAN_TYPE
      && (code == NE_EXPR || code == EQ_EXPR)
      && integer_zerop (b))
    {
      if (!want_br)
	return;
      init_operands (&ops, stmt);
      if (code == NE_EXPR)
	value = a;
      else
	{
	  value = build_condition_value (gsi, code, a, b, ops.loc);
	  set_tag_of (value, tag_of (a));
	}
      set_arg (&ops, 0, value);
      ops.tags[0] = tag_of (value);
      ops.condition = code == NE_EXPR ? BPFI_COND_NEQ : BPFI_COND_EQ;
      ops.condition_result = value;
      emit_hook (BPFI_HOOK_BR, gsi, &ops, 0);
      return;
    }

  if (bpfi_instrumented_type_p (optype))
    cond = bpfi_condition_code (code, optype);
  else if (SCALAR_FLOAT_TYPE_P (optype) && !flag_non_call_exceptions)
    {
      /* Not a comparison the hooks see, but still a branch.  */
      want_cmp = false;
      cond = float_branch_condition (code);
    }
  else
    return;
  if (cond < 0 || (!want_cmp && !want_br))
    return;

  if (want_br || hook_reads_condition_result_p (BPFI_HOOK_CMP))
    value = build_condition_value (gsi, code, a, b, gimple_location (stmt));
  else
    value = boolean_false_node;
  if (want_cmp)
    {
      init_operands (&ops, stmt);
      set_arg (&ops, 0, a);
      set_arg (&ops, 1, b);
      ops.tags[0] = tag_of (a);
      ops.tags[1] = tag_of (b);
      ops.width_res = type_width (boolean_type_node);
      ops.condition = cond;
      ops.condition_result = value;
      set_tag_of (value, emit_hook (BPFI_HOOK_CMP, gsi, &ops, 0));
    }
  if (want_br)
    {
      init_operands (&ops, stmt);
      set_arg (&ops, 0, value);
      ops.tags[0] = tag_of (value);
      ops.condition = cond;
      ops.condition_result = value;
      emit_hook (BPFI_HOOK_BR, gsi, &ops, 1);
    }
}

/* One comparison of a switch's index with a case bound: the cmp hook
   (numbered *SUB), returning the comparison's value.  */

static tree
switch_compare (gimple_stmt_iterator *gsi, gswitch *stmt,
		enum tree_code code, tree index, tree bound, unsigned *sub)
{
  tree value = boolean_false_node;
  if (hook_defined_p (BPFI_HOOK_BR)
      || hook_reads_condition_result_p (BPFI_HOOK_CMP))
    value = build_condition_value (gsi, code, index, bound,
				   gimple_location (stmt));
  if (hook_defined_p (BPFI_HOOK_CMP))
    {
      struct bpfi_operands ops;
      init_operands (&ops, stmt);
      set_arg (&ops, 0, index);
      set_arg (&ops, 1, bound);
      ops.tags[0] = tag_of (index);
      ops.width_res = type_width (boolean_type_node);
      ops.condition = bpfi_condition_code (code, TREE_TYPE (index));
      ops.condition_result = value;
      set_tag_of (value, emit_hook (BPFI_HOOK_CMP, gsi, &ops, *sub));
    }
  (*sub)++;
  return value;
}

/* Switch: for each case label in order, the comparisons deciding it and
   a branch on their outcome.  */

static void
instrument_switch (gimple_stmt_iterator *gsi, gswitch *stmt)
{
  if (!hook_defined_p (BPFI_HOOK_CMP) && !hook_defined_p (BPFI_HOOK_BR))
    return;
  tree index = gimple_switch_index (stmt);
  tree type = TREE_TYPE (index);
  if (!bpfi_instrumented_type_p (type))
    return;

  unsigned sub = 0;
  unsigned n = gimple_switch_num_labels (stmt);
  for (unsigned i = 1; i < n; i++)
    {
      tree label = gimple_switch_label (stmt, i);
      tree low = fold_convert (type, CASE_LOW (label));
      tree high = CASE_HIGH (label);
      tree value;
      int cond;
      if (high == NULL_TREE)
	{
	  value = switch_compare (gsi, stmt, EQ_EXPR, index, low, &sub);
	  cond = bpfi_condition_code (EQ_EXPR, type);
	}
      else
	{
	  high = fold_convert (type, high);
	  tree ge = switch_compare (gsi, stmt, GE_EXPR, index, low, &sub);
	  tree le = switch_compare (gsi, stmt, LE_EXPR, index, high, &sub);
	  value = boolean_false_node;
	  if (hook_defined_p (BPFI_HOOK_BR))
	    {
	      value = make_ssa_name (boolean_type_node);
	      gassign *g = gimple_build_assign (value, BIT_AND_EXPR, ge, le);
	      gimple_set_location (g, gimple_location (stmt));
	      gsi_insert_before (gsi, g, GSI_SAME_STMT);
	    }
	  cond = BPFI_COND_NEQ;
	}
      if (hook_defined_p (BPFI_HOOK_BR))
	{
	  struct bpfi_operands ops;
	  init_operands (&ops, stmt);
	  set_arg (&ops, 0, value);
	  ops.tags[0] = tag_of (value);
	  ops.condition = cond;
	  ops.condition_result = value;
	  emit_hook (BPFI_HOOK_BR, gsi, &ops, sub);
	}
      sub++;
    }
}

/* Computed goto.  */

static void
instrument_computed_goto (gimple_stmt_iterator *gsi, ggoto *stmt)
{
  if (!hook_defined_p (BPFI_HOOK_INDIRECTBR))
    return;
  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  emit_hook (BPFI_HOOK_INDIRECTBR, gsi, &ops, 0);
}

/* Count leading or trailing zeros: the operand, and the result for 0.  */

static bool
instrument_bit_call (gimple_stmt_iterator *gsi, gcall *stmt,
		     enum bpfi_hook hook)
{
  if (!hook_defined_p (hook) || gimple_call_num_args (stmt) < 1)
    return false;
  tree a = gimple_call_arg (stmt, 0);
  if (!bpfi_instrumented_type_p (TREE_TYPE (a)))
    return false;
  tree lhs = gimple_call_lhs (stmt);
  tree rtype = lhs != NULL_TREE ? TREE_TYPE (lhs) : integer_type_node;

  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_arg (&ops, 0, a);
  ops.tags[0] = tag_of (a);
  set_arg (&ops, 1, build_int_cst (rtype, TYPE_PRECISION (TREE_TYPE (a))));
  ops.width_res = type_width (rtype);
  tree tag = emit_hook (hook, gsi, &ops, 0);
  if (lhs != NULL_TREE)
    set_tag_of (lhs, tag);
  return true;
}

/* Is STMT a store of a scalar the hooks see?  */

static bool
store_p (gimple *stmt)
{
  tree lhs = gimple_assign_lhs (stmt);
  return (gimple_assign_single_p (stmt)
	  && TREE_CODE (lhs) != SSA_NAME
	  && !gimple_clobber_p (stmt)
	  && !gimple_assign_load_p (stmt)
	  && bpfi_instrumented_type_p (TREE_TYPE (lhs))
	  && bpfi_instrumented_type_p (TREE_TYPE (gimple_assign_rhs1 (stmt)))
	  && is_gimple_val (gimple_assign_rhs1 (stmt)));
}

/* Is STMT a load of a scalar the hooks see?  */

static bool
load_p (gimple *stmt)
{
  tree lhs = gimple_assign_lhs (stmt);
  return (gimple_assign_load_p (stmt)
	  && TREE_CODE (lhs) == SSA_NAME
	  && bpfi_instrumented_type_p (TREE_TYPE (lhs)));
}

/* Would STMT be instrumented?  */

static bool
hook_candidate_p (gimple *stmt)
{
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      if (TREE_CODE (gimple_assign_lhs (stmt)) != SSA_NAME)
	return store_p (stmt);
      if (gimple_assign_load_p (stmt))
	return load_p (stmt);
      return hook_for_assign (as_a <gassign *> (stmt)) != BPFI_HOOK_NONE;
    case GIMPLE_COND:
    case GIMPLE_SWITCH:
      return true;
    case GIMPLE_GOTO:
      return TREE_CODE (gimple_goto_dest (stmt)) != LABEL_DECL;
    case GIMPLE_CALL:
      return hook_for_call (as_a <gcall *> (stmt)) != BPFI_HOOK_NONE;
    default:
      return false;
    }
}

/* Should STMT be looked at: a hook or its tags may apply.  */

static bool
candidate_p (gimple *stmt)
{
  return hook_candidate_p (stmt) || tags_candidate_p (stmt);
}

/* Instrument STMT; false when no hook was inserted for it.  */
static bool
instrument_stmt_1 (gimple *stmt)
{
  gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      {
	gassign *as = as_a <gassign *> (stmt);
	if (TREE_CODE (gimple_assign_lhs (stmt)) != SSA_NAME)
	  return store_p (stmt) && instrument_store (&gsi, as);
	else if (gimple_assign_load_p (stmt))
	  return load_p (stmt) && instrument_load (&gsi, as);
	else if (gimple_assign_rhs_code (stmt) == ADDR_EXPR)
	  return instrument_address_of (as);
	else
	  {
	    enum bpfi_hook hook = hook_for_assign (as);
	    if (hook == BPFI_HOOK_NONE)
	      return false;
	    if (hook == BPFI_HOOK_CMP)
	      return instrument_compare (&gsi, as);
	    else if (hook == BPFI_HOOK_TRUNC || hook == BPFI_HOOK_ZEXT
		     || hook == BPFI_HOOK_SEXT)
	      return instrument_conversion (&gsi, as, hook);
	    else
	      return instrument_arith (&gsi, as, hook);
	  }
      }
    case GIMPLE_COND:
      instrument_cond (&gsi, as_a <gcond *> (stmt));
      return true;
    case GIMPLE_SWITCH:
      instrument_switch (&gsi, as_a <gswitch *> (stmt));
      return true;
    case GIMPLE_GOTO:
      if (TREE_CODE (gimple_goto_dest (stmt)) != LABEL_DECL)
	instrument_computed_goto (&gsi, as_a <ggoto *> (stmt));
      return true;
    case GIMPLE_CALL:
      {
	gcall *call = as_a <gcall *> (stmt);
	enum bpfi_hook hook = hook_for_call (call);
	return (hook != BPFI_HOOK_NONE
		&& instrument_bit_call (&gsi, call, hook));
      }
    default:
      return false;
    }
}

static void
instrument_stmt (gimple *stmt)
{
  if (!instrument_stmt_1 (stmt))
    tags_default (stmt);
}

/* Can the call STMT change the run-time switch?  Calls of const and pure
   functions cannot, nor internal and built-in functions.  */

static bool
call_may_switch_p (gimple *stmt)
{
  if (!is_gimple_call (stmt) || gimple_call_internal_p (stmt)
      || (gimple_call_flags (stmt) & (ECF_CONST | ECF_PURE | ECF_NOVOPS)))
    return false;
  tree fn = gimple_call_fndecl (stmt);
  return fn == NULL_TREE || !fndecl_built_in_p (fn, BUILT_IN_NORMAL);
}

/* "SWITCH_COPY = __bpfinst_enabled", as a sequence.  */

static gimple_seq
switch_reload (location_t loc)
{
  gimple_seq seq = NULL;
  tree tmp = make_ssa_name (TREE_TYPE (switch_decl));
  gimple *g = gimple_build_assign (tmp, switch_decl);
  gimple_set_location (g, loc);
  gimple_seq_add_stmt (&seq, g);
  g = gimple_build_assign (switch_copy, tmp);
  gimple_set_location (g, loc);
  gimple_seq_add_stmt (&seq, g);
  return seq;
}

/* Fill the current function's copy of the run-time switch, which the
   hooks test: read it on entry and again after each call that may have
   changed it (the hooks' own slow calls included).  The hooks then test
   a value in a register, which GCC can keep, unswitch loops on and
   thread jumps through, and a change reaches the code that made it as
   soon as the call returns.  The copy is a local variable in memory
   until TODO_update_address_taken puts it into SSA form.  */

static void
fill_switch_copy (void)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gimple *stmt = gsi_stmt (gsi);
	if (!call_may_switch_p (stmt))
	  continue;
	location_t loc = gimple_location (stmt);
	if (!stmt_ends_bb_p (stmt))
	  {
	    gimple_seq seq = switch_reload (loc);
	    gsi_insert_seq_after (&gsi, seq, GSI_CONTINUE_LINKING);
	    continue;
	  }
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE (e, ei, bb->succs)
	  if (!(e->flags & (EDGE_EH | EDGE_ABNORMAL)))
	    gsi_insert_seq_on_edge (e, switch_reload (loc));
      }
  gsi_insert_seq_on_edge (single_succ_edge (ENTRY_BLOCK_PTR_FOR_FN (cfun)),
			  switch_reload (DECL_SOURCE_LOCATION
					 (current_function_decl)));
  gsi_commit_edge_inserts ();
}

unsigned int
instrument_function (void)
{
  const char *fname
    = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (current_function_decl));
  const char *file = main_input_filename ? main_input_filename : "";
  function_hash = fnv1a (FNV_OFFSET_BASIS, fname, strlen (fname) + 1);
  function_hash = fnv1a (function_hash, file, strlen (file) + 1);

  /* In reverse post-order, so that the tags of a statement's operands are
     known before the statement (but for loop-carried PHI arguments, which
     tags_end_function fills in).  */
  auto_vec<gimple *> stmts;
  int *rpo = XNEWVEC (int, n_basic_blocks_for_fn (cfun));
  int n = pre_and_rev_post_order_compute (NULL, rpo, false);
  for (int i = 0; i < n; i++)
    {
      basic_block bb = BASIC_BLOCK_FOR_FN (cfun, rpo[i]);
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  if (!is_gimple_debug (stmt) && candidate_p (stmt))
	    stmts.safe_push (stmt);
	}
    }
  XDELETEVEC (rpo);
  if (switch_decl != NULL_TREE)
    {
      switch_copy = create_tmp_var (TREE_TYPE (switch_decl), "bpfinst_on");
      DECL_NOT_GIMPLE_REG_P (switch_copy) = 1;
    }

  bpfi_emit_begin_function ();
  tags_begin_function ();
  /* pseudo_pc () numbers the operations hooks may apply to, whatever the
     instrumenter does with tags.  */
  stmt_ordinal = 0;
  for (unsigned i = 0; i < stmts.length (); i++)
    {
      bool hookable = hook_candidate_p (stmts[i]);
      instrument_stmt (stmts[i]);
      stmt_ordinal += hookable;
    }
  unsigned int todo = bpfi_emit_end_function ();
  if (switch_copy != NULL_TREE)
    {
      /* Unused (and left alone) when no hook was inserted.  */
      if (todo != 0)
	{
	  fill_switch_copy ();
	  todo |= TODO_update_address_taken | TODO_update_ssa_only_virtuals;
	}
      switch_copy = NULL_TREE;
    }
  if (tags_end_function ())
    {
      free_dominance_info (CDI_DOMINATORS);
      mark_virtual_operands_for_renaming (cfun);
      todo |= TODO_update_ssa_only_virtuals;
    }
  return todo;
}
