/* hook-table.cc - which bpfinst hook instruments which GIMPLE operation.
   See hook-table.h for the whole picture.  */

/* Before GCC's headers: see there.  */
#include "bpfinst-libc.h"

#include "gcc-plugin.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "ssa.h"
#include "cfghooks.h"
#include "tree-cfg.h"
#include "cfgloop.h"
#include "options.h"
#include "internal-fn.h"
#include "except.h"
#include "tree-eh.h"
#include "langhooks.h"

#include "hook-table.h"

/* Indexed by enum bpfi_hook.  */
const struct bpfi_hook_desc bpfi_hook_descs[BPFI_HOOK_COUNT] =
{
  { "inst_add",		2, false },
  { "inst_sub",		2, false },
  { "inst_neg",		1, false },
  { "inst_mul",		2, false },
  { "inst_udiv",	2, false },
  { "inst_sdiv",	2, false },
  { "inst_urem",	2, false },
  { "inst_srem_1starg",	2, false },
  { "inst_srem_2ndarg",	2, false },
  { "inst_srem_nonneg",	2, false },
  { "inst_and",		2, false },
  { "inst_nand",	2, false },
  { "inst_or",		2, false },
  { "inst_nor",		2, false },
  { "inst_xor",		2, false },
  { "inst_eqv",		2, false },
  { "inst_not",		1, false },
  { "inst_clz",		2, false },
  { "inst_ctz",		2, false },
  { "inst_shl",		2, false },
  { "inst_lshr",	2, false },
  { "inst_ashr",	2, false },
  { "inst_cmp",		2, false },
  { "inst_br",		1, false },
  { "inst_indirectbr",	0, false },
  { "inst_trunc",	1, false },
  { "inst_zext",	1, false },
  { "inst_sext",	1, false },
  { "inst_load",	2, false },
  { "inst_store",	3, false },
  { "inst_func_entry",	0, true },
  { "inst_func_exit",	1, true },
  { "inst_call",	1, true },
  { "inst_memcpy",	3, true },
  { "inst_memset",	3, true },
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

/* Are the result and the operands of assignment STMT values the hooks
   see?  */
static bool
assign_operands_seen_p (const gassign *stmt)
{
  tree rhs2 = gimple_assign_rhs2 (stmt);
  return (bpfi_instrumented_type_p (TREE_TYPE (gimple_assign_lhs (stmt)))
	  && bpfi_instrumented_type_p (TREE_TYPE (gimple_assign_rhs1 (stmt)))
	  && (rhs2 == NULL_TREE
	      || bpfi_instrumented_type_p (TREE_TYPE (rhs2))));
}

/* The hook for assignment STMT computing its rhs code (arithmetic, logic,
   comparison or conversion), or BPFI_HOOK_NONE.  */
static enum bpfi_hook
hook_for_assign (const gassign *stmt)
{
  enum tree_code code = gimple_assign_rhs_code (stmt);
  const struct code_hook *ch = lookup_code (code);
  if (ch == NULL)
    return BPFI_HOOK_NONE;

  if (!assign_operands_seen_p (stmt))
    return BPFI_HOOK_NONE;
  tree lhs = gimple_assign_lhs (stmt);
  tree optype = TREE_TYPE (gimple_assign_rhs1 (stmt));

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

/* The hook for call STMT (the clz and ctz builtins), or BPFI_HOOK_NONE.  */
static enum bpfi_hook
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

/* Builtin calls that copy or set a block of memory: the arguments that
   are the destination, the source (or the value; -1: zero) and the
   length.  */
struct block_builtin
{
  enum built_in_function fcode;
  bool set;
  int dst, src, len;
};

static const struct block_builtin block_builtins[] =
{
  { BUILT_IN_MEMCPY,		false,	0, 1, 2 },
  { BUILT_IN_MEMMOVE,		false,	0, 1, 2 },
  { BUILT_IN_MEMPCPY,		false,	0, 1, 2 },
  { BUILT_IN_MEMCPY_CHK,	false,	0, 1, 2 },
  { BUILT_IN_MEMMOVE_CHK,	false,	0, 1, 2 },
  { BUILT_IN_MEMPCPY_CHK,	false,	0, 1, 2 },
  { BUILT_IN_BCOPY,		false,	1, 0, 2 },
  { BUILT_IN_MEMSET,		true,	0, 1, 2 },
  { BUILT_IN_MEMSET_CHK,	true,	0, 1, 2 },
  { BUILT_IN_BZERO,		true,	0, -1, 1 },
};

/* The C library functions libtag wraps, and their prototypes.  */
struct libc_function
{
  const char *name;
  const char *signature;
};

static const struct libc_function libc_functions[] =
{
#define X(name, sig) { #name, sig },
  BPFINST_LIBC_FUNCTIONS (X)
#undef X
};

const char *
bpfi_libc_name (int index)
{
  return libc_functions[index].name;
}

unsigned
bpfi_libc_count (void)
{
  return ARRAY_SIZE (libc_functions);
}

/* The kind of TYPE in a signature of BPFINST_LIBC_FUNCTIONS.  */
static char
signature_kind (const_tree type)
{
  if (VOID_TYPE_P (type))
    return 'v';
  if (INTEGRAL_TYPE_P (type))
    return 'i';
  if (POINTER_TYPE_P (type))
    return 'p';
  if (SCALAR_FLOAT_TYPE_P (type))
    return 'f';
  return '?';
}

/* Does prototyped function type FNTYPE agree with SIGNATURE?  */
static bool
signature_matches_p (const_tree fntype, const char *sig)
{
  if (!prototype_p (fntype) || sig[0] != signature_kind (TREE_TYPE (fntype))
      || sig[1] != ':')
    return false;
  const char *k = sig + 2;
  for (tree a = TYPE_ARG_TYPES (fntype); a && a != void_list_node;
       a = TREE_CHAIN (a), k++)
    if (*k == 0 || *k == '.'
	|| (*k != 'a' && *k != signature_kind (TREE_VALUE (a))))
      return false;
  return *k == (stdarg_p (fntype) ? '.' : 0) && (*k == 0 || k[1] == 0);
}

/* The index in LIBC_FUNCTIONS of the function call STMT calls, or -1.  */
static int
libc_function (const gcall *stmt)
{
  tree fndecl = gimple_call_fndecl (stmt);
  /* Not a function this translation unit defines: the program's own.  */
  if (fndecl == NULL_TREE || !TREE_PUBLIC (fndecl) || !DECL_EXTERNAL (fndecl))
    return -1;
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  if (name[0] == '*')
    name++;
  for (size_t i = 0; i < ARRAY_SIZE (libc_functions); i++)
    if (strcmp (name, libc_functions[i].name) == 0)
      return (signature_matches_p (TREE_TYPE (fndecl),
				   libc_functions[i].signature)
	      ? (int) i : -1);
  return -1;
}

/* Classify call STMT of a block copy or set, or of a C library function
   libtag wraps.  */
static bool
classify_memory_call (gcall *stmt, struct bpfi_site *site)
{
  if (gimple_call_builtin_p (stmt, BUILT_IN_NORMAL))
    {
      enum built_in_function fcode
	= DECL_FUNCTION_CODE (gimple_call_fndecl (stmt));
      for (size_t i = 0; i < ARRAY_SIZE (block_builtins); i++)
	{
	  const struct block_builtin *b = &block_builtins[i];
	  if (b->fcode != fcode)
	    continue;
	  site->kind = b->set ? BPFI_SITE_BLOCK_SET : BPFI_SITE_BLOCK_COPY;
	  site->hook = b->set ? BPFI_HOOK_MEMSET : BPFI_HOOK_MEMCPY;
	  site->nops = 2;
	  site->ops[0] = gimple_call_arg (stmt, b->dst);
	  site->ops[1] = (b->src >= 0 ? gimple_call_arg (stmt, b->src)
			  : integer_zero_node);
	  site->len = gimple_call_arg (stmt, b->len);
	  site->lhs = gimple_call_lhs (stmt);
	  return true;
	}
    }
  int libc = libc_function (stmt);
  if (libc < 0)
    return false;
  site->kind = BPFI_SITE_LIBC_CALL;
  site->libc = libc;
  site->lhs = gimple_call_lhs (stmt);
  return true;
}

/* Classify STMT, an assignment to memory of an aggregate: a copy of one
   of constant size, or its zeroing (an empty constructor).  */
static bool
classify_block_assign (gassign *stmt, struct bpfi_site *site)
{
  tree lhs = gimple_assign_lhs (stmt);
  tree rhs = gimple_assign_rhs1 (stmt);
  tree size = TYPE_SIZE_UNIT (TREE_TYPE (lhs));
  if (!gimple_assign_single_p (stmt) || gimple_clobber_p (stmt)
      || !AGGREGATE_TYPE_P (TREE_TYPE (lhs)) || size == NULL_TREE
      || !tree_fits_uhwi_p (size) || integer_zerop (size)
      || TREE_CODE (lhs) == WITH_SIZE_EXPR || TREE_CODE (rhs) == WITH_SIZE_EXPR)
    return false;
  site->ref = lhs;
  site->len = size;
  if (TREE_CODE (rhs) == CONSTRUCTOR)
    {
      if (CONSTRUCTOR_NELTS (rhs) != 0)
	return false;
      site->kind = BPFI_SITE_BLOCK_SET;
      site->hook = BPFI_HOOK_MEMSET;
      site->nops = 2;
      site->ops[1] = integer_zero_node;
      return true;
    }
  if (!handled_component_p (rhs) && !DECL_P (rhs)
      && TREE_CODE (rhs) != MEM_REF && TREE_CODE (rhs) != STRING_CST)
    return false;
  site->kind = BPFI_SITE_BLOCK_COPY;
  site->hook = BPFI_HOOK_MEMCPY;
  site->nops = 2;
  site->src_ref = rhs;
  return true;
}

/* ---------------------------------------------------------------------- */
/* Statements.  */

/* Is memory reference REF in the generic address space?  An access
   through a named one (x86's __seg_fs, __seg_gs) is left alone: the
   hooks would see an offset in the segment as if it were an address.  */
static bool
generic_address_space_p (const_tree ref)
{
  for (const_tree t = ref; ; t = TREE_OPERAND (t, 0))
    {
      if (!ADDR_SPACE_GENERIC_P (TYPE_ADDR_SPACE (TREE_TYPE (t))))
	return false;
      if (TREE_CODE (t) == MEM_REF || TREE_CODE (t) == TARGET_MEM_REF)
	{
	  tree ptype = TREE_TYPE (TREE_OPERAND (t, 0));
	  return (!POINTER_TYPE_P (ptype)
		  || ADDR_SPACE_GENERIC_P (TYPE_ADDR_SPACE
					   (TREE_TYPE (ptype))));
	}
      if (!handled_component_p (t))
	return true;
    }
}

/* Is STMT a store of a scalar the hooks see?  */
static bool
store_p (const gassign *stmt)
{
  tree lhs = gimple_assign_lhs (stmt);
  return (gimple_assign_single_p (stmt)
	  && TREE_CODE (lhs) != SSA_NAME
	  && !gimple_clobber_p (stmt)
	  && !gimple_assign_load_p (stmt)
	  && bpfi_instrumented_type_p (TREE_TYPE (lhs))
	  && bpfi_instrumented_type_p (TREE_TYPE (gimple_assign_rhs1 (stmt)))
	  && is_gimple_val (gimple_assign_rhs1 (stmt))
	  && generic_address_space_p (lhs));
}

/* Is REF a read or write of a bit-field the hooks see as the bytes that
   hold it (its representative: an unsigned integer of at most 64 bits at
   a constant place next to the field)?  Fills in SITE's REF, REPR, SHIFT,
   BITS and MASK.  */
static bool
classify_bit_field (tree ref, struct bpfi_site *site)
{
  if (TREE_CODE (ref) != COMPONENT_REF
      || !DECL_BIT_FIELD (TREE_OPERAND (ref, 1)))
    return false;
  tree field = TREE_OPERAND (ref, 1);
  tree repr = DECL_BIT_FIELD_REPRESENTATIVE (field);
  if (repr == NULL_TREE
      || TREE_THIS_VOLATILE (ref)
      || REF_REVERSE_STORAGE_ORDER (ref)
      || !generic_address_space_p (ref)
      || !INTEGRAL_TYPE_P (TREE_TYPE (repr))
      || !TYPE_UNSIGNED (TREE_TYPE (repr))
      || TYPE_PRECISION (TREE_TYPE (repr)) > 64
      || !tree_fits_uhwi_p (DECL_SIZE (repr))
      || tree_to_uhwi (DECL_SIZE (repr)) != TYPE_PRECISION (TREE_TYPE (repr))
      || !tree_fits_uhwi_p (DECL_SIZE (field))
      || !tree_fits_shwi_p (bit_position (field))
      || !tree_fits_shwi_p (bit_position (repr)))
    return false;
  unsigned bits = TYPE_PRECISION (TREE_TYPE (repr));
  unsigned size = tree_to_uhwi (DECL_SIZE (field));
  HOST_WIDE_INT rel = int_bit_position (field) - int_bit_position (repr);
  if (size == 0 || rel < 0 || rel + size > bits)
    return false;
  site->ref = ref;
  site->repr = repr;
  site->bits = bits;
  /* Bit positions count in memory order: from the most significant bit
     of the first byte on big-endian targets.  */
  site->shift = BYTES_BIG_ENDIAN ? bits - rel - size : rel;
  site->mask = size == 64 ? ~(uint64_t) 0 : ((uint64_t) 1 << size) - 1;
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

/* Operations GCC made of several source operations, which the hooks see
   as those: MIN and MAX, ABS, rotates.  */
static bool
classify_composite (gassign *stmt, struct bpfi_site *site)
{
  if (!assign_operands_seen_p (stmt))
    return false;
  enum tree_code code = gimple_assign_rhs_code (stmt);
  tree lhs = gimple_assign_lhs (stmt);
  tree a = gimple_assign_rhs1 (stmt);
  tree b = gimple_assign_rhs2 (stmt);
  site->ops[0] = a;
  site->ops[1] = b;
  site->nops = b != NULL_TREE ? 2 : 1;
  switch (code)
    {
    case MIN_EXPR:
    case MAX_EXPR:
      site->kind = BPFI_SITE_MINMAX;
      site->cmp_code = code == MIN_EXPR ? LT_EXPR : GT_EXPR;
      site->cond = bpfi_condition_code (site->cmp_code, TREE_TYPE (a));
      return true;
    case ABS_EXPR:
    case ABSU_EXPR:
      if (!INTEGRAL_TYPE_P (TREE_TYPE (a)))
	return false;
      site->kind = BPFI_SITE_ABS;
      site->cmp_code = LT_EXPR;
      site->cond = bpfi_condition_code (LT_EXPR, TREE_TYPE (a));
      return true;
    case LROTATE_EXPR:
    case RROTATE_EXPR:
      if (!INTEGRAL_TYPE_P (TREE_TYPE (lhs))
	  || !INTEGRAL_TYPE_P (TREE_TYPE (b))
	  || TYPE_PRECISION (TREE_TYPE (lhs)) > 64
	  || !pow2p_hwi (TYPE_PRECISION (TREE_TYPE (lhs))))
	return false;
      site->kind = BPFI_SITE_ROTATE;
      site->rotate_right = code == RROTATE_EXPR;
      site->width = TYPE_PRECISION (TREE_TYPE (lhs));
      return true;
    default:
      return false;
    }
}

static bool
classify_assign (gassign *stmt, struct bpfi_site *site)
{
  tree lhs = gimple_assign_lhs (stmt);
  if (TREE_CODE (lhs) != SSA_NAME)
    {
      if (!store_p (stmt))
	return classify_block_assign (stmt, site);
      if (TREE_CODE (lhs) == COMPONENT_REF
	  && DECL_BIT_FIELD (TREE_OPERAND (lhs, 1)))
	{
	  if (!classify_bit_field (lhs, site))
	    return false;
	  site->kind = BPFI_SITE_FIELD_STORE;
	  site->nops = 1;
	  site->ops[0] = gimple_assign_rhs1 (stmt);
	  return true;
	}
      site->kind = BPFI_SITE_STORE;
      site->hook = BPFI_HOOK_STORE;
      site->ref = lhs;
      site->nops = 1;
      site->ops[0] = gimple_assign_rhs1 (stmt);
      return true;
    }
  site->lhs = lhs;
  if (gimple_assign_load_p (stmt))
    {
      tree ref = gimple_assign_rhs1 (stmt);
      if (!bpfi_instrumented_type_p (TREE_TYPE (lhs))
	  || !generic_address_space_p (ref))
	return false;
      if (TREE_CODE (ref) == COMPONENT_REF
	  && DECL_BIT_FIELD (TREE_OPERAND (ref, 1)))
	{
	  if (!classify_bit_field (ref, site))
	    return false;
	  site->kind = BPFI_SITE_FIELD_LOAD;
	  return true;
	}
      site->kind = BPFI_SITE_LOAD;
      site->hook = BPFI_HOOK_LOAD;
      site->ref = gimple_assign_rhs1 (stmt);
      return true;
    }
  if (gimple_assign_rhs_code (stmt) == ADDR_EXPR)
    {
      tree ref = TREE_OPERAND (gimple_assign_rhs1 (stmt), 0);
      if (!POINTER_TYPE_P (TREE_TYPE (lhs))
	  || (!handled_component_p (ref) && TREE_CODE (ref) != MEM_REF))
	return false;
      site->kind = BPFI_SITE_ADDRESS;
      site->ref = ref;
      return true;
    }

  if (classify_composite (stmt, site))
    return true;
  enum bpfi_hook hook = hook_for_assign (stmt);
  if (hook == BPFI_HOOK_NONE)
    return false;
  site->kind = BPFI_SITE_OP;
  site->hook = hook;
  site->ops[0] = gimple_assign_rhs1 (stmt);
  site->ops[1] = gimple_assign_rhs2 (stmt);
  site->nops = site->ops[1] != NULL_TREE ? 2 : 1;
  if (hook == BPFI_HOOK_CMP)
    {
      site->cmp_code = gimple_assign_rhs_code (stmt);
      site->cond = bpfi_condition_code (site->cmp_code,
					TREE_TYPE (site->ops[0]));
    }
  /* x + C with C's sign bit set is presented as x - (-C).  */
  tree c = site->ops[1];
  if (hook == BPFI_HOOK_ADD && c != NULL_TREE
      && TREE_CODE (c) == INTEGER_CST && wi::neg_p (wi::to_wide (c), SIGNED))
    {
      tree utype = unsigned_type_for (TREE_TYPE (c));
      if (utype != NULL_TREE)
	{
	  site->hook = BPFI_HOOK_SUB;
	  site->ops[1] = wide_int_to_tree (utype, wi::neg (wi::to_wide (c)));
	}
    }
  return true;
}

static bool
classify_cond (gcond *stmt, struct bpfi_site *site)
{
  enum tree_code code = gimple_cond_code (stmt);
  tree a = gimple_cond_lhs (stmt);
  tree b = gimple_cond_rhs (stmt);
  tree optype = TREE_TYPE (a);
  site->kind = BPFI_SITE_COND;
  site->hook = BPFI_HOOK_BR;
  site->nops = 2;
  site->ops[0] = a;
  site->ops[1] = b;
  site->cmp_code = code;
  if (TREE_CODE (optype) == BOOLEAN_TYPE
      && (code == NE_EXPR || code == EQ_EXPR) && integer_zerop (b))
    {
      /* A boolean tested against zero: only the branch.  */
      site->nops = 1;
      site->br_negate = code == EQ_EXPR;
      site->cond = code == NE_EXPR ? BPFI_COND_NEQ : BPFI_COND_EQ;
      return true;
    }
  if (bpfi_instrumented_type_p (optype))
    {
      site->cmp_p = true;
      site->cond = bpfi_condition_code (code, optype);
      return site->cond >= 0;
    }
  if (SCALAR_FLOAT_TYPE_P (optype) && !flag_non_call_exceptions)
    {
      /* Not a comparison the hooks see, but still a branch.  */
      site->cond = float_branch_condition (code);
      return true;
    }
  /* Still an operation pseudo_pc () numbers, with no hook.  */
  site->kind = BPFI_SITE_NONE;
  return false;
}

/* ---------------------------------------------------------------------- */
/* Calls, returns and exits of the function: GCCInst's extension hooks.  */

/* Is CALL one of the longjmp family, which leaves the function (for one
   of its callers', unless the function calls setjmp itself)?  */
static bool
longjmp_call_p (gcall *call, tree fndecl)
{
  if (cfun->calls_setjmp || !gimple_call_noreturn_p (call))
    return false;
  if (fndecl_built_in_p (fndecl, BUILT_IN_LONGJMP))
    return true;
  if (DECL_NAME (fndecl) == NULL_TREE)
    return false;
  const char *n = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  while (*n == '_')
    n++;
  return (strcmp (n, "longjmp") == 0 || strcmp (n, "siglongjmp") == 0
	  || strcmp (n, "longjmp_chk") == 0);
}

/* A call: the call hook, unless it is no call in the program's source
   (internal functions, GCC's own built-ins); func_exit after it when it
   leaves the function.  */
bool
bpfi_classify_call (gcall *call, struct bpfi_site *site)
{
  if (gimple_call_internal_p (call))
    return false;
  tree fndecl = gimple_call_fndecl (call);
  bool source_call = (fndecl == NULL_TREE
		      || (!fndecl_built_in_p (fndecl, BUILT_IN_MD)
			  && !fndecl_built_in_p (fndecl, BUILT_IN_FRONTEND)
			  && !(fndecl_built_in_p (fndecl, BUILT_IN_NORMAL)
			       && DECL_IS_UNDECLARED_BUILTIN (fndecl))));
  site->leaves = fndecl != NULL_TREE && longjmp_call_p (call, fndecl);
  if (!source_call)
    {
      site->kind = site->leaves ? BPFI_SITE_LEAVE : BPFI_SITE_NONE;
      site->hook = BPFI_HOOK_FUNC_EXIT;
      return site->leaves;
    }
  site->kind = BPFI_SITE_CALL;
  site->hook = BPFI_HOOK_CALL;
  site->lhs = gimple_call_lhs (call);
  site->nops = 1;
  if (fndecl != NULL_TREE)
    site->ops[0] = build_fold_addr_expr (fndecl);
  else
    {
      /* A C++ virtual call names its target through an OBJ_TYPE_REF: the
	 address called is the expression inside.  */
      tree fn = gimple_call_fn (call);
      if (TREE_CODE (fn) == OBJ_TYPE_REF)
	fn = OBJ_TYPE_REF_EXPR (fn);
      site->ops[0] = fn;
      site->call_indirect = true;
    }
  return true;
}

bool
bpfi_classify (gimple *stmt, struct bpfi_site *site)
{
  memset (site, 0, sizeof *site);
  site->hook = BPFI_HOOK_NONE;
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      return classify_assign (as_a <gassign *> (stmt), site);
    case GIMPLE_COND:
      return classify_cond (as_a <gcond *> (stmt), site);
    case GIMPLE_SWITCH:
      {
	tree index = gimple_switch_index (as_a <gswitch *> (stmt));
	if (!bpfi_instrumented_type_p (TREE_TYPE (index)))
	  return false;
	site->kind = BPFI_SITE_SWITCH;
	site->hook = BPFI_HOOK_BR;
	site->nops = 1;
	site->ops[0] = index;
	site->cond = BPFI_COND_EQ;
	return true;
      }
    case GIMPLE_GOTO:
      if (TREE_CODE (gimple_goto_dest (stmt)) == LABEL_DECL)
	return false;
      site->kind = BPFI_SITE_GOTO;
      site->hook = BPFI_HOOK_INDIRECTBR;
      return true;
    case GIMPLE_CALL:
      {
	gcall *call = as_a <gcall *> (stmt);
	enum bpfi_hook hook = hook_for_call (call);
	if (hook == BPFI_HOOK_NONE)
	  return (classify_memory_call (call, site)
		  || bpfi_classify_call (call, site));
	if (gimple_call_num_args (call) < 1)
	  return false;
	tree a = gimple_call_arg (call, 0);
	if (!bpfi_instrumented_type_p (TREE_TYPE (a)))
	  return false;
	tree lhs = gimple_call_lhs (call);
	tree rtype = lhs != NULL_TREE ? TREE_TYPE (lhs) : integer_type_node;
	site->kind = BPFI_SITE_OP;
	site->hook = hook;
	site->lhs = lhs;
	site->nops = 2;
	site->ops[0] = a;
	site->ops[1] = build_int_cst (rtype, TYPE_PRECISION (TREE_TYPE (a)));
	return true;
      }
    case GIMPLE_RETURN:
      {
	tree val = gimple_return_retval (as_a <greturn *> (stmt));
	site->kind = BPFI_SITE_RETURN;
	site->hook = BPFI_HOOK_FUNC_EXIT;
	if (val != NULL_TREE && bpfi_instrumented_type_p (TREE_TYPE (val)))
	  {
	    site->nops = 1;
	    site->ops[0] = val;
	  }
	return true;
      }
    case GIMPLE_RESX:
      /* An exception going out of the function: the resx's block has
	 nowhere to go in it.  */
      if (EDGE_COUNT (gimple_bb (stmt)->succs) != 0)
	return false;
      site->kind = BPFI_SITE_LEAVE;
      site->hook = BPFI_HOOK_FUNC_EXIT;
      return true;
    default:
      return false;
    }
}

bool
bpfi_site_hooked_p (const struct bpfi_site *site)
{
  switch (site->kind)
    {
    case BPFI_SITE_NONE:
    case BPFI_SITE_ADDRESS:
    case BPFI_SITE_CALL:
    case BPFI_SITE_RETURN:
    case BPFI_SITE_LEAVE:
    case BPFI_SITE_BLOCK_COPY:
    case BPFI_SITE_BLOCK_SET:
    case BPFI_SITE_LIBC_CALL:
      return false;
    default:
      return true;
    }
}

void
bpfi_exception_exits (void)
{
  if (!cfun->can_throw_non_call_exceptions && !flag_exceptions)
    return;
  auto_vec<gimple *> calls;
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gimple *stmt = gsi_stmt (gsi);
	/* A call that may throw and has no landing pad here: its
	   exceptions go straight out.  (A negative number is a region
	   that must not throw, and terminates.)  */
	if (is_gimple_call (stmt) && lookup_stmt_eh_lp (stmt) == 0
	    && stmt_could_throw_p (cfun, stmt))
	  calls.safe_push (stmt);
      }
  if (calls.is_empty ())
    return;

  /* A cleanup region around them, with nothing outside it: its landing
     pad's resx takes the exception on out of the function.  */
  eh_region region = gen_eh_region_cleanup (NULL);
  eh_landing_pad lp = gen_eh_landing_pad (region);
  tree label = create_artificial_label (UNKNOWN_LOCATION);
  EH_LANDING_PAD_NR (label) = lp->index;
  lp->post_landing_pad = label;
  basic_block pad = create_empty_bb (EXIT_BLOCK_PTR_FOR_FN (cfun)->prev_bb);
  if (current_loops)
    add_bb_to_loop (pad, current_loops->tree_root);
  pad->count = profile_count::zero ();
  gimple_stmt_iterator gsi = gsi_start_bb (pad);
  gsi_insert_after (&gsi, gimple_build_label (label), GSI_NEW_STMT);
  gsi_insert_after (&gsi, gimple_build_resx (region->index), GSI_NEW_STMT);
  for (unsigned i = 0; i < calls.length (); i++)
    {
      gimple *call = calls[i];
      add_stmt_to_eh_lp (call, lp->index);
      /* A call that may throw to a landing pad ends its block.  */
      basic_block from = gimple_bb (call);
      if (call != gsi_stmt (gsi_last_bb (from)))
	split_block (from, call);
      edge e = make_edge (from, pad, EDGE_EH);
      e->probability = profile_probability::never ();
    }
  if (!DECL_FUNCTION_PERSONALITY (current_function_decl))
    DECL_FUNCTION_PERSONALITY (current_function_decl)
      = lang_hooks.eh_personality ();
}

/* ---------------------------------------------------------------------- */
/* Switches.  */

/* Give the default label of switch STMT, which shares edge SHARED with
   case labels, a block and an edge of its own.  */
static void
separate_default (gswitch *stmt, edge shared)
{
  basic_block bb = gimple_bb (stmt);
  basic_block dest = shared->dest;
  basic_block fw = create_empty_bb (bb);
  if (current_loops)
    {
      /* In the loop both ends share, as split_edge does: not in the
	 switch's loop when the edge leaves it.  A new edge into a loop's
	 header from inside makes a second latch.  */
      class loop *loop = find_common_loop (bb->loop_father,
					   dest->loop_father);
      add_bb_to_loop (fw, loop);
      if (dest == loop->header)
	loops_state_set (LOOPS_NEED_FIXUP);
    }
  edge to_fw = make_edge (bb, fw, 0);
  edge out = make_edge (fw, dest, EDGE_FALLTHRU);
  /* The default gets half of the shared edge's share.  */
  to_fw->probability = shared->probability.apply_scale (1, 2);
  shared->probability -= to_fw->probability;
  fw->count = to_fw->count ();
  out->probability = profile_probability::always ();
  for (gphi_iterator gpi = gsi_start_phis (dest); !gsi_end_p (gpi);
       gsi_next (&gpi))
    {
      gphi *phi = gpi.phi ();
      add_phi_arg (phi, PHI_ARG_DEF_FROM_EDGE (phi, shared), out,
		   gimple_phi_arg_location_from_edge (phi, shared));
    }
  CASE_LABEL (gimple_switch_default_label (stmt)) = gimple_block_label (fw);
}

void
bpfi_switch_edges (gswitch *stmt, vec<edge> *edges,
		   vec<unsigned> *first_label)
{
  basic_block bb = gimple_bb (stmt);
  unsigned n = gimple_switch_num_labels (stmt);
  basic_block ddest = label_to_block (cfun, CASE_LABEL
					     (gimple_switch_default_label
					      (stmt)));
  for (unsigned i = 1; i < n; i++)
    if (label_to_block (cfun, CASE_LABEL (gimple_switch_label (stmt, i)))
	== ddest)
      {
	separate_default (stmt, find_edge (bb, ddest));
	break;
      }
  /* An edge per label group, numbered by its first label.  */
  auto_vec<unsigned> first_of_block;
  first_of_block.safe_grow_cleared (last_basic_block_for_fn (cfun));
  for (unsigned i = n; i-- > 0;)
    {
      basic_block d = label_to_block (cfun,
				      CASE_LABEL (gimple_switch_label (stmt,
								       i)));
      first_of_block[d->index] = i;
    }
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, bb->succs)
    {
      edges->safe_push (e);
      first_label->safe_push (first_of_block[e->dest->index]);
    }
}
