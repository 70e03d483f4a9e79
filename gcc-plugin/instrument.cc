/* instrument.cc - put the instrumenter's hooks in front of the operations
   of the current function (and GCCInst's extension hooks at its entry,
   its exits and its calls).

   The statements to instrument are collected first, so that nothing the
   emitter or this file inserts is ever instrumented.  For each, the hook
   table's classifier (hook-table.cc, bpfi_classify) says which hooks
   apply and with which operands; the handler for its kind of site fills
   a bpfi_operands and asks the emitter to inline the hook.

   When the instrumenter uses tags, the handlers give each hook the tags
   of its operands and record the tag it sets on the result (tags.cc);
   statements without a hook get their tags from tags_default.  */

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "gimple-pretty-print.h"
#include "gimplify.h"
#include "gimplify-me.h"
#include "gimple-fold.h"
#include "ssa.h"
#include "internal-fn.h"
#include "dumpfile.h"
#include "options.h"
#include "tree-pass.h"
#include "tree-into-ssa.h"
#include "dominance.h"
#include "cfghooks.h"
#include "cgraph.h"
#include "tree-cfg.h"
#include "cfgloop.h"
#include "stringpool.h"
#include "ggc.h"

#include "bpf-emit.h"
#include "hook-table.h"
#include "plugin.h"
#include "bpfinst/common.h"

/* What holds for the whole translation unit: the instrumenter's function
   for each hook (NULL when it has none), the run-time switch, and the
   figures -fplugin-arg-bpfinst-stats prints.  */
static struct
{
  struct bpfi_func *hook_funcs[BPFI_HOOK_COUNT];
  tree switch_decl;	/* NULL_TREE with -fplugin-arg-bpfinst-switch=off */
  /* The instrumenter keeps tags in libtag's dense store (its hooks use
     dense_tag_get or dense_tag_set): block copies and sets without a
     hook of their own copy the tags there.  */
  bool dense_tags;
  /* Calls of the C library functions libtag wraps go to the wrappers.  */
  bool libc_wrap;
  /* The runtime's functions for those, made on first use: the dense
     store's copy and set, and a TREE_VEC of the wrappers.  */
  tree dense_copy_decl, dense_set_decl, libc_decls;
  struct
  {
    unsigned long sites;	/* operations instrumented */
    unsigned long empty;	/* instances that folded to nothing (a
				   branch's hook has one on each edge) */
    unsigned long stmts;	/* statements and PHIs added */
  } stats[BPFI_HOOK_COUNT];
} inst;

