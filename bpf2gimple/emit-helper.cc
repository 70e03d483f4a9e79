/* emit-helper.cc - the lowering of calls to engine helpers: the
   contract's (slow_call, pseudo_pc, condition, tags, ...), bpf-gcc's
   libgcc routines for bit operations and signed division, and GCCInst's
   extensions: the dense tag store's (emit-tagstore.cc), the instrumented
   function's identity and call, and the map helpers (emit-maps.cc).

   Most helpers are compile-time facts of the instrumented operation and
   become constants, which GCC then folds through the hook.  */

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
#include "builtins.h"

#include "bpf-emit.h"
#include "emit-int.h"

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
  arrival stop, go;
  branch (f, EQ_EXPR, any, u64_cst (0), profile_probability::even (), s,
	  &stop, &go);
  add_exit (f, stop);
  continue_on (f, go, s);
}

/* clz/ctz of X in BITS bits, defined (as BITS) at zero.  */
static tree
emit_clz_ctz (frame *f, bool clz, unsigned bits, tree x)
{
  tree t = int_type (bits, 1);
  tree xv = convert_to (f, t, x);
  tree is0 = build_op (f, EQ_EXPR, boolean_type_node, xv, build_zero_cst (t));
  tree safe = gimple_build (&f->seq, f->loc, COND_EXPR, t, is0,
			    build_one_cst (t), xv);
  enum built_in_function fn = bits == 64
			      ? (clz ? BUILT_IN_CLZLL : BUILT_IN_CTZLL)
			      : (clz ? BUILT_IN_CLZ : BUILT_IN_CTZ);
  tree cnt = emit_builtin1 (f, fn, safe);
  return gimple_build (&f->seq, f->loc, COND_EXPR, bpfi_u64_type, is0,
		       u64_cst (bits), cnt);
}

/* The GCC builtin that libgcc routine H of bpf-gcc's computes (its
   argument is converted to the builtin's parameter type).  */
static enum built_in_function
libgcc_builtin (enum bpfi_helper h)
{
  switch (h)
    {
    case BPFI_HELPER_BSWAPSI2: return BUILT_IN_BSWAP32;
    case BPFI_HELPER_BSWAPDI2: return BUILT_IN_BSWAP64;
    case BPFI_HELPER_POPCOUNTSI2: return BUILT_IN_POPCOUNT;
    case BPFI_HELPER_POPCOUNTDI2: return BUILT_IN_POPCOUNTLL;
    case BPFI_HELPER_PARITYDI2: return BUILT_IN_PARITYLL;
    default: return BUILT_IN_FFSLL;
    }
}

void
emit_helper (frame *f, reg_state *s, enum bpfi_helper h,
	     const struct bpfi_insn_info *info)
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
      r0 = ops->pseudo_pc_val ? ops->pseudo_pc_val : u64_cst (ops->pseudo_pc);
      break;
    case BPFI_HELPER_CONDITION:
      r0 = u64_cst (ops->condition < 0 ? 0 : ops->condition);
      break;
    case BPFI_HELPER_CONDITION_RESULT:
      r0 = operand_to_u64 (f, ops->condition_result);
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
      break;
    case BPFI_HELPER_SET_TAG:
      set_reg (s, REG_TAG, r1);
      break;
    case BPFI_HELPER_STOP_IF_NO_TAGS:
      emit_stop_if_no_tags (f, s);
      break;
    case BPFI_HELPER_BSWAPSI2:
    case BPFI_HELPER_BSWAPDI2:
    case BPFI_HELPER_POPCOUNTSI2:
    case BPFI_HELPER_POPCOUNTDI2:
    case BPFI_HELPER_PARITYDI2:
    case BPFI_HELPER_FFSDI2:
      r0 = emit_builtin1 (f, libgcc_builtin (h), r1);
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
    case BPFI_HELPER_FUNC_ID:
      r0 = operand_to_u64 (f, ops->func_id);
      break;
    case BPFI_HELPER_FUNC_ADDR:
      r0 = operand_to_u64 (f, ops->func_addr);
      break;
    case BPFI_HELPER_FUNC_NAME:
      r0 = operand_to_u64 (f, ops->func_name);
      break;
    case BPFI_HELPER_CALL_KIND:
      r0 = u64_cst (ops->call_kind);
      break;
    case BPFI_HELPER_BRANCH_TARGET:
      r0 = operand_to_u64 (f, ops->branch_target);
      break;
    case BPFI_HELPER_MAP_LOOKUP:
    case BPFI_HELPER_MAP_UPDATE:
    case BPFI_HELPER_MAP_DELETE:
      r0 = emit_map_helper (f, s, h, info);
      break;
    default:
      gcc_unreachable ();	/* the loader refused it */
    }
  /* The calling convention: R0 is the result, R1-R5 are clobbered.  */
  set_reg (s, 0, r0 ? r0 : u64_cst (0));
  for (int i = 1; i <= 5; i++)
    set_reg (s, i, NULL_TREE);
}
