/* hook-table.cc - which bpfinst hook instruments which GIMPLE operation.
   See hook-table.h for the whole picture.  */

#include "gcc-plugin.h"
#include "tree.h"
#include "gimple.h"
#include "internal-fn.h"

#include "hook-table.h"

/* Indexed by enum bpfi_hook.  */
const struct bpfi_hook_desc bpfi_hook_descs[BPFI_HOOK_COUNT] =
{
  { "inst_add",		2 },
  { "inst_sub",		2 },
  { "inst_neg",		1 },
  { "inst_mul",		2 },
  { "inst_udiv",	2 },
  { "inst_sdiv",	2 },
  { "inst_urem",	2 },
  { "inst_srem_1starg",	2 },
  { "inst_srem_2ndarg",	2 },
  { "inst_srem_nonneg",	2 },
  { "inst_and",		2 },
  { "inst_nand",	2 },
  { "inst_or",		2 },
  { "inst_nor",		2 },
  { "inst_xor",		2 },
  { "inst_eqv",		2 },
  { "inst_not",		1 },
  { "inst_clz",		2 },
  { "inst_ctz",		2 },
  { "inst_shl",		2 },
  { "inst_lshr",	2 },
  { "inst_ashr",	2 },
  { "inst_cmp",		2 },
  { "inst_br",		1 },
  { "inst_indirectbr",	0 },
  { "inst_trunc",	1 },
  { "inst_zext",	1 },
  { "inst_sext",	1 },
  { "inst_load",	2 },
  { "inst_store",	3 },
};

/* How a tree code is instrumented.  */
enum code_kind
{
  CK_ARITH,		/* the hook of the operand's signedness */
  CK_COMPARE,		/* cmp, with COND */
  CK_CONVERT		/* trunc when narrowing, else the hook of the
			   source operand's signedness */
};

struct code_hook
{
  enum tree_code code;
  enum code_kind kind;
  enum bpfi_hook unsigned_hook;	/* unsigned, boolean and pointer operand */
  enum bpfi_hook signed_hook;	/* signed integral operand */
  int cond;			/* for CK_COMPARE */
};

static const struct code_hook code_hooks[] =
{
  /* tree code		kind		unsigned		signed  */
  { PLUS_EXPR,		CK_ARITH,	BPFI_HOOK_ADD,		BPFI_HOOK_ADD, 0 },
  { POINTER_PLUS_EXPR,	CK_ARITH,	BPFI_HOOK_ADD,		BPFI_HOOK_ADD, 0 },
  { MINUS_EXPR,		CK_ARITH,	BPFI_HOOK_SUB,		BPFI_HOOK_SUB, 0 },
  { POINTER_DIFF_EXPR,	CK_ARITH,	BPFI_HOOK_SUB,		BPFI_HOOK_SUB, 0 },
  { NEGATE_EXPR,	CK_ARITH,	BPFI_HOOK_NEG,		BPFI_HOOK_NEG, 0 },
  { MULT_EXPR,		CK_ARITH,	BPFI_HOOK_MUL,		BPFI_HOOK_MUL, 0 },
  { TRUNC_DIV_EXPR,	CK_ARITH,	BPFI_HOOK_UDIV,		BPFI_HOOK_SDIV, 0 },
  { EXACT_DIV_EXPR,	CK_ARITH,	BPFI_HOOK_UDIV,		BPFI_HOOK_SDIV, 0 },
  { TRUNC_MOD_EXPR,	CK_ARITH,	BPFI_HOOK_UREM,	BPFI_HOOK_SREM_1STARG, 0 },
  { FLOOR_MOD_EXPR,	CK_ARITH,	BPFI_HOOK_UREM,	BPFI_HOOK_SREM_2NDARG, 0 },
  { BIT_AND_EXPR,	CK_ARITH,	BPFI_HOOK_AND,		BPFI_HOOK_AND, 0 },
  { BIT_IOR_EXPR,	CK_ARITH,	BPFI_HOOK_OR,		BPFI_HOOK_OR, 0 },
  { BIT_XOR_EXPR,	CK_ARITH,	BPFI_HOOK_XOR,		BPFI_HOOK_XOR, 0 },
  { BIT_NOT_EXPR,	CK_ARITH,	BPFI_HOOK_NOT,		BPFI_HOOK_NOT, 0 },
  { LSHIFT_EXPR,	CK_ARITH,	BPFI_HOOK_SHL,		BPFI_HOOK_SHL, 0 },
  { RSHIFT_EXPR,	CK_ARITH,	BPFI_HOOK_LSHR,		BPFI_HOOK_ASHR, 0 },
  { EQ_EXPR,	CK_COMPARE,	BPFI_HOOK_CMP,	BPFI_HOOK_CMP,	BPFI_COND_EQ },
  { NE_EXPR,	CK_COMPARE,	BPFI_HOOK_CMP,	BPFI_HOOK_CMP,	BPFI_COND_NEQ },
  { LT_EXPR,	CK_COMPARE,	BPFI_HOOK_CMP,	BPFI_HOOK_CMP,	BPFI_COND_LT },
  { LE_EXPR,	CK_COMPARE,	BPFI_HOOK_CMP,	BPFI_HOOK_CMP,	BPFI_COND_LE },
  { GT_EXPR,	CK_COMPARE,	BPFI_HOOK_CMP,	BPFI_HOOK_CMP,	BPFI_COND_GT },
  { GE_EXPR,	CK_COMPARE,	BPFI_HOOK_CMP,	BPFI_HOOK_CMP,	BPFI_COND_GE },
  { NOP_EXPR,		CK_CONVERT,	BPFI_HOOK_ZEXT,		BPFI_HOOK_SEXT, 0 },
  { CONVERT_EXPR,	CK_CONVERT,	BPFI_HOOK_ZEXT,		BPFI_HOOK_SEXT, 0 },
};