static const struct ggc_root_tab switch_root_tab[] = {
  { &inst.switch_decl, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

static const struct ggc_root_tab memory_root_tab[] = {
  { &inst.dense_copy_decl, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &inst.dense_set_decl, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  { &inst.libc_decls, 1, sizeof (tree), &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

/* What holds while one function is instrumented.  */
struct inst_ctx
{
  /* FNV-1a hash of the function's assembler name and the source file.  */
  uint64_t function_hash;
  /* Ordinal of the operation being instrumented, among the function's
     operations that have hooks.  */
  unsigned ordinal;
  /* Numbers the instrumentation-only steps that compute the address of
     the memory access or address being instrumented (0 elsewhere);
     ADDRESS_OF tells an address (p = &a[i]) from an access.  */
  unsigned address_step;
  bool address_of;
  /* Numbers (from 1) the pieces of an operation presented as several
     (rotates, bit-field accesses), 0 elsewhere.  */
  unsigned part;
  /* The function's copy of the run-time switch, which every hook is
     guarded by, or NULL_TREE.  */
  tree switch_copy;
  /* Numbers, from 1, the block copy or set being instrumented (0
     elsewhere), among the function's: these GCCInst extensions are not
     among the operations ORDINAL counts.  */
  unsigned block_no, blocks;
  /* Calls were added or redirected: virtual operands need renaming.  */
  bool memory_changed;
  /* Numbers the statements handled (address steps included), and, per
     hook, the last one counted in its statistics: a branch's hook on
     its two edges is one operation.  */
  unsigned serial;
  unsigned counted[BPFI_HOOK_COUNT];
  /* Numbers the extension hooks' sites (entry, calls, exits) apart from
     the contract's operations, whose numbers they leave alone.  */
  unsigned ext_ordinal;
  /* func_id (), func_addr () (NULL_TREE when the function's address is
     not to be taken) and func_name () for the function.  */
  tree func_id;
  tree func_addr;
  tree func_name;
  /* The statement being instrumented (an address step, during one),
     for the table of sites.  */
  gimple *stmt;
};

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

/* pseudo_pc () of the SUB-th hook HOOK of the operation being
   instrumented: the FNV-1a hash of the function's assembler name, the
   source file's name, the operation's ordinal among the function's
   operations that have hooks, SUB (a switch's edges, the comparisons of
   its case labels, a condition's cmp and br), the address step (with a
   mark telling the steps of an address from those of an access: "p =
   &a[i]" has no hook, so it shares its ordinal with the next operation),
   the piece of an operation presented as several, when it is one, and
   the hook's name.  An extension hook's site has its own ordinal, among
   the function's extension sites, in place of the operation's; a block
   copy or set (and its address steps) keeps the operation's ordinal and
   adds its own number among the function's, with a mark.  Nothing
   depends on addresses, the build order or the time, so a rebuild gives
   the same values.  */

static uint64_t
pseudo_pc (const inst_ctx *ctx, unsigned sub, enum bpfi_hook hook)
{
  bool ext = bpfi_hook_descs[hook].extension && ctx->block_no == 0;
  uint64_t h = fnv1a_u32 (ctx->function_hash,
			  ext ? ctx->ext_ordinal : ctx->ordinal);
  h = fnv1a_u32 (h, sub + 1000 * ctx->address_step);
  if (ctx->address_of)
    h = fnv1a (h, "&", 1);
  if (ctx->block_no)
    h = fnv1a_u32 (fnv1a (h, "=", 1), ctx->block_no);
  if (ctx->part != 0)
    h = fnv1a_u32 (h, 0x80000000u | ctx->part);
  const char *name = bpfi_hook_descs[hook].name;
  return fnv1a (h, name, strlen (name));
}

void
instrument_init (struct bpfi_object *obj, bool tags_off, bool guards,
		 bool libc_off)
{
  tags_init (obj, tags_off);
  if (guards)
    {
      /* extern int BPFINST_ENABLED, the run-time switch.  */
      inst.switch_decl = bpfi_extern_decl (VAR_DECL, BPFINST_ENABLED_NAME,
					   integer_type_node);
      ggc_register_root_tab (switch_root_tab);
    }
  for (int h = 0; h < BPFI_HOOK_COUNT; h++)
    inst.hook_funcs[h] = bpfi_object_find (obj, bpfi_hook_descs[h].name);

  /* Tags in memory: the dense store's (inline), or the instrumenter's
     own when it follows block copies and sets with hooks.  Then the
     calls of the C library functions libtag wraps go to the wrappers,
     which move the tags of the bytes those functions read and write
     (bare-metal runtimes have no wrappers).  */
  for (size_t i = 0; i < obj->nfuncs; i++)
    {
      const struct bpfi_func *fn = &obj->funcs[i];
      if (fn->global && fn->verified
	  && (bpfi_func_uses_helper (obj, fn, BPFI_HELPER_DENSE_TAG_GET)
	      || bpfi_func_uses_helper (obj, fn, BPFI_HELPER_DENSE_TAG_SET)))
	inst.dense_tags = true;
    }
#ifndef BPFINST_BARE_METAL
  inst.libc_wrap = (!libc_off
		    && (inst.dense_tags
			|| inst.hook_funcs[BPFI_HOOK_MEMCPY] != NULL
			|| inst.hook_funcs[BPFI_HOOK_MEMSET] != NULL));
#else
  (void) libc_off;
#endif
  if (inst.dense_tags || inst.libc_wrap)
    ggc_register_root_tab (memory_root_tab);
}

void
instrument_print_stats (FILE *out, const char *unit)
{
  for (int h = 0; h < BPFI_HOOK_COUNT; h++)
    if (inst.hook_funcs[h] != NULL)
      fprintf (out, "bpfinst: %s: %s: %lu operations instrumented, %lu "
	       "folded to nothing, %lu statements added\n", unit,
	       bpfi_hook_descs[h].name, inst.stats[h].sites,
	       inst.stats[h].empty, inst.stats[h].stmts);
}

static bool
hook_defined_p (enum bpfi_hook hook)
{
  return hook != BPFI_HOOK_NONE && inst.hook_funcs[hook] != NULL;
}

/* Does HOOK read its argument register N (1..5)?  */

static bool
hook_reads_arg_p (enum bpfi_hook hook, int n)
{
  struct bpfi_func *fn = inst.hook_funcs[hook];
  if (fn == NULL)
    return false;
  return !fn->verified || (fn->args_read & (1u << n)) != 0;
}

/* Does HOOK call condition_result ()?  */

static bool
hook_reads_condition_result_p (enum bpfi_hook hook)
{
  struct bpfi_func *fn = inst.hook_funcs[hook];
  return (fn != NULL
	  && bpfi_func_uses_helper (bpfinst_object, fn,
				    BPFI_HELPER_CONDITION_RESULT));
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

/* Set argument N of OPS to VAL, whose width is that of its type, and
   its tag.  */

static void
set_arg (struct bpfi_operands *ops, unsigned n, tree val)
{
  ops->args[n] = val;
  if (n < 3)
    {
      ops->width[n] = type_width (TREE_TYPE (val));
      ops->tags[n] = tag_of (val);
    }
  if (ops->nargs < n + 1)
    ops->nargs = n + 1;
}

/* Inline HOOK with operands OPS at *GSI (before its statement, or at the
   end of its block when it is at the end); SUB numbers the hooks of one
   operation.  Returns the tag of the result.  */

static tree
emit_hook (inst_ctx *ctx, enum bpfi_hook hook, gimple_stmt_iterator *gsi,
	   struct bpfi_operands *ops, unsigned sub)
{
  ops->pseudo_pc = pseudo_pc (ctx, sub, hook);
  sites_record (ops->pseudo_pc, hook, ctx->stmt, ops->args[0], ops->loc,
		ctx->ordinal);
  ops->guard = ctx->switch_copy;
  ops->func_id = ctx->func_id;
  ops->func_addr = ctx->func_addr;
  ops->func_name = ctx->func_name;
  unsigned added = 0;
  ops->stmts_added = &added;
  if (dump_file)
    {
      fprintf (dump_file, ";; bpfinst: %s (pseudo_pc %#llx) %s: ",
	       bpfi_hook_descs[hook].name,
	       (unsigned long long) ops->pseudo_pc,
	       gsi_end_p (*gsi) ? "on the edge to" : "before");
      if (gsi_end_p (*gsi))
	fprintf (dump_file, "<bb %d>\n", single_succ (gsi_bb (*gsi))->index);
      else
	print_gimple_stmt (dump_file, gsi_stmt (*gsi), 0, TDF_SLIM);
    }
  tree tag = bpfi_emit_hook (inst.hook_funcs[hook], gsi, ops);
  if (ctx->counted[hook] != ctx->serial)
    inst.stats[hook].sites++;
  ctx->counted[hook] = ctx->serial;
  inst.stats[hook].empty += added == 0;
  inst.stats[hook].stmts += added;
  return tag;
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

/* The cmp hook for "A CODE B" (condition code COND) in front of STMT at
   *GSI, numbered SUB.  *VALUE is the comparison's value when the caller
   has it, else NULL_TREE: it is computed here if the hook reads
   condition_result ().  Returns the tag the hook sets, which *VALUE (when
   there is one) carries.  */

static tree
emit_cmp (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
	  enum tree_code code, int cond, tree a, tree b, tree *value,
	  unsigned sub)
{
  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_arg (&ops, 0, a);
  set_arg (&ops, 1, b);
  ops.width_res = type_width (boolean_type_node);
  ops.condition = cond;
  if (*value == NULL_TREE && hook_reads_condition_result_p (BPFI_HOOK_CMP))
    *value = build_condition_value (gsi, code, a, b, ops.loc);
  ops.condition_result = *value ? *value : boolean_false_node;
  tree tag = emit_hook (ctx, BPFI_HOOK_CMP, gsi, &ops, sub);
  if (*value != NULL_TREE)
    set_tag_of (*value, tag);
  return tag;
}

/* Where a hook runs on edge E (out of a condition or a switch), returned
   as an iterator for emit_hook: at the start of E's destination when E
   is its only way in, else at the end of a block of its own on E.  */

static gimple_stmt_iterator
edge_point (edge e)
{
  basic_block bb = e->dest;
  if (!single_pred_p (bb))
    bb = split_edge (e);
  return gsi_after_labels (bb);
}

/* The br hook at *GSI on a branch taken when VALUE (boolean, or an
   integer constant) is nonzero, with condition code COND; TAG is the
   branch condition's tag.  */

static void
emit_br (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
	 tree value, tree tag, int cond, unsigned sub)
{
  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_arg (&ops, 0, value);
  ops.tags[0] = tag;
  ops.condition = cond;
  ops.condition_result = value;
  emit_hook (ctx, BPFI_HOOK_BR, gsi, &ops, sub);
}

/* An operation with one hook: arithmetic, logic, conversion, bit count,
   or a comparison into a value.  */

static bool
instrument_op (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
	       const struct bpfi_site *site)
{
  if (!hook_defined_p (site->hook))
    return false;
  tree tag;
  if (site->hook == BPFI_HOOK_CMP)
    {
      /* Its value is the statement's own result.  */
      struct bpfi_operands ops;
      init_operands (&ops, stmt);
      set_arg (&ops, 0, site->ops[0]);
      set_arg (&ops, 1, site->ops[1]);
      ops.width_res = type_width (boolean_type_node);
      ops.condition = site->cond;
      ops.condition_result
	= hook_reads_condition_result_p (BPFI_HOOK_CMP)
	  ? build_condition_value (gsi, site->cmp_code, site->ops[0],
				   site->ops[1], ops.loc)
	  : boolean_false_node;
      tag = emit_hook (ctx, BPFI_HOOK_CMP, gsi, &ops, 0);
    }
  else
    {
      struct bpfi_operands ops;
      init_operands (&ops, stmt);
      for (unsigned i = 0; i < site->nops; i++)
	set_arg (&ops, i, site->ops[i]);
      /* The count for a zero operand of clz/ctz is a constant.  */
      ops.width_res = site->lhs ? type_width (TREE_TYPE (site->lhs))
				: type_width (integer_type_node);
      tag = emit_hook (ctx, site->hook, gsi, &ops, 0);
    }
  if (site->lhs != NULL_TREE)
    set_tag_of (site->lhs, tag);
  return true;
}

/* Where a memory access is: the pointer ADDR (an expression, gimplified
   only when the hook needs it) plus the variable byte offset VAROFF and
   the constant one OFFSET.  */

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

static void instrument_stmt (inst_ctx *ctx, gimple *stmt);

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

/* Instrument the instrumentation-only statement STEP, the STEP_NO-th
   (from 1) step of the address of the operation being instrumented.  */

static void
instrument_step (inst_ctx *ctx, gimple *step, unsigned step_no)
{
  gimple *stmt = ctx->stmt;
  ctx->address_step = step_no;
  instrument_stmt (ctx, step);
  ctx->address_step = 0;
  ctx->stmt = stmt;
}

/* The address of PLACE as a GIMPLE value, computed before *GSI.  A
   variable offset (array indexing) is computed by instrumentation-only
   statements -- conversions, multiplications, the pointer addition --
   each instrumented like the program's own, so that the instrumenter
   sees the steps and the address gets a tag derived from the indices'.  */

static tree
gimplify_address (inst_ctx *ctx, gimple_stmt_iterator *gsi,
		  struct access_place *place, unsigned first_step = 1)
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
    instrument_step (ctx, steps[i], first_step + i);
  /* The hooks may split blocks: find the statement again.  */
  *gsi = gsi_for_stmt (stmt);
  return ptr;
}

/* Fill in the address and offset arguments of a load or store hook.  */

static void
set_access_args (inst_ctx *ctx, struct bpfi_operands *ops,
		 enum bpfi_hook hook, gimple_stmt_iterator *gsi,
		 struct access_place *place)
{
  tree addr;
  if (hook_reads_arg_p (hook, 1))
    addr = gimplify_address (ctx, gsi, place);
  else
    addr = build_int_cst (ptr_type_node, 0);
  set_arg (ops, 0, addr);
  set_arg (ops, 1, build_int_cst (uint64_type_node, place->offset));
}

/* A load or a store.  */

static bool
instrument_access (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		   const struct bpfi_site *site)
{
  struct access_place place;
  if (!hook_defined_p (site->hook) || !analyze_access (site->ref, &place))
    return false;
  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  set_access_args (ctx, &ops, site->hook, gsi, &place);
  if (site->kind == BPFI_SITE_STORE)
    {
      set_arg (&ops, 2, site->ops[0]);
      ops.width_res = ops.width[2];
      emit_hook (ctx, site->hook, gsi, &ops, 0);
    }
  else
    {
      ops.width_res = type_width (TREE_TYPE (site->lhs));
      set_tag_of (site->lhs, emit_hook (ctx, site->hook, gsi, &ops, 0));
    }
  return true;
}

/* An address: lhs = &REF.  With tags, the address is computed again by
   instrumented steps (the indices' conversions and multiplications, the
   pointer additions, the field offset), so that it gets the tag of its
   base pointer and indices as the program's own pointer arithmetic
   would.  */

static bool
instrument_address_of (inst_ctx *ctx, gimple *stmt,
		       const struct bpfi_site *site)
{
  struct access_place place;
  if (!tags_enabled_p ()
      || !analyze_access (site->ref, &place)
      || (TREE_CODE (place.addr) != SSA_NAME && place.varoff == NULL_TREE))
    return false;
  ctx->address_of = true;
  gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
  tree ptr = gimplify_address (ctx, &gsi, &place);
  if (place.offset != 0)
    {
      tree p2 = make_ssa_name (TREE_TYPE (ptr));
      gassign *g = gimple_build_assign (p2, POINTER_PLUS_EXPR, ptr,
					size_int (place.offset));
      gimple_set_location (g, gimple_location (stmt));
      gsi_insert_before (&gsi, g, GSI_SAME_STMT);
      instrument_step (ctx, g, 100);
      ptr = p2;
    }
  ctx->address_of = false;
  set_tag_of (site->lhs, tag_of (ptr));
  return true;
}

/* Does the br hook look at which way the branch goes (its argument or
   condition_result ())?  Then it runs on each edge of the branch, where
   that is a constant: running it there rather than in front of the
   branch changes nothing else, for nothing happens in between.  */

static bool
br_on_edges_p (void)
{
  /* Not when the hook goes out of line: a call on each edge would be
     twice the calls, for nothing to fold.  */
  return ((hook_reads_arg_p (BPFI_HOOK_BR, 1)
	   || hook_reads_condition_result_p (BPFI_HOOK_BR))
	  && !bpfi_emit_outlined_p (inst.hook_funcs[BPFI_HOOK_BR]));
}

/* Conditional branch: if (a CODE b): cmp, then br (on the edges, when
   br_on_edges_p).  */

static void
instrument_cond (inst_ctx *ctx, gimple_stmt_iterator *gsi, gcond *stmt,
		 const struct bpfi_site *site)
{
  bool want_cmp = site->cmp_p && hook_defined_p (BPFI_HOOK_CMP);
  bool want_br = hook_defined_p (BPFI_HOOK_BR);
  bool on_edges = want_br && br_on_edges_p ();
  location_t loc = gimple_location (stmt);
  tree a = site->ops[0];
  tree value = NULL_TREE;
  tree tag;
  if (site->nops == 1)
    {
      /* A boolean tested against zero.  */
      if (!want_br)
	return;
      if (site->br_negate && !on_edges)
	value = build_condition_value (gsi, EQ_EXPR, a,
				       build_zero_cst (TREE_TYPE (a)), loc);
      else if (!site->br_negate)
	value = a;
      tag = tag_of (a);
    }
  else
    {
      if (want_br && !on_edges)
	value = build_condition_value (gsi, site->cmp_code, a,
				       site->ops[1], loc);
      tag = NULL_TREE;
      if (want_cmp)
	tag = emit_cmp (ctx, gsi, stmt, site->cmp_code, site->cond, a,
			site->ops[1], &value, 0);
    }
  if (!want_br)
    return;
  if (!on_edges)
    {
      emit_br (ctx, gsi, stmt, value, tag, site->cond, 1);
      return;
    }
  edge te, fe;
  extract_true_false_edges_from_block (gimple_bb (stmt), &te, &fe);
  gimple_stmt_iterator at = edge_point (te);
  emit_br (ctx, &at, stmt, boolean_true_node, tag, site->cond, 1);
  at = edge_point (fe);
  emit_br (ctx, &at, stmt, boolean_false_node, tag, site->cond, 1);
}

/* Switch: before it, cmp for each case label in order; then br on each
   edge out of it, which runs once per execution of the switch.  */

static void
instrument_switch (inst_ctx *ctx, gimple_stmt_iterator *gsi, gswitch *stmt,
		   const struct bpfi_site *site)
{
  tree index = site->ops[0];
  tree type = TREE_TYPE (index);
  unsigned n = gimple_switch_num_labels (stmt);
  unsigned sub = 0;
  if (hook_defined_p (BPFI_HOOK_CMP))
    for (unsigned i = 1; i < n; i++)
      {
	tree label = gimple_switch_label (stmt, i);
	tree low = fold_convert (type, CASE_LOW (label));
	tree value = NULL_TREE;
	if (CASE_HIGH (label) == NULL_TREE)
	  emit_cmp (ctx, gsi, stmt, EQ_EXPR,
		    bpfi_condition_code (EQ_EXPR, type), index, low, &value,
		    sub++);
	else
	  {
	    tree high = fold_convert (type, CASE_HIGH (label));
	    emit_cmp (ctx, gsi, stmt, GE_EXPR,
		      bpfi_condition_code (GE_EXPR, type), index, low, &value,
		      sub++);
	    value = NULL_TREE;
	    emit_cmp (ctx, gsi, stmt, LE_EXPR,
		      bpfi_condition_code (LE_EXPR, type), index, high,
		      &value, sub++);
	  }
      }
  if (!hook_defined_p (BPFI_HOOK_BR))
    return;

  auto_vec<edge> edges;
  auto_vec<unsigned> first;
  bpfi_switch_edges (stmt, &edges, &first);
  tree tag = tag_of (index);
  for (unsigned i = 0; i < edges.length (); i++)
    {
      /* The hook goes on the edge, where the branch condition is a
	 constant.  The edges' numbers follow the comparisons'.  */
      gimple_stmt_iterator at = edge_point (edges[i]);
      tree taken = first[i] == 0 ? boolean_false_node : boolean_true_node;
      emit_br (ctx, &at, stmt, taken, tag, site->cond,
	       2 * n + first[i]);
    }
}

/* Computed goto; branch_target () is the address jumped to.  */

static bool
instrument_goto (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt)
{
  if (!hook_defined_p (BPFI_HOOK_INDIRECTBR))
    return false;
  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  ops.branch_target = gimple_goto_dest (stmt);
  emit_hook (ctx, BPFI_HOOK_INDIRECTBR, gsi, &ops, 0);
  return true;
}

/* ---------------------------------------------------------------------- */
/* GCCInst's extension hooks: the function's entry and exits, and its
   calls.  Each site has an ordinal of its own (ctx->ext_ordinal).  */

/* func_exit at *GSI, with the value VAL returned (NULL_TREE: 0).  */

static void
emit_func_exit (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		tree val)
{
  struct bpfi_operands ops;
  init_operands (&ops, stmt);
  if (val != NULL_TREE && !is_gimple_val (val))
    {
      /* A value in memory (a result the function's callers see through
	 its address): its bytes now.  */
      tree tmp = make_ssa_name (TREE_TYPE (val));
      gassign *g = gimple_build_assign (tmp, unshare_expr (val));
      gimple_set_location (g, ops.loc);
      gsi_insert_before (gsi, g, GSI_SAME_STMT);
      val = tmp;
    }
  set_arg (&ops, 0, val ? val : build_zero_cst (uint64_type_node));
  if (val == NULL_TREE)
    ops.width[0] = 0;
  emit_hook (ctx, BPFI_HOOK_FUNC_EXIT, gsi, &ops, 0);
}

/* A call: inst_call before it, with the address called; for longjmp,
   func_exit after that.  A call that returns twice (setjmp) starts its
   block, where the second return arrives: the hooks go on the edges
   that come from before it.  */

static void
instrument_call (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		 const struct bpfi_site *site)
{
  bool want_call = hook_defined_p (BPFI_HOOK_CALL);
  bool want_exit = site->leaves && hook_defined_p (BPFI_HOOK_FUNC_EXIT);
  if (!want_call && !want_exit)
    return;
  auto_vec<gimple_stmt_iterator, 2> points;
  if (gimple_call_flags (stmt) & ECF_RETURNS_TWICE)
    {
      auto_vec<edge, 2> preds;
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, gimple_bb (stmt)->preds)
	if (!(e->flags & EDGE_ABNORMAL))
	  preds.safe_push (e);
      for (unsigned i = 0; i < preds.length (); i++)
	points.safe_push (gsi_after_labels (split_edge (preds[i])));
    }
  else
    points.safe_push (*gsi);
  for (unsigned i = 0; i < points.length (); i++)
    {
      gimple_stmt_iterator at = points[i];
      if (want_call)
	{
	  struct bpfi_operands ops;
	  init_operands (&ops, stmt);
	  set_arg (&ops, 0, site->ops[0]);
	  ops.call_kind = site->call_indirect ? CALL_INDIRECT : CALL_DIRECT;
	  emit_hook (ctx, BPFI_HOOK_CALL, &at, &ops, 0);
	}
      if (want_exit)
	emit_func_exit (ctx, &at, stmt, NULL_TREE);
    }
}

/* A return (func_exit with the value returned), or another way out
   (func_exit (0)).  */

static void
instrument_return (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		   const struct bpfi_site *site)
{
  if (hook_defined_p (BPFI_HOOK_FUNC_EXIT))
    emit_func_exit (ctx, gsi, stmt, site->nops ? site->ops[0] : NULL_TREE);
}

/* The function's entry: a block of its own after the entry block, made
   before the parameters' tags are read there (make_entry_block), with
   func_entry at its end.  */

static basic_block
make_entry_block (void)
{
  if (!hook_defined_p (BPFI_HOOK_FUNC_ENTRY))
    return NULL;
  return split_edge (single_succ_edge (ENTRY_BLOCK_PTR_FOR_FN (cfun)));
}

static void
instrument_entry (inst_ctx *ctx, basic_block bb)
{
  if (bb == NULL)
    return;
  gimple_stmt_iterator at = gsi_last_bb (bb);
  if (!gsi_end_p (at))
    gsi_next (&at);
  struct bpfi_operands ops;
  memset (&ops, 0, sizeof ops);
  ops.loc = DECL_SOURCE_LOCATION (current_function_decl);
  emit_hook (ctx, BPFI_HOOK_FUNC_ENTRY, &at, &ops, 0);
  ctx->ext_ordinal++;
}

/* ---------------------------------------------------------------------- */
/* Block copies and block sets, and calls of the C library (GCCInst
   extensions).  */

/* VAL converted to TYPE before *GSI.  */

static tree
convert_before (gimple_stmt_iterator *gsi, tree type, tree val,
		location_t loc)
{
  if (useless_type_conversion_p (type, TREE_TYPE (val)))
    return val;
  if (TREE_CODE (val) == INTEGER_CST)
    return fold_convert (type, val);
  tree t = make_ssa_name (type);
  gassign *g = gimple_build_assign (t, NOP_EXPR, val);
  gimple_set_location (g, loc);
  gsi_insert_before (gsi, g, GSI_SAME_STMT);
  return t;
}

/* VAL, a pointer or an integer, as a 64-bit unsigned value.  */

static tree
as_u64 (gimple_stmt_iterator *gsi, tree val, location_t loc)
{
  tree type = TREE_TYPE (val);
  if (POINTER_TYPE_P (type))
    val = convert_before (gsi, build_nonstandard_integer_type
			  (TYPE_PRECISION (type), 1), val, loc);
  return convert_before (gsi, bpfi_u64_type, val, loc);
}

/* The runtime's void NAME (uint64_t, uint64_t, uint64_t), in *SLOT.  */

static tree
runtime_fn3 (tree *slot, const char *name)
{
  if (*slot == NULL_TREE)
    {
      tree fntype = build_function_type_list (void_type_node, bpfi_u64_type,
					      bpfi_u64_type, bpfi_u64_type,
					      NULL_TREE);
      *slot = bpfi_extern_decl (FUNCTION_DECL, name, fntype);
      TREE_NOTHROW (*slot) = 1;
    }
  return *slot;
}

/* The address of one end of a block copy or set: of memory reference
   REF, or the pointer PTR when REF is NULL_TREE, as a GIMPLE value before
   *GSI.  With STEPS, a variable part is computed by instrumented steps
   numbered from FIRST_STEP, as an access's address is.  */

static tree
block_address (inst_ctx *ctx, gimple_stmt_iterator *gsi, tree ref, tree ptr,
	       bool steps, unsigned first_step)
{
  if (ref == NULL_TREE)
    return ptr;
  struct access_place place;
  if (steps && analyze_access (ref, &place))
    return gimplify_address (ctx, gsi, &place, first_step);
  place.addr = build_fold_addr_expr (ref);
  place.varoff = NULL_TREE;
  place.offset = 0;
  return gimplify_base (gsi, &place);
}

/* A block copy or set: its hook, inst_memcpy or inst_memset; or, without
   one, when the instrumenter keeps tags in the dense store, a call of the
   runtime that copies (or sets) the tags of the bytes there.  */

static bool
instrument_block (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		  const struct bpfi_site *site)
{
  bool set = site->kind == BPFI_SITE_BLOCK_SET;
  bool hooked = hook_defined_p (site->hook);
  if (!hooked && !inst.dense_tags)
    return false;
  location_t loc = gimple_location (stmt);
  ctx->block_no = ++ctx->blocks;
  /* Addresses the hook does not read are not computed.  */
  tree dst = build_int_cst (ptr_type_node, 0);
  if (!hooked || hook_reads_arg_p (site->hook, 1) || site->ref == NULL_TREE)
    dst = block_address (ctx, gsi, site->ref, site->ops[0], hooked, 1);
  tree src = site->ops[1];
  if (!set && (!hooked || hook_reads_arg_p (site->hook, 2)
	       || site->src_ref == NULL_TREE))
    src = block_address (ctx, gsi, site->src_ref, site->ops[1], hooked,
			 500);
  else if (!set)
    src = build_int_cst (ptr_type_node, 0);
  if (hooked)
    {
      struct bpfi_operands ops;
      init_operands (&ops, stmt);
      set_arg (&ops, 0, dst);
      set_arg (&ops, 1, src);
      set_arg (&ops, 2, site->len);
      emit_hook (ctx, site->hook, gsi, &ops, 0);
    }
  else
    {
      tree a = as_u64 (gsi, dst, loc), b, c;
      tree fn;
      if (set)
	{
	  tree tag = tag_of (src);
	  fn = runtime_fn3 (&inst.dense_set_decl, BPFINST_DENSE_SET_RANGE_NAME);
	  b = as_u64 (gsi, site->len, loc);
	  c = tag ? tag : build_zero_cst (bpfi_u64_type);
	}
      else
	{
	  fn = runtime_fn3 (&inst.dense_copy_decl, BPFINST_DENSE_COPY_NAME);
	  b = as_u64 (gsi, src, loc);
	  c = as_u64 (gsi, site->len, loc);
	}
      gcall *call = gimple_build_call (fn, 3, a, b, c);
      gimple_set_location (call, loc);
      gsi_insert_before (gsi, call, GSI_SAME_STMT);
      ctx->memory_changed = true;
    }
  /* memcpy and memset return the destination.  */
  if (site->lhs != NULL_TREE)
    set_tag_of (site->lhs, tag_of (dst));
  ctx->block_no = 0;
  return true;
}

/* A call of a C library function libtag wraps: when the instrumenter
   keeps tags in memory, make it a call of the wrapper, which the tag
   code of calls (tags.cc) then treats as any function.  No hook: false,
   so that tags_default does that.  */

static bool
instrument_libc_call (inst_ctx *ctx, gcall *call, const struct bpfi_site *site)
{
  if (!inst.libc_wrap)
    return false;
  if (inst.libc_decls == NULL_TREE)
    inst.libc_decls = make_tree_vec (bpfi_libc_count ());
  tree old = gimple_call_fndecl (call);
  tree wrapper = TREE_VEC_ELT (inst.libc_decls, site->libc);
  if (wrapper == NULL_TREE)
    {
      char *name = concat (BPFINST_LIBC_WRAPPER_PREFIX,
			   bpfi_libc_name (site->libc), NULL);
      wrapper = bpfi_extern_decl (FUNCTION_DECL, name, TREE_TYPE (old));
      free (name);
      TREE_NOTHROW (wrapper) = TREE_NOTHROW (old);
      TREE_VEC_ELT (inst.libc_decls, site->libc) = wrapper;
    }
  gimple_call_set_fndecl (call, wrapper);
  update_stmt (call);
  cgraph_update_edges_for_call_stmt (call, old, call);
  ctx->memory_changed = true;
  return false;
}

/* ---------------------------------------------------------------------- */
/* Operations GCC made of several source operations.  Their pieces are
   instrumentation-only statements inserted before the operation, each
   instrumented like the program's own, so that the hooks see real
   operands; the program's statement is left as it is.  */

/* Insert "LHS = A CODE B" (LHS a new name of TYPE; B may be NULL_TREE)
   before *GSI, with location LOC; returns the statement.  */

static gimple *
insert_piece (gimple_stmt_iterator *gsi, enum tree_code code, tree type,
	      tree a, tree b, location_t loc)
{
  tree lhs = make_ssa_name (type);
  gassign *g = b != NULL_TREE ? gimple_build_assign (lhs, code, a, b)
			      : gimple_build_assign (lhs, code, a);
  gimple_set_location (g, loc);
  gsi_insert_before (gsi, g, GSI_SAME_STMT);
  return g;
}

/* Instrument PIECE, the PART-th piece (from 1) of the operation being
   instrumented.  */

static void
instrument_piece (inst_ctx *ctx, gimple *piece, unsigned part)
{
  unsigned saved = ctx->part;
  gimple *stmt = ctx->stmt;
  ctx->part = part;
  instrument_stmt (ctx, piece);
  ctx->part = saved;
  ctx->stmt = stmt;
}

/* VAL converted to TYPE before *GSI, by conversions that no hook sees
   (the tag passes).  */

static tree
convert_piece (gimple_stmt_iterator *gsi, tree type, tree val, location_t loc)
{
  gimple_seq seq = NULL;
  tree res = gimple_convert (&seq, loc, type, val);
  for (gimple_stmt_iterator si = gsi_start (seq); !gsi_end_p (si);
       gsi_next (&si))
    tags_default (gsi_stmt (si));
  gsi_insert_seq_before (gsi, seq, GSI_SAME_STMT);
  return res;
}

/* The tag "VALUE ? T_TRUE : T_FALSE" (either may be NULL_TREE, for 0),
   computed before *GSI.  */

static tree
select_tag (gimple_stmt_iterator *gsi, tree value, tree t_true, tree t_false,
	    location_t loc)
{
  if (t_true == NULL_TREE && t_false == NULL_TREE)
    return NULL_TREE;
  tree zero = build_zero_cst (bpfi_u64_type);
  tree tag = make_ssa_name (bpfi_u64_type);
  gassign *g = gimple_build_assign (tag, COND_EXPR, value,
				    t_true ? t_true : zero,
				    t_false ? t_false : zero);
  gimple_set_location (g, loc);
  gsi_insert_before (gsi, g, GSI_SAME_STMT);
  return tag;
}

/* MIN and MAX: the comparison that selects the result, as in
   "x = a < b ? a : b"; the result has the selected operand's tag.  */

static bool
instrument_minmax (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		   const struct bpfi_site *site)
{
  tree a = site->ops[0], b = site->ops[1];
  tree ta = tag_of (a), tb = tag_of (b);
  bool want_cmp = hook_defined_p (BPFI_HOOK_CMP);
  bool want_tag = ta != NULL_TREE || tb != NULL_TREE;
  if (!want_cmp && !want_tag)
    return false;
  location_t loc = gimple_location (stmt);
  tree value = NULL_TREE;
  if (want_tag)
    value = build_condition_value (gsi, site->cmp_code, a, b, loc);
  if (want_cmp)
    emit_cmp (ctx, gsi, stmt, site->cmp_code, site->cond, a, b, &value, 0);
  if (want_tag)
    set_tag_of (site->lhs, select_tag (gsi, value, ta, tb, loc));
  return true;
}

/* ABS: the comparison with 0, then the negation, as in "x = a < 0 ? -a
   : a" (but the negation's hook runs whatever the sign); the result has
   the negation's tag when A is negative, else A's.  */

static bool
instrument_abs (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		const struct bpfi_site *site)
{
  tree a = site->ops[0];
  tree ta = tag_of (a);
  bool want_cmp = hook_defined_p (BPFI_HOOK_CMP);
  bool want_neg = hook_defined_p (BPFI_HOOK_NEG);
  if (!want_cmp && !want_neg && ta == NULL_TREE)
    return false;
  location_t loc = gimple_location (stmt);
  tree zero = build_zero_cst (TREE_TYPE (a));
  bool want_tag = tags_enabled_p () && (want_neg || ta != NULL_TREE);
  tree value = NULL_TREE;
  if (want_tag)
    value = build_condition_value (gsi, LT_EXPR, a, zero, loc);
  if (want_cmp)
    emit_cmp (ctx, gsi, stmt, LT_EXPR, site->cond, a, zero, &value, 0);
  tree tneg = NULL_TREE;
  if (want_neg)
    {
      struct bpfi_operands ops;
      init_operands (&ops, stmt);
      set_arg (&ops, 0, a);
      ops.width_res = type_width (TREE_TYPE (site->lhs));
      tneg = emit_hook (ctx, BPFI_HOOK_NEG, gsi, &ops, 0);
    }
  if (want_tag)
    set_tag_of (site->lhs, select_tag (gsi, value, tneg, ta, loc));
  return true;
}

/* Rotates: the two shifts and the or that compute them, on the rotated
   value as unsigned.  The second shift is by (WIDTH - N) % WIDTH, which
   is N's complement computed without hooks (it has N's tag).  */

static bool
instrument_rotate (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt,
		   const struct bpfi_site *site)
{
  if (!hook_defined_p (BPFI_HOOK_SHL) && !hook_defined_p (BPFI_HOOK_LSHR)
      && !hook_defined_p (BPFI_HOOK_OR))
    return false;
  location_t loc = gimple_location (stmt);
  unsigned width = site->width;
  tree utype = build_nonstandard_integer_type (width, 1);
  tree a = convert_piece (gsi, utype, site->ops[0], loc);
  tree n = site->ops[1];
  tree untype = unsigned_type_for (TREE_TYPE (n));
  tree un = convert_piece (gsi, untype, n, loc);
  gimple_seq seq = NULL;
  tree neg = gimple_build (&seq, loc, NEGATE_EXPR, untype, un);
  tree n2 = gimple_build (&seq, loc, BIT_AND_EXPR, untype, neg,
			  build_int_cst (untype, width - 1));
  gsi_insert_seq_before (gsi, seq, GSI_SAME_STMT);
  set_tag_of (n2, tag_of (n));
  enum tree_code first = site->rotate_right ? RSHIFT_EXPR : LSHIFT_EXPR;
  enum tree_code second = site->rotate_right ? LSHIFT_EXPR : RSHIFT_EXPR;
  gimple *g1 = insert_piece (gsi, first, utype, a, n, loc);
  gimple *g2 = insert_piece (gsi, second, utype, a, n2, loc);
  gimple *g3 = insert_piece (gsi, BIT_IOR_EXPR, utype,
			     gimple_assign_lhs (g1), gimple_assign_lhs (g2),
			     loc);
  instrument_piece (ctx, g1, 1);
  instrument_piece (ctx, g2, 2);
  instrument_piece (ctx, g3, 3);
  set_tag_of (site->lhs, tag_of (gimple_assign_lhs (g3)));
  *gsi = gsi_for_stmt (stmt);
  return true;
}

/* A reference to the representative of bit-field access SITE: the bytes
   that hold the field.  */

static tree
field_bytes (const struct bpfi_site *site)
{
  return build3 (COMPONENT_REF, TREE_TYPE (site->repr),
		 unshare_expr (TREE_OPERAND (site->ref, 0)), site->repr,
		 NULL_TREE);
}

/* Bit-field read: the load of the bytes holding the field, the shift
   that brings it to bit 0 and the mask that keeps it; the result has the
   mask's tag.  */

static bool
instrument_field_load (inst_ctx *ctx, gimple_stmt_iterator *gsi,
		       gimple *stmt, const struct bpfi_site *site)
{
  if (!hook_defined_p (BPFI_HOOK_LOAD) && !hook_defined_p (BPFI_HOOK_LSHR)
      && !hook_defined_p (BPFI_HOOK_AND))
    return false;
  location_t loc = gimple_location (stmt);
  tree rtype = TREE_TYPE (site->repr);
  gimple *g1 = insert_piece (gsi, COMPONENT_REF, rtype, field_bytes (site),
			     NULL_TREE, loc);
  gimple *g2 = insert_piece (gsi, RSHIFT_EXPR, rtype, gimple_assign_lhs (g1),
			     build_int_cst (unsigned_type_node, site->shift),
			     loc);
  gimple *g3 = insert_piece (gsi, BIT_AND_EXPR, rtype,
			     gimple_assign_lhs (g2),
			     build_int_cst_type (rtype, site->mask), loc);
  instrument_piece (ctx, g1, 1);
  instrument_piece (ctx, g2, 2);
  instrument_piece (ctx, g3, 3);
  set_tag_of (site->lhs, tag_of (gimple_assign_lhs (g3)));
  *gsi = gsi_for_stmt (stmt);
  return true;
}

/* Bit-field write: the load of the bytes holding the field, the mask
   that clears the field, the shift of the new value to its place, the or
   of the two and the store of the result in the bytes.  */

static bool
instrument_field_store (inst_ctx *ctx, gimple_stmt_iterator *gsi,
			gimple *stmt, const struct bpfi_site *site)
{
  if (!hook_defined_p (BPFI_HOOK_LOAD) && !hook_defined_p (BPFI_HOOK_AND)
      && !hook_defined_p (BPFI_HOOK_SHL) && !hook_defined_p (BPFI_HOOK_OR)
      && !hook_defined_p (BPFI_HOOK_STORE))
    return false;
  location_t loc = gimple_location (stmt);
  tree rtype = TREE_TYPE (site->repr);
  unsigned size = tree_to_uhwi (DECL_SIZE (TREE_OPERAND (site->ref, 1)));
  gimple *g1 = insert_piece (gsi, COMPONENT_REF, rtype, field_bytes (site),
			     NULL_TREE, loc);
  uint64_t keep = ~(site->mask << site->shift);
  gimple *g2 = insert_piece (gsi, BIT_AND_EXPR, rtype, gimple_assign_lhs (g1),
			     build_int_cst_type (rtype, keep), loc);
  /* The new value's bits, as the field holds them.  */
  tree val = convert_piece (gsi, build_nonstandard_integer_type (size, 1),
			    site->ops[0], loc);
  val = convert_piece (gsi, rtype, val, loc);
  gimple *g3 = insert_piece (gsi, LSHIFT_EXPR, rtype, val,
			     build_int_cst (unsigned_type_node, site->shift),
			     loc);
  gimple *g4 = insert_piece (gsi, BIT_IOR_EXPR, rtype, gimple_assign_lhs (g2),
			     gimple_assign_lhs (g3), loc);
  instrument_piece (ctx, g1, 1);
  instrument_piece (ctx, g2, 2);
  instrument_piece (ctx, g3, 3);
  instrument_piece (ctx, g4, 4);
  *gsi = gsi_for_stmt (stmt);

  struct bpfi_site store;
  memset (&store, 0, sizeof store);
  store.kind = BPFI_SITE_STORE;
  store.hook = BPFI_HOOK_STORE;
  store.ref = field_bytes (site);
  store.nops = 1;
  store.ops[0] = gimple_assign_lhs (g4);
  unsigned saved = ctx->part;
  ctx->part = 5;
  instrument_access (ctx, gsi, stmt, &store);
  ctx->part = saved;
  return true;
}

/* A call of memcpy, memset or a C library function libtag wraps is a
   block or C library site, but a call too: inst_call before it, with the
   function it names (not libtag's wrapper).  */

static void
also_call_site (inst_ctx *ctx, gimple_stmt_iterator *gsi, gimple *stmt)
{
  struct bpfi_site call;
  if (!is_gimple_call (stmt) || !hook_defined_p (BPFI_HOOK_CALL))
    return;
  memset (&call, 0, sizeof call);
  call.hook = BPFI_HOOK_NONE;
  if (!bpfi_classify_call (as_a <gcall *> (stmt), &call)
      || call.kind != BPFI_SITE_CALL)
    return;
  instrument_call (ctx, gsi, stmt, &call);
  ctx->ext_ordinal++;
}

/* Instrument STMT; false when its tags are tags_default's (no hook was
   inserted for it, or only an extension's).  */

static bool
instrument_site (inst_ctx *ctx, gimple *stmt, const struct bpfi_site *site)
{
  gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
  ctx->stmt = stmt;
  switch (site->kind)
    {
    case BPFI_SITE_OP:
      return instrument_op (ctx, &gsi, stmt, site);
    case BPFI_SITE_LOAD:
    case BPFI_SITE_STORE:
      return instrument_access (ctx, &gsi, stmt, site);
    case BPFI_SITE_ADDRESS:
      return instrument_address_of (ctx, stmt, site);
    case BPFI_SITE_COND:
      instrument_cond (ctx, &gsi, as_a <gcond *> (stmt), site);
      return true;
    case BPFI_SITE_SWITCH:
      instrument_switch (ctx, &gsi, as_a <gswitch *> (stmt), site);
      return true;
    case BPFI_SITE_GOTO:
      return instrument_goto (ctx, &gsi, stmt);
    case BPFI_SITE_BLOCK_COPY:
    case BPFI_SITE_BLOCK_SET:
      also_call_site (ctx, &gsi, stmt);
      return instrument_block (ctx, &gsi, stmt, site);
    case BPFI_SITE_LIBC_CALL:
      also_call_site (ctx, &gsi, stmt);
      return instrument_libc_call (ctx, as_a <gcall *> (stmt), site);
    case BPFI_SITE_MINMAX:
      return instrument_minmax (ctx, &gsi, stmt, site);
    case BPFI_SITE_ABS:
      return instrument_abs (ctx, &gsi, stmt, site);
    case BPFI_SITE_ROTATE:
      return instrument_rotate (ctx, &gsi, stmt, site);
    case BPFI_SITE_FIELD_LOAD:
      return instrument_field_load (ctx, &gsi, stmt, site);
    case BPFI_SITE_FIELD_STORE:
      return instrument_field_store (ctx, &gsi, stmt, site);
    /* The extensions' hooks leave the statement's tags to
       tags_default.  */
    case BPFI_SITE_CALL:
      instrument_call (ctx, &gsi, stmt, site);
      ctx->ext_ordinal++;
      return false;
    case BPFI_SITE_RETURN:
    case BPFI_SITE_LEAVE:
      instrument_return (ctx, &gsi, stmt, site);
      ctx->ext_ordinal++;
      return false;
    default:
      return false;
    }
}

static void
instrument_stmt (inst_ctx *ctx, gimple *stmt)
{
  ctx->serial++;
  struct bpfi_site site;
  if (!bpfi_classify (stmt, &site) || !instrument_site (ctx, stmt, &site))
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

/* "COPY = __bpfinst_enabled", as a sequence.  */

static gimple_seq
switch_reload (tree copy, location_t loc)
{
  gimple_seq seq = NULL;
  tree tmp = make_ssa_name (TREE_TYPE (inst.switch_decl));
  gimple *g = gimple_build_assign (tmp, inst.switch_decl);
  gimple_set_location (g, loc);
  gimple_seq_add_stmt (&seq, g);
  g = gimple_build_assign (copy, tmp);
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
fill_switch_copy (tree copy)
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
	    gimple_seq seq = switch_reload (copy, loc);
	    gsi_insert_seq_after (&gsi, seq, GSI_CONTINUE_LINKING);
	    continue;
	  }
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE (e, ei, bb->succs)
	  if (!(e->flags & (EDGE_EH | EDGE_ABNORMAL)))
	    gsi_insert_seq_on_edge (e, switch_reload (copy, loc));
      }
  gsi_insert_seq_on_edge (single_succ_edge (ENTRY_BLOCK_PTR_FOR_FN (cfun)),
			  switch_reload (copy, DECL_SOURCE_LOCATION
					 (current_function_decl)));
  gsi_commit_edge_inserts ();
}

/* GCC 12's partial redundancy elimination can leave a function that
   calls setjmp inside loops in a state the loop-closed SSA rewrite of the
   next vrp pass cannot handle (an internal compiler error in
   compute_live_loop_exits, at tree-ssa-loop-manip.cc:247): plain C of the
   same shape, with counters updated in the conditions of nested loops
   whose bodies call setjmp, gets it too, and the hooks make that shape
   out of any such loop.  An instrumented function that calls setjmp is
   therefore compiled without -ftree-pre.  Inlining is not affected: GCC
   never inlines a function that calls setjmp.  */

static void
avoid_pre_with_setjmp (void)
{
  if (!cfun->calls_setjmp || !flag_tree_pre || number_of_loops (cfun) <= 1)
    return;
  struct gcc_options opts = global_options;
  opts.x_flag_tree_pre = 0;
  DECL_FUNCTION_SPECIFIC_OPTIMIZATION (current_function_decl)
    = build_optimization_node (&opts, &global_options_set);
}

unsigned int
instrument_function (void)
{
  inst_ctx ctx;
  memset (&ctx, 0, sizeof ctx);
  const char *fname
    = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (current_function_decl));
  const char *file = main_input_filename ? main_input_filename : "";
  ctx.function_hash = fnv1a (FNV_OFFSET_BASIS, fname, strlen (fname) + 1);
  ctx.function_hash = fnv1a (ctx.function_hash, file, strlen (file) + 1);
  ctx.func_id = build_int_cst_type (uint64_type_node,
				    (HOST_WIDE_INT)
				    function_id (current_function_decl));
  if (maybe_called_indirectly_p (current_function_decl))
    ctx.func_addr = build_fold_addr_expr (current_function_decl);
  if (fname[0] == '*')
    fname++;
  /* The address of the string itself (&"name", not &"name"[0]): it can
     be the base of a memory reference, should a hook read the name.  */
  tree literal = build_string_literal (strlen (fname) + 1, fname);
  ctx.func_name = build_fold_addr_expr (TREE_OPERAND (TREE_OPERAND (literal,
								     0), 0));

  /* The extensions' hooks may need blocks of their own: for the exits
     through exceptions, and the entry.  */
  if (hook_defined_p (BPFI_HOOK_FUNC_EXIT))
    bpfi_exception_exits ();
  basic_block entry = make_entry_block ();

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
	  struct bpfi_site site;
	  if (!is_gimple_debug (stmt)
	      && (bpfi_classify (stmt, &site) || tags_candidate_p (stmt)))
	    stmts.safe_push (stmt);
	}
    }
  XDELETEVEC (rpo);
  if (inst.switch_decl != NULL_TREE)
    {
      ctx.switch_copy = create_tmp_var (TREE_TYPE (inst.switch_decl),
					"bpfinst_on");
      DECL_NOT_GIMPLE_REG_P (ctx.switch_copy) = 1;
    }

  bpfi_emit_begin_function ();
  tags_begin_function ();
  instrument_entry (&ctx, entry);
  /* pseudo_pc () numbers the operations hooks may apply to, whatever the
     instrumenter defines and does with tags.  */
  for (unsigned i = 0; i < stmts.length (); i++)
    {
      struct bpfi_site site;
      bool hooked = (bpfi_classify (stmts[i], &site)
		     && bpfi_site_hooked_p (&site));
      instrument_stmt (&ctx, stmts[i]);
      ctx.ordinal += hooked;
    }
  unsigned int todo = bpfi_emit_end_function ();
  if (todo != 0)
    avoid_pre_with_setjmp ();
  /* Unused (and left alone) when no hook was inserted.  */
  if (ctx.switch_copy != NULL_TREE && todo != 0)
    {
      fill_switch_copy (ctx.switch_copy);
      todo |= TODO_update_address_taken | TODO_update_ssa_only_virtuals;
    }
  if (ctx.memory_changed)
    {
      mark_virtual_operands_for_renaming (cfun);
      todo |= TODO_update_ssa_only_virtuals;
    }
  if (tags_end_function ())
    {
      free_dominance_info (CDI_DOMINATORS);
      mark_virtual_operands_for_renaming (cfun);
      todo |= TODO_update_ssa_only_virtuals;
    }
  bpfi_emit_remove_dead ();
  return todo;
}