/* Builtin calls: the clz and ctz families.  */
struct builtin_hook
{
  enum built_in_function fcode;
  enum bpfi_hook hook;
};

static const struct builtin_hook builtin_hooks[] =
{
  { BUILT_IN_CLZ,	BPFI_HOOK_CLZ },
  { BUILT_IN_CLZL,	BPFI_HOOK_CLZ },
  { BUILT_IN_CLZLL,	BPFI_HOOK_CLZ },
  { BUILT_IN_CLZIMAX,	BPFI_HOOK_CLZ },
  { BUILT_IN_CTZ,	BPFI_HOOK_CTZ },
  { BUILT_IN_CTZL,	BPFI_HOOK_CTZ },
  { BUILT_IN_CTZLL,	BPFI_HOOK_CTZ },
  { BUILT_IN_CTZIMAX,	BPFI_HOOK_CTZ },
};

bool
bpfi_instrumented_type_p (const_tree type)
{
  return (type != NULL_TREE
	  && (INTEGRAL_TYPE_P (type) || POINTER_TYPE_P (type))
	  && TYPE_PRECISION (type) > 0);
}

static const struct code_hook *
lookup_code (enum tree_code code)
{
  for (size_t i = 0; i < ARRAY_SIZE (code_hooks); i++)
    if (code_hooks[i].code == code)
      return &code_hooks[i];
  return NULL;
}

/* Does TYPE count as signed for choosing a hook or a condition code?  */

static bool
signed_operand_p (const_tree type)
{
  return INTEGRAL_TYPE_P (type) && !TYPE_UNSIGNED (type);
}

int
bpfi_condition_code (enum tree_code code, const_tree optype)
{
  const struct code_hook *ch = lookup_code (code);
  if (ch == NULL || ch->kind != CK_COMPARE
      || !bpfi_instrumented_type_p (optype))
    return -1;
  return ch->cond | (signed_operand_p (optype) ? BPFI_COND_SIGNED : 0);
}

enum bpfi_hook
hook_for_assign (const gassign *stmt)
{
  enum tree_code code = gimple_assign_rhs_code (stmt);
  const struct code_hook *ch = lookup_code (code);
  if (ch == NULL)
    return BPFI_HOOK_NONE;

  tree lhs = gimple_assign_lhs (stmt);
  tree rhs1 = gimple_assign_rhs1 (stmt);
  tree rhs2 = gimple_assign_rhs2 (stmt);
  tree optype = TREE_TYPE (rhs1);
  if (!bpfi_instrumented_type_p (TREE_TYPE (lhs))
      || !bpfi_instrumented_type_p (optype)
      || (rhs2 != NULL_TREE && !bpfi_instrumented_type_p (TREE_TYPE (rhs2))))
    return BPFI_HOOK_NONE;

  switch (ch->kind)
    {
    case CK_ARITH:
    case CK_COMPARE:
      break;
    case CK_CONVERT:
      {
	unsigned to = TYPE_PRECISION (TREE_TYPE (lhs));
	unsigned from = TYPE_PRECISION (optype);
	if (to == from)
	  return BPFI_HOOK_NONE;
	if (to < from)
	  return BPFI_HOOK_TRUNC;
      }
      break;
    }
  return signed_operand_p (optype) ? ch->signed_hook : ch->unsigned_hook;
}

enum bpfi_hook
hook_for_call (const gcall *stmt)
{
  if (gimple_call_internal_p (stmt))
    {
      switch (gimple_call_internal_fn (stmt))
	{
	case IFN_CLZ:
	  return BPFI_HOOK_CLZ;
	case IFN_CTZ:
	  return BPFI_HOOK_CTZ;
	default:
	  return BPFI_HOOK_NONE;
	}
    }
  if (!gimple_call_builtin_p (stmt, BUILT_IN_NORMAL))
    return BPFI_HOOK_NONE;
  enum built_in_function fcode
    = DECL_FUNCTION_CODE (gimple_call_fndecl (stmt));
  for (size_t i = 0; i < ARRAY_SIZE (builtin_hooks); i++)
    if (builtin_hooks[i].fcode == fcode)
      return builtin_hooks[i].hook;
  return BPFI_HOOK_NONE;
}
